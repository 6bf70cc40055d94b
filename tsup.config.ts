import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "storage/index": "src/storage/index.ts",
    "redis/index": "src/redis/index.ts",
    "postgres/index": "src/postgres/index.ts",
  },
  // The runtime dependencies are bundled (and are only devDependencies): Node resolving and evaluating their many
  // files cost more at start-up (serverless cold start) than all of beckon, and zod/mini tree-shakes to the parts the
  // schemas use. ioredis and pg stay external, optional peers of their adapters. scripts/smoke-dist.mjs fails if
  // dist/ imports any other package; LICENSE lists the bundled ones.
  noExternal: [/^zod(\/|$)/, /^@date-fns\/tz(\/|$)/],
  // Shared code (StorageError, the core) lives in chunks both formats share, so the entry points hand each other the
  // same classes, not copies.
  splitting: true,
  format: ["esm", "cjs"],
  dts: { compilerOptions: { types: ["node"] } },
  tsconfig: "tsconfig.build.json",
  clean: true,
  sourcemap: true,
  // Minified because a cold start compiles every function it calls from source: smaller source, less to parse
  // (~3 ms of a ~45 ms cold start). The source maps name everything as written.
  minify: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
});
