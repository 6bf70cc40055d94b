import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // Examples import beckon by its package name, as a user's project would; the tests run them on the source, not on
  // a dist/ that may be stale or not built yet.
  resolve: {
    alias: [
      { find: /^beckon$/, replacement: src("index.ts") },
      { find: /^beckon\/(storage|redis|postgres|schema|testing|lhc)$/, replacement: src("$1/index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Property tests stop themselves after 20 s (test/setup.ts); this leaves them room to report.
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.test.json" },
  },
});
