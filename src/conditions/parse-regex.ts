import type { Pattern } from "../automaton/pattern.js";
import { foldCase } from "./fold-case.js";
import { parseRegexClass } from "./parse-regex-class.js";
import { parseRegexEscape, type RegexCursor } from "./parse-regex-escape.js";
import { regexClassEscape } from "./regex-class-escape.js";

/** Why a pattern cannot be used in a `regex` attribute condition. */
export interface RegexProblem {
  readonly code: "invalid_regex" | "unsafe_regex";
  readonly message: string;
}

/** A parsed pattern, or why the linear engine cannot run it. */
export type RegexParse = { readonly ok: true; readonly pattern: Pattern } | ({ readonly ok: false } & RegexProblem);

/** Thrown inside the parser to leave the recursion; never escapes {@link parseRegex}. */
class Refusal {
  constructor(readonly problem: RegexProblem) {}
}

const QUANTIFIER = /\{([0-9]+)(,([0-9]*))?\}/y;

/**
 * Parses a JavaScript regular expression, read as `new RegExp(source, "i")` reads it (non-unicode mode, Annex B),
 * into the {@link Pattern} language with case-insensitivity folded into its character sets. Named groups are plain
 * groups and lazy quantifiers greedy ones (`test` gives the same answer). What a linear engine cannot run is refused:
 * back-references and look-around (`unsafe_regex`), inline modifiers `(?i:…)` (`invalid_regex`). Assumes the source
 * compiles as a JavaScript RegExp: check that first.
 *
 * @example
 * parseRegex("^ab?$")  // => { ok: true, pattern: { type: "seq", items: [start, a|A, (b|B)?, end] } }
 * parseRegex("(a)\\1") // => { ok: false, code: "unsafe_regex", message: "…back-reference \\1…" }
 */
export function parseRegex(source: string): RegexParse {
  const cursor: RegexCursor = { source, pos: 0, ...scanGroups(source) };
  try {
    const pattern = disjunction(cursor);
    if (cursor.pos < source.length) throw new Refusal(invalid(`unexpected ${JSON.stringify(source[cursor.pos])}`));
    return { ok: true, pattern };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, ...error.problem };
    throw error;
  }
}

function disjunction(cursor: RegexCursor): Pattern {
  const alternatives = [alternative(cursor)];
  while (cursor.source[cursor.pos] === "|") {
    cursor.pos += 1;
    alternatives.push(alternative(cursor));
  }
  return alternatives.length === 1 ? (alternatives[0] as Pattern) : { type: "alt", items: alternatives };
}

function alternative(cursor: RegexCursor): Pattern {
  const items: Pattern[] = [];
  for (let item = term(cursor); item !== null; item = term(cursor)) items.push(item);
  return items.length === 1 ? (items[0] as Pattern) : { type: "seq", items };
}

function term(cursor: RegexCursor): Pattern | null {
  const { source } = cursor;
  const next = source[cursor.pos];
  if (next === undefined || next === "|" || next === ")") return null;
  if (next === "^" || next === "$") {
    cursor.pos += 1;
    return { type: "assert", kind: next === "^" ? "start" : "end" };
  }
  if (next === "\\" && (source[cursor.pos + 1] === "b" || source[cursor.pos + 1] === "B")) {
    cursor.pos += 2;
    return { type: "assert", kind: source[cursor.pos - 1] === "b" ? "word" : "notWord" };
  }
  return quantified(cursor, atom(cursor));
}

function atom(cursor: RegexCursor): Pattern {
  const next = cursor.source[cursor.pos];
  if (next === "(") return group(cursor);
  if (next === "[") return { type: "chars", ranges: parseRegexClass(cursor) };
  if (next === ".") {
    cursor.pos += 1;
    return { type: "chars", ranges: regexClassEscape(".") ?? [] };
  }
  if (next !== "\\") {
    const code = cursor.source.charCodeAt(cursor.pos);
    cursor.pos += 1;
    return { type: "chars", ranges: foldCase([code, code]) };
  }
  const escape = parseRegexEscape(cursor, false);
  if (escape.kind === "backReference") {
    throw new Refusal(unsafe(`back-reference ${escape.text} (a linear-time matcher cannot remember what a group matched)`));
  }
  // A class escape (`\d`, `\s`…) is closed under case folding already.
  return { type: "chars", ranges: escape.kind === "char" ? foldCase([escape.code, escape.code]) : escape.ranges };
}

function group(cursor: RegexCursor): Pattern {
  const { source } = cursor;
  const head = /\((\?(<?[=!]|:|<[^>]*>|[^)]?))?/y;
  head.lastIndex = cursor.pos;
  const opening = head.exec(source)?.[0] ?? "(";
  if (/^\(\?<?[=!]$/.test(opening)) {
    throw new Refusal(unsafe(`look-around ${opening}…) (a linear-time matcher reads each character once)`));
  }
  if (opening !== "(" && opening !== "(?:" && !opening.startsWith("(?<")) {
    throw new Refusal(invalid(`${opening}…) is not supported (no inline modifiers)`));
  }
  cursor.pos += opening.length;
  const inner = disjunction(cursor);
  if (source[cursor.pos] !== ")") throw new Refusal(invalid("unterminated group"));
  cursor.pos += 1;
  return inner;
}

function quantified(cursor: RegexCursor, item: Pattern): Pattern {
  const { source } = cursor;
  const next = source[cursor.pos];
  let min: number;
  let max: number;
  if (next === "*" || next === "+" || next === "?") {
    cursor.pos += 1;
    [min, max] = [next === "+" ? 1 : 0, next === "?" ? 1 : Infinity];
  } else {
    QUANTIFIER.lastIndex = cursor.pos;
    const counts = QUANTIFIER.exec(source);
    if (counts === null) return item; // Annex B: a `{` that starts no quantifier is a literal
    cursor.pos = QUANTIFIER.lastIndex;
    min = Number(counts[1]);
    max = counts[2] === undefined ? min : counts[3] === "" ? Infinity : Number(counts[3]);
  }
  if (source[cursor.pos] === "?") cursor.pos += 1; // lazy: another order of trying, the same answer for `test`
  return { type: "repeat", item, min, max };
}

/** Counts capturing groups first: whether `\2` is a back-reference depends on groups that come after it. */
function scanGroups(source: string): { captures: number; named: boolean } {
  let captures = 0;
  let named = false;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === "\\") i += 1;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(" && source[i + 1] !== "?") captures += 1;
    else if (char === "(" && source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") {
      captures += 1;
      named = true;
    }
  }
  return { captures, named };
}

function unsafe(message: string): RegexProblem {
  return { code: "unsafe_regex", message: `regex uses a ${message}` };
}

function invalid(message: string): RegexProblem {
  return { code: "invalid_regex", message: `regex ${message}` };
}
