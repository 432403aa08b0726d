// ESLint flat config for the leaklint benchmark (tests/bench/run.sh copies it
// into the tools cache so that `globals` resolves). Only the two rules that
// overlap leaklint's `no-implicit-global` are on. Each .js file is parsed as a
// module when run.sh's pre-pass found a top-level import/export in it (the
// same test leaklint uses), else as CommonJS; .mjs is always a module and .cjs
// always CommonJS. The list comes from $LL_BENCH_ESM_LIST (absolute paths).
import { readFileSync } from "node:fs";
import globals from "globals";

const listFile = process.env.LL_BENCH_ESM_LIST;
const esm = new Set(
  listFile ? readFileSync(listFile, "utf8").split("\n").filter(Boolean) : [],
);

export default [
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    linterOptions: { reportUnusedDisableDirectives: "off" },
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "commonjs",
      // leaklint's default environment is node + browser.
      globals: { ...globals.node, ...globals.browser },
    },
    rules: { "no-undef": "error", "no-implicit-globals": "error" },
  },
  { files: [(path) => esm.has(path)], languageOptions: { sourceType: "module" } },
  { files: ["**/*.mjs"], languageOptions: { sourceType: "module" } },
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
];
