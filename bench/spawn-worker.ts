import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const require = createRequire(import.meta.url);

/**
 * Starts a worker thread running a TypeScript module through tsx's loader (registered inside the thread: an
 * `--import` in a worker's execArgv does not reach its entry module on Node 20). Works the same under the CLI and
 * under vitest, so the fuzzer's test slice runs exactly the harness its CLI runs; the fuzzer and the adversarial
 * bench each pass their worker's module. A heap limit turns an input that eats memory into an
 * ERR_WORKER_OUT_OF_MEMORY error event instead of killing the whole run.
 *
 * @example
 * const worker = spawnWorker(new URL("./adversarial-worker.ts", import.meta.url), undefined);
 */
export function spawnWorker(entry: URL, workerData: unknown): Worker {
  const api = pathToFileURL(join(dirname(require.resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits: { maxOldGenerationSizeMb: 1536 } });
}
