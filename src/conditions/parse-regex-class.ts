import { complementRanges } from "../automaton/complement-ranges.js";
import { foldCase } from "./fold-case.js";
import { mergeRanges } from "../automaton/merge-ranges.js";
import { parseRegexEscape, type RegexCursor, type RegexEscape } from "./parse-regex-escape.js";

const DASH_ATOM: RegexEscape = { kind: "char", code: 0x2d };

/**
 * Reads the character class at `cursor.pos` (`[…]` or `[^…]`) into the code units it matches case-insensitively,
 * as sorted ranges. Annex B's reading of a dash next to a class escape holds: `[\d-z]` is a digit, `-` or `z`.
 * Folding comes before negation, as in JavaScript: `[^a]` with the `i` flag matches neither `a` nor `A`.
 * Assumes the pattern compiles as a JavaScript RegExp.
 *
 * @example
 * parseRegexClass({ source: "[^a-c]", pos: 0, captures: 0, named: false }) // => everything but a–c and A–C
 */
export function parseRegexClass(cursor: RegexCursor): number[] {
  const { source } = cursor;
  cursor.pos += 1;
  const negated = source[cursor.pos] === "^";
  if (negated) cursor.pos += 1;
  // Class escapes (`\d`, `\W`…) are closed under case folding already; only characters and ranges need it.
  const sets: number[] = [];
  const chars: number[] = [];
  while (cursor.pos < source.length && source[cursor.pos] !== "]") {
    const from = classAtom(cursor);
    const isRange = source[cursor.pos] === "-" && cursor.pos + 1 < source.length && source[cursor.pos + 1] !== "]";
    if (isRange) cursor.pos += 1;
    const to = isRange ? classAtom(cursor) : undefined;
    if (from.kind === "char" && to?.kind === "char") chars.push(from.code, to.code);
    else for (const atom of to === undefined ? [from] : [from, DASH_ATOM, to]) add(atom, chars, sets);
  }
  cursor.pos += 1;
  const ranges = mergeRanges([...sets, ...foldCase(mergeRanges(chars))]);
  return negated ? complementRanges(ranges) : ranges;
}

function classAtom(cursor: RegexCursor): RegexEscape {
  if (cursor.source[cursor.pos] === "\\") return parseRegexEscape(cursor, true);
  const code = cursor.source.charCodeAt(cursor.pos);
  cursor.pos += 1;
  return { kind: "char", code };
}

/** A back-reference cannot stand in a class (there `\1` is an octal escape), so only characters and sets come. */
function add(atom: RegexEscape, chars: number[], sets: number[]): void {
  if (atom.kind === "char") chars.push(atom.code, atom.code);
  else if (atom.kind === "set") sets.push(...atom.ranges);
}
