import type { Pattern } from "./pattern.js";

/**
 * The text every full match of a pattern starts with: the single code units it begins with, through nested
 * sequences and what all alternatives of a choice share, up to the first set, repetition or assertion. A matcher
 * checks it with one native `startsWith` before reading the rest code unit by code unit.
 *
 * @example
 * literalPrefix({ type: "seq", items: [{ type: "chars", ranges: [0x61, 0x61] }, { type: "chars", ranges: [0x30, 0x39] }] })
 * // => "a"
 */
export function literalPrefix(pattern: Pattern): string {
  const units: number[] = [];
  collect(pattern, units);
  return String.fromCharCode(...units.slice(0, MAX_PREFIX));
}

const MAX_PREFIX = 4096;

/** Appends the pattern's leading literal code units; says whether the whole pattern was literal (so go on). */
function collect(p: Pattern, units: number[]): boolean {
  if (p.type === "chars") {
    if (p.ranges.length !== 2 || p.ranges[0] !== p.ranges[1]) return false;
    units.push(p.ranges[0] as number);
    return true;
  }
  if (p.type === "alt") return collectCommon(p.items, units);
  if (p.type !== "seq") return false;
  for (const item of p.items) if (!collect(item, units)) return false;
  return true;
}

/** The prefix all alternatives share (`a/b*` or `a/b*` then `/…`: `a/b`); whole only when they are one literal. */
function collectCommon(items: readonly Pattern[], units: number[]): boolean {
  const first = items[0];
  if (first === undefined) return false;
  const prefixes = items.map((item) => {
    const own: number[] = [];
    return { own, whole: collect(item, own) };
  });
  const shortest = Math.min(...prefixes.map((p) => p.own.length));
  let shared = 0;
  while (shared < shortest && prefixes.every((p) => p.own[shared] === prefixes[0]?.own[shared])) shared += 1;
  units.push(...(prefixes[0]?.own.slice(0, shared) ?? []));
  return prefixes.every((p) => p.whole && p.own.length === shared);
}
