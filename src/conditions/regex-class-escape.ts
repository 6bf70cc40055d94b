import { complementRanges } from "../automaton/complement-ranges.js";

const DIGITS = [0x30, 0x39];
const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** ECMAScript WhiteSpace and LineTerminator: what `\s` matches. */
const SPACE = [
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f,
  0x3000, 0x3000, 0xfeff, 0xfeff,
];
/** `.` without the `s` flag: anything but a LineTerminator (`\n`, `\r`, U+2028, U+2029). */
const NOT_LINE_TERMINATOR = complementRanges([0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029]);

const SETS: Readonly<Record<string, readonly number[]>> = {
  d: DIGITS,
  D: complementRanges(DIGITS),
  w: WORD,
  W: complementRanges(WORD),
  s: SPACE,
  S: complementRanges(SPACE),
  ".": NOT_LINE_TERMINATOR,
};

/**
 * The code units a character class escape (`\d \D \w \W \s \S`) or `.` stands for in a non-unicode JavaScript
 * RegExp, as sorted ranges; each is closed under the `i` flag's case folding. `undefined` for any other letter.
 *
 * @example
 * regexClassEscape("d") // => [0x30, 0x39]
 */
export function regexClassEscape(letter: string): readonly number[] | undefined {
  return Object.hasOwn(SETS, letter) ? SETS[letter] : undefined;
}
