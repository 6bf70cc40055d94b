/**
 * Up to this many values (counted as JSON would write them) an input may share its parts freely: reading that many
 * takes milliseconds, however few objects the graph holds.
 */
export const SHARED_EXPANSION_ALLOWANCE = 65_536;

/**
 * Past {@link SHARED_EXPANSION_ALLOWANCE}, an input written out as JSON may hold at most this many times the values it
 * really holds (each object counted once). JSON text never shares, so its ratio is 1; an object graph from code (or
 * a YAML file with aliases) that reuses one schedule or design in every invitation stays well under 16; 25 nested
 * pairs of one shared array are 2²⁴ values from 50, which every check after the reading would walk as a tree.
 */
export const MAX_SHARED_EXPANSION = 16;

/**
 * Whether an input that JSON would write as `values` values, `distinct` of them distinct (each object's entries
 * counted once, plus the root), shares its parts past the bound: the work of checking it would then not be linear in
 * its size. The same rule as expat's billion-laughs protection (an amplification factor past an activation
 * threshold).
 *
 * @example
 * isOverExpanded(70_000, 70_000) // => false (no sharing)
 * isOverExpanded(1_000_000, 50)  // => true
 * isOverExpanded(60_000, 2)      // => false (under the allowance)
 */
export function isOverExpanded(values: number, distinct: number): boolean {
  return values > SHARED_EXPANSION_ALLOWANCE && values > MAX_SHARED_EXPANSION * distinct;
}

/**
 * The message of the `too_big` issue for an input refused by {@link isOverExpanded}, reported at the path of the
 * repeat that adds the most values.
 *
 * @example
 * overExpandedMessage(1_048_575, 40)
 * // => "repeats an object read before, and the input shares its parts too much: written out as JSON it holds …"
 */
export function overExpandedMessage(values: number, distinct: number): string {
  return (
    `repeats an object read before, and the input shares its parts too much: written out as JSON it holds ${values} ` +
    `values, more than ${MAX_SHARED_EXPANSION} times the ${distinct} it holds (each object counted once)`
  );
}
