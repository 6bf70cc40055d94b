/**
 * The place of the first of the ascending `values` above `value`, searched from `low` (`values.length` when none is):
 * a binary search.
 *
 * @example
 * firstAbove([1, 3, 3, 7], 3) // => 3
 * firstAbove([1, 3, 3, 7], 0) // => 0
 * firstAbove([1, 3, 3, 7], 9) // => 4
 */
export function firstAbove(values: readonly number[], value: number, low = 0): number {
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) > value) high = mid;
    else low = mid + 1;
  }
  return low;
}
