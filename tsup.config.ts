import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

const library: Options = {
  entry: {
    index: "src/index.ts",
    "storage/index": "src/storage/index.ts",
    "redis/index": "src/redis/index.ts",
    "postgres/index": "src/postgres/index.ts",
    // schema.json as a module for admin UIs; nothing of the core, so importing beckon never loads it.
    "schema/index": "src/schema/index.ts",
    // fast-check arbitraries: fast-check stays external (an optional peer, so tsup leaves it out of the bundle).
    "testing/index": "src/testing/index.ts",
    // The LHC importer: pure, so it runs anywhere; the command line adds the database reader (mysql2).
    "lhc/index": "src/lhc/index.ts",
  },
  // The runtime dependencies are bundled (and are only devDependencies): Node resolving and evaluating their many
  // files cost more at start-up (serverless cold start) than all of beckon, and zod/mini tree-shakes to the parts the
  // schemas use. ioredis and pg stay external, optional peers of their adapters, and so does fast-check (an optional
  // peer of beckon/testing). scripts/smoke-dist.mjs fails if dist/ imports any other package; LICENSE lists the
  // bundled ones.
  noExternal: [/^zod(\/|$)/, /^@date-fns\/tz(\/|$)/],
  // Shared code (StorageError, the core) lives in chunks both formats share, so the entry points hand each other the
  // same classes, not copies.
  splitting: true,
  format: ["esm", "cjs"],
  dts: { compilerOptions: { types: ["node"] } },
  tsconfig: "tsconfig.build.json",
  // `npm run build` empties dist/ first: the two builds below run side by side, and cleaning in one would race the other.
  clean: false,
  sourcemap: true,
  // Errors must read well from the installed package: class and function names are kept (`ConfigError`, not `kt`),
  // and whitespace stays, so a stack trace's line is a statement, not the whole 100 kB file Node would print above
  // an uncaught error. Identifiers and syntax are still shortened: a cold start parses every function it calls, and
  // full minification saves only ≈ 10 % of it (bench/RESULTS.md, "Issue 11: the published build"). The source maps
  // name everything as written (`node --enable-source-maps`).
  minifyIdentifiers: true,
  minifySyntax: true,
  keepNames: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
};

// The `beckon` executable: one ESM file (it awaits at the top level), run by Node from the installed package with no
// dev dependency, so its libraries (commander, picocolors, fastest-levenshtein) are bundled like the core's.
const cli: Options = {
  entry: { cli: "src/cli/index.ts" },
  // mysql2 (for `import-lhc --mysql`) is an optional peer, loaded with a dynamic import only then: never bundled.
  external: [/^mysql2(\/|$)/],
  noExternal: [/^zod(\/|$)/, /^@date-fns\/tz(\/|$)/, /^commander$/, /^picocolors$/, /^fastest-levenshtein$/],
  format: ["esm"],
  dts: false,
  tsconfig: "tsconfig.build.json",
  sourcemap: true,
  minify: false,
  target: "es2022",
  platform: "node",
  treeshake: true,
  define: { BECKON_VERSION: JSON.stringify(version) },
  // commander is CommonJS: bundled into ESM, its `require("events")` needs a `require` to exist.
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as __beckonRequire } from "node:module";\nconst require = __beckonRequire(import.meta.url);' },
};

export default defineConfig([library, cli]);
