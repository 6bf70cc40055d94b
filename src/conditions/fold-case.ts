import { mergeRanges } from "../automaton/merge-ranges.js";

const FIRST_NON_ASCII = 0x80;
const LAST_CODE_UNIT = 0xffff;

/** Every code unit from U+0080 to U+FFFF in order, built on first use (most rulesets have no `regex` condition). */
let nonAscii: string | undefined;

/**
 * Widens a character set as the `i` flag of a non-unicode JavaScript RegExp does: a code unit matches when its
 * canonical form (its upper case, unless that is several units or maps a non-ASCII character into ASCII) equals
 * that of a member. ASCII folds among itself (`ſ` stays apart from `s`), so only a set holding some but not all of
 * the non-ASCII code units needs more: the runtime's own RegExp finds their case partners, one linear scan of the
 * code units with a single character class, which keeps the folding exactly that of the native engine.
 *
 * @example
 * foldCase([0x61, 0x61]) // => [0x41, 0x41, 0x61, 0x61]  ("a" also matches "A")
 */
export function foldCase(ranges: readonly number[]): number[] {
  const folded = [...ranges];
  const upper: number[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const lo = ranges[i] as number;
    const hi = ranges[i + 1] as number;
    addShifted(folded, lo, hi, 0x41, 0x5a, 0x20);
    addShifted(folded, lo, hi, 0x61, 0x7a, -0x20);
    if (hi >= FIRST_NON_ASCII) upper.push(Math.max(lo, FIRST_NON_ASCII), hi);
  }
  const allNonAscii = upper.length === 2 && upper[0] === FIRST_NON_ASCII && upper[1] === LAST_CODE_UNIT;
  if (upper.length > 0 && !allNonAscii) folded.push(...nonAsciiPartners(upper));
  return folded.length === ranges.length ? folded : mergeRanges(folded);
}

/** Adds `[lo, hi] ∩ [from, to]` moved by `shift`: the other case of the ASCII letters in a range. */
function addShifted(into: number[], lo: number, hi: number, from: number, to: number, shift: number): void {
  const start = Math.max(lo, from);
  const end = Math.min(hi, to);
  if (start <= end) into.push(start + shift, end + shift);
}

/** The non-ASCII code units that match a set of them case-insensitively, as ranges: one per run of matches. */
function nonAsciiPartners(ranges: readonly number[]): number[] {
  nonAscii ??= codeUnitsFrom(FIRST_NON_ASCII);
  let members = "";
  for (let i = 0; i + 1 < ranges.length; i += 2) members += `${unicodeEscape(ranges[i] as number)}-${unicodeEscape(ranges[i + 1] as number)}`;
  const partners: number[] = [];
  for (const run of nonAscii.matchAll(new RegExp(`[${members}]+`, "gi"))) {
    partners.push(FIRST_NON_ASCII + run.index, FIRST_NON_ASCII + run.index + run[0].length - 1);
  }
  return partners;
}

function codeUnitsFrom(first: number): string {
  const chunks: string[] = [];
  for (let from = first; from <= LAST_CODE_UNIT; from += 4096) {
    const units: number[] = [];
    for (let code = from; code < Math.min(from + 4096, LAST_CODE_UNIT + 1); code += 1) units.push(code);
    chunks.push(String.fromCharCode.apply(null, units));
  }
  return chunks.join("");
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
