import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FindingGroup } from "./run-fuzz.js";
import { seedFor } from "./seed-for.js";

/**
 * Writes one JSON file per distinct finding into `dir` (fuzz/findings/, gitignored): the signature, how often it
 * was seen, the first occurrence in full (message, stack, the recipe of corruptions and the input rendered as
 * JSON) and the command that replays it. Returns the paths written.
 *
 * @example
 * writeFindings("fuzz/findings", summary.groups, summary.seed) // => ["fuzz/findings/1-evaluate-threw-3f2a9c1e.json", …]
 */
export function writeFindings(dir: string, groups: readonly FindingGroup[], seed: number): string[] {
  if (groups.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  return groups.map((group) => {
    const { first } = group;
    const name = `${seed}-${first.target}-${first.check}-${seedFor(0, group.signature).toString(16).padStart(8, "0")}.json`;
    const path = join(dir, name);
    const replay = `npm run fuzz -- --seed ${seed} --replay ${first.target}:${first.index}`;
    writeFileSync(path, `${JSON.stringify({ signature: group.signature, count: group.count, indexes: group.indexes, replay, ...first, input: parseOrKeep(first.input) }, null, 2)}\n`);
    return path;
  });
}

/** The rendered input back as JSON, so the file nests it instead of holding an escaped string. */
function parseOrKeep(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
