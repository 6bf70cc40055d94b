import { regexClassEscape } from "./regex-class-escape.js";

/** Where a regex parser stands in its source, and what it learnt from a first scan of the whole pattern. */
export interface RegexCursor {
  readonly source: string;
  pos: number;
  /** Capturing groups in the whole pattern: `\N` is a back-reference only when N is at most this. */
  readonly captures: number;
  /** Whether the pattern has a named group: only then is `\k` a back-reference rather than the letter k. */
  readonly named: boolean;
}

/** What an escape stands for: one code unit, a set (`\d`…), or a back-reference, which no linear engine can run. */
export type RegexEscape =
  | { readonly kind: "char"; readonly code: number }
  | { readonly kind: "set"; readonly ranges: readonly number[] }
  | { readonly kind: "backReference"; readonly text: string };

const CONTROL: Readonly<Record<string, number>> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };
const HEX2 = /[0-9a-f]{2}/iy;
const HEX4 = /[0-9a-f]{4}/iy;
const DIGITS = /[0-9]+/y;
const OCTAL = /[0-3][0-7]{0,2}|[4-7][0-7]?/y;

/**
 * Reads the escape at `cursor.pos` (a backslash) as a non-unicode JavaScript RegExp does, Annex B included: `\8` is
 * "8", `\1` without a first group is the octal escape U+0001, `\c` before a non-letter is a backslash, `\x` and `\u`
 * without their hex digits are the letters. Inside a class `\b` is U+0008 and `\c` also takes a digit or `_`.
 * Assumes the pattern compiles as a JavaScript RegExp; `\b` and `\B` outside a class are the caller's.
 *
 * @example
 * parseRegexEscape({ source: "\\x41", pos: 0, captures: 0, named: false }, false) // => { kind: "char", code: 0x41 }
 */
export function parseRegexEscape(cursor: RegexCursor, inClass: boolean): RegexEscape {
  const { source } = cursor;
  const letter = source[cursor.pos + 1] ?? "\\";
  if (letter === "c") return controlEscape(cursor, inClass);
  const start = cursor.pos;
  cursor.pos += 2;
  const set = regexClassEscape(letter);
  if (set !== undefined && letter !== ".") return { kind: "set", ranges: set };
  if (letter === "b" && inClass) return char(0x08);
  if (Object.hasOwn(CONTROL, letter)) return char(CONTROL[letter] as number);
  if (letter === "x" || letter === "u") return hexEscape(cursor, letter === "x" ? HEX2 : HEX4, letter);
  if (letter === "k" && !inClass && cursor.named) return backReference(cursor, start, source.indexOf(">", start) + 1);
  const number = match(cursor, DIGITS, start + 1) ?? "";
  if (letter >= "1" && letter <= "9" && !inClass && Number(number) <= cursor.captures) {
    return backReference(cursor, start, start + 1 + number.length);
  }
  if (letter >= "0" && letter <= "7") {
    const digits = match(cursor, OCTAL, start + 1) ?? letter;
    cursor.pos = start + 1 + digits.length;
    return char(Number.parseInt(digits, 8));
  }
  return char(letter.charCodeAt(0));
}

function char(code: number): RegexEscape {
  return { kind: "char", code };
}

function controlEscape(cursor: RegexCursor, inClass: boolean): RegexEscape {
  const next = cursor.source.charCodeAt(cursor.pos + 2);
  const isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a;
  if (!isLetter && !(inClass && ((next >= 0x30 && next <= 0x39) || next === 0x5f))) {
    cursor.pos += 1; // the backslash alone; the `c` is read next as an ordinary character
    return char(0x5c);
  }
  cursor.pos += 3;
  return char(next % 32);
}

function hexEscape(cursor: RegexCursor, digits: RegExp, letter: string): RegexEscape {
  const hex = match(cursor, digits, cursor.pos);
  if (hex === undefined) return char(letter.charCodeAt(0));
  cursor.pos += hex.length;
  return char(Number.parseInt(hex, 16));
}

function backReference(cursor: RegexCursor, start: number, end: number): RegexEscape {
  cursor.pos = Math.max(end, cursor.pos);
  return { kind: "backReference", text: cursor.source.slice(start, cursor.pos) };
}

function match(cursor: RegexCursor, sticky: RegExp, at: number): string | undefined {
  sticky.lastIndex = at;
  return sticky.exec(cursor.source)?.[0];
}
