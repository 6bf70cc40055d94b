/**
 * Turns a flat list of inclusive code-unit ranges in any order, overlapping or not (`[lo0, hi0, lo1, hi1, …]`), into
 * the sorted, non-overlapping form a `Pattern` character set needs; touching ranges are joined.
 *
 * @example
 * mergeRanges([0x61, 0x7a, 0x41, 0x5a, 0x62, 0x62]) // => [0x41, 0x5a, 0x61, 0x7a]
 */
export function mergeRanges(ranges: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) pairs.push([ranges[i] as number, ranges[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && lo <= (merged[last] as number) + 1) merged[last] = Math.max(merged[last] as number, hi);
    else merged.push(lo, hi);
  }
  return merged;
}
