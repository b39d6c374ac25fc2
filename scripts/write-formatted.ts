// Writes a file the tools generate as Prettier formats it, so `npm test`'s format check passes on what they write.
import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";

export async function writeFormatted(file: string, text: string) {
  const options = await resolveConfig(file);
  writeFileSync(file, await format(text, { ...options, filepath: file }));
}
