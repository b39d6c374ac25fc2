import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
/** Scratch output, ignored by git (`dist/`). */
const OUT_DIR = path.join(BENCH_DIR, "dist", "targets");

/**
 * Compiles one self-contained TypeScript program (node built-ins and packages only, no relative imports) to plain
 * JavaScript, so a baseline server runs on bare `node` like the compiled chat server, without tsx's loader in its
 * memory (tsx adds ≈40 MB RSS to a process).
 */
export function compileProgram(sourceFile: string): string {
  const source = readFileSync(sourceFile, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: sourceFile,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // An .mjs name keeps it an ES module whatever the nearest package.json says.
  const outFile = path.join(OUT_DIR, `${path.basename(sourceFile, ".ts")}.mjs`);
  writeFileSync(outFile, outputText);
  return outFile;
}
