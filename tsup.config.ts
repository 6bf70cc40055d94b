import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "storage/index": "src/storage/index.ts" },
  format: ["esm", "cjs"],
  dts: { compilerOptions: { types: ["node"] } },
  tsconfig: "tsconfig.build.json",
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
});
