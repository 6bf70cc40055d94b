import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "storage/index": "src/storage/index.ts",
    "redis/index": "src/redis/index.ts",
    "postgres/index": "src/postgres/index.ts",
  },
  // Shared code (StorageError, the core) lives in chunks both formats share, so the entry points hand each other the
  // same classes, not copies.
  splitting: true,
  format: ["esm", "cjs"],
  dts: { compilerOptions: { types: ["node"] } },
  tsconfig: "tsconfig.build.json",
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
});
