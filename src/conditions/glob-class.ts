import { complementRanges } from "../automaton/complement-ranges.js";
import { mergeRanges } from "../automaton/merge-ranges.js";
import { regexClassEscape } from "./regex-class-escape.js";

/**
 * The code-unit ranges of a glob bracket expression's content (what stands between `[` and `]`), read the way
 * micromatch reads it: as the body of a JavaScript character class, plus POSIX names (`[:alpha:]`). A leading `^`
 * negates, and a negated class never matches `/` (a `*` or `?` never crosses a segment either). `!` is an ordinary
 * character here, as in micromatch with negation turned off. Returns a message when the content is not a class.
 *
 * @example
 * globClass("a-c")  // => { ranges: [0x61, 0x63] }
 * globClass("^a")   // => every code unit except "a" and "/"
 * globClass("c-a")  // => "character range out of order in [c-a]"
 */
export function globClass(content: string): { ranges: number[] } | string {
  const negated = content.startsWith("^");
  const body = negated ? content.slice(1) : content;
  const spans: number[] = [];
  let i = 0;
  while (i < body.length) {
    const posix = /^\[:([a-z]+):\]/.exec(body.slice(i));
    if (posix !== null) {
      const named = POSIX[posix[1] as string];
      if (named === undefined) return `unknown character class [:${posix[1]}:]`;
      spans.push(...named);
      i += posix[0].length;
      continue;
    }
    const [lo, next] = atom(body, i);
    if (typeof lo !== "number" || body[next] !== "-" || next + 1 >= body.length) {
      spans.push(...(typeof lo === "number" ? [lo, lo] : lo));
      i = next;
      continue;
    }
    const [hi, after] = atom(body, next + 1);
    if (typeof hi !== "number") {
      spans.push(lo, lo, 0x2d, 0x2d, ...hi);
    } else if (hi < lo) {
      return `character range out of order in [${content}]`;
    } else spans.push(lo, hi);
    i = after;
  }
  if (negated) spans.push(0x2f, 0x2f);
  const merged = mergeRanges(spans);
  return { ranges: negated ? complementRanges(merged) : merged };
}

/** One code unit, or a class escape's ranges, starting at `i`; and where the next atom starts. */
function atom(body: string, i: number): [number | readonly number[], number] {
  const c = body.charCodeAt(i);
  if (c !== 0x5c || i + 1 >= body.length) return [c, i + 1];
  const e = body[i + 1] as string;
  // `\d \w \s \D \W \S` as in a JavaScript class body; `\.` in a class is only a dot.
  const ranges = e === "." ? undefined : regexClassEscape(e);
  if (ranges !== undefined) return [ranges, i + 2];
  const control = CONTROL[e];
  return [control ?? e.charCodeAt(0), i + 2];
}

const DIGIT = [0x30, 0x39];
const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
const CONTROL: Record<string, number> = { __proto__: null as never, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, 0: 0 };

const POSIX: Record<string, number[]> = {
  __proto__: null as never,
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: DIGIT,
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: WORD,
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};
