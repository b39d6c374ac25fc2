import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  // Type-aware rules catch promises nobody awaits and `any` leaking out of socket payloads.
  {
    files: ["**/*.{ts,tsx,mts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // Vitest's asymmetric matchers (expect.any, objectContaining) are typed `any` by design.
  { files: ["test/**"], rules: { "@typescript-eslint/no-unsafe-assignment": "off" } },
  globalIgnores([".next/**", "out/**", "dist/**", "next-env.d.ts", "coverage/**"]),
]);

export default eslintConfig;
