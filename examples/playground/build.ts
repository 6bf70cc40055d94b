// Builds the playground into static files: index.html, playground.css and one bundled script, all linked by
// relative URLs, so the folder can be served under any path (the example server serves it at /playground/) or opened
// from disk.
//
//   npm run build:playground        → examples/playground/dist/
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Where `npm run build:playground` writes the page. */
export const PLAYGROUND_DIST = here("./dist");

/** What a build wrote: the script's size as served, minified and gzipped, in bytes. */
export interface PlaygroundBuild {
  outdir: string;
  scriptBytes: number;
  scriptGzipBytes: number;
}

/**
 * Bundles the playground with esbuild — beckon from its source (`src/`), so no `npm run build` is needed first — and
 * copies the page and its style beside the script. `outdir` is emptied first.
 *
 * @example
 * const { scriptGzipBytes } = await buildPlayground(PLAYGROUND_DIST);
 */
export async function buildPlayground(outdir: string = PLAYGROUND_DIST): Promise<PlaygroundBuild> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [here("./src/main.ts")],
    outfile: `${outdir}/playground.js`,
    bundle: true,
    minify: true,
    // A classic script rather than a module: it also runs when dist/index.html is opened from disk (file://).
    format: "iife",
    platform: "browser",
    target: "es2022",
    alias: { beckon: here("../../src/index.ts") },
    logLevel: "silent",
  });
  await Promise.all(["index.html", "playground.css", "favicon.svg"].map((file) => copyFile(here(`./${file}`), `${outdir}/${file}`)));
  const script = await readFile(`${outdir}/playground.js`);
  return { outdir, scriptBytes: script.length, scriptGzipBytes: gzipSync(script, { level: 9 }).length };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildPlayground();
  const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`playground → ${built.outdir} (playground.js ${kB(built.scriptBytes)}, ${kB(built.scriptGzipBytes)} gzipped)`);
}
