/**
 * The language both of beckon's pattern front-ends compile to: URL globs and `regex` attribute conditions become a
 * `Pattern`, and `compileAutomaton` turns a `Pattern` into a matcher that runs in time linear in the input (no
 * backtracking). Only what such a matcher can decide in one pass is expressible: character sets, sequences,
 * alternatives, bounded or unbounded repetition and zero-width assertions on the neighbouring characters — no
 * back-references, no look-around, no complement.
 *
 * Character sets are flat lists of inclusive ranges of UTF-16 code units, `[lo0, hi0, lo1, hi1, …]`, sorted and
 * non-overlapping; a front-end resolves negation and case-folding into the ranges before handing them over.
 *
 * @example
 * // the glob `a*` (a `*` matches no `/`)
 * const aStar: Pattern = {
 *   type: "seq",
 *   items: [
 *     { type: "chars", ranges: [0x61, 0x61] },
 *     { type: "repeat", item: { type: "chars", ranges: [0, 0x2e, 0x30, 0xffff] }, min: 0, max: Infinity },
 *   ],
 * };
 */
export type Pattern =
  /** One code unit from the ranges. An empty list matches nothing. */
  | { readonly type: "chars"; readonly ranges: readonly number[] }
  /** The items one after another. No items: the empty string. */
  | { readonly type: "seq"; readonly items: readonly Pattern[] }
  /** Any one of the items. No items: nothing at all. */
  | { readonly type: "alt"; readonly items: readonly Pattern[] }
  /** `item` at least `min` and at most `max` times (`max` may be `Infinity`); `0 <= min <= max`. */
  | { readonly type: "repeat"; readonly item: Pattern; readonly min: number; readonly max: number }
  /**
   * A zero-width test: `start` / `end` of the input, `word` / `notWord` a boundary between a word character
   * (`[A-Za-z0-9_]`) and a non-word character or the input's edge, as `\b` / `\B` in a JavaScript RegExp.
   */
  | { readonly type: "assert"; readonly kind: "start" | "end" | "word" | "notWord" };
