/**
 * Cold start of the built package alone (issue 11, item 5): fresh `node` processes import `dist/index.js`, parse and
 * compile 100 invitations and decide once (bench/cold-start-child.mjs). Prints the median and its parts, and the
 * median time node itself took to boot in the same processes, so a reading from a slower machine can be judged
 * against the floor. CI prints it after the build; nothing is asserted, timings belong to bench/.
 *
 *   npm run build && npm run bench:cold             # 9 processes
 *   npm run bench:cold -- --runs 21 --entry other/dist/index.js
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { generateInvitations } from "./generate.js";
import { generateSamples } from "./generate-visitors.js";
import { measureColdStart } from "./startup.js";

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : (argv[at + 1] ?? fallback);
};
const runs = Number(option("--runs", "9"));
const entry = resolve(option("--entry", "dist/index.js"));
if (!existsSync(entry)) {
  console.error(`${entry} does not exist: run \`npm run build\` first`);
  process.exit(1);
}
const samples = generateSamples(200, 1);
const sample = samples.find((s) => s.visitor.timeOnSite !== undefined && s.visitor.timeOnSite > 60) ?? samples[0];
if (sample === undefined) throw new Error("no sample visitor");
const { median } = measureColdStart(entry, generateInvitations(100, 1), sample, runs);
const ms = (value: number): string => `${value.toFixed(1)} ms`;
console.log(
  `cold start (median of ${runs} processes, ${entry}): ${ms(median.totalMs)} = import ${ms(median.importMs)} + ` +
    `parseInvitations ${ms(median.parseMs)} + compile ${ms(median.compileMs)} + evaluate ${ms(median.evaluateMs)}; ` +
    `node itself booted in ${ms(median.bootMs)} before that`,
);
