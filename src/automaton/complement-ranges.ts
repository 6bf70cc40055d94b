/** The highest UTF-16 code unit: a non-unicode RegExp reads its input one code unit at a time. */
const MAX_CODE_UNIT = 0xffff;

/**
 * The code units 0–0xFFFF not in a sorted, non-overlapping range list: a negated class `[^…]` and `\D`, `\W`, `\S`.
 *
 * @example
 * complementRanges([0x30, 0x39]) // => [0, 0x2f, 0x3a, 0xffff]
 */
export function complementRanges(ranges: readonly number[]): number[] {
  const result: number[] = [];
  let next = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const lo = ranges[i] as number;
    if (lo > next) result.push(next, lo - 1);
    next = (ranges[i + 1] as number) + 1;
  }
  if (next <= MAX_CODE_UNIT) result.push(next, MAX_CODE_UNIT);
  return result;
}
