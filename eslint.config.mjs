import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

// Root tooling: tests/, scripts/, bench/. Each stage (template/, steps/*) lints itself with its own
// eslint.config.mjs — Next's rules plus these type-checked ones — so a stage copied out of the repo keeps its lint.
// `npm test` runs both.
export default defineConfig([
  globalIgnores([
    "template/**",
    "steps/**",
    "**/node_modules/**",
    "**/.next/**",
    "**/dist/**",
    "test-results/**",
    "bench/results/**",
    ".tmp/**",
  ]),
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // Playwright's fixtures destructure `{}` by design; assertion helpers use `any`-typed matchers.
  {
    files: ["tests/**/*.ts"],
    rules: { "no-empty-pattern": "off", "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  // node:test's describe/it return promises the runner itself awaits.
  {
    files: ["scripts/test/**/*.ts", "bench/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-floating-promises": [
        "error",
        { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["describe", "it"] }] },
      ],
    },
  },
  { files: ["**/*.mjs"], extends: [tseslint.configs.disableTypeChecked] },
]);
