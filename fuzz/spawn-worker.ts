import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const require = createRequire(import.meta.url);

/**
 * Starts a fuzz worker thread running fuzz/fuzz-worker.ts through tsx's loader (registered inside the thread: an
 * `--import` in a worker's execArgv does not reach its entry module on Node 20). Works the same under the CLI and
 * under vitest, so the test slice runs exactly the harness the CLI runs.
 *
 * @example
 * const worker = spawnWorker({ seed: 1, budgetMs: 50, progress: new SharedArrayBuffer(12) });
 */
export function spawnWorker(workerData: { seed: number; budgetMs: number; progress: SharedArrayBuffer }): Worker {
  const api = pathToFileURL(join(dirname(require.resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const entry = new URL("./fuzz-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  // A heap limit turns an input that eats memory into an ERR_WORKER_OUT_OF_MEMORY finding instead of killing the run.
  return new Worker(code, { eval: true, workerData, resourceLimits: { maxOldGenerationSizeMb: 1536 } });
}
