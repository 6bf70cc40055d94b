import { nonEmpty, nullable } from "../automaton/non-empty.js";
import type { Pattern } from "../automaton/pattern.js";
import type { GlobToken } from "./glob-token.js";
import { globTokens } from "./glob-tokens.js";

const SLASH = 0x2f;
const char = (code: number): Pattern => ({ type: "chars", ranges: [code, code] });
const slash = char(SLASH);
const NOT_SLASH: Pattern = { type: "chars", ranges: [0, SLASH - 1, SLASH + 1, 0xffff] };
// Any code unit, line terminators too (micromatch's `**` is a RegExp `.`, which stops at them; a page never holds
// one): a trailing `**` then lets the matcher stop reading as soon as it is reached.
const GLOBSTAR: Pattern = { type: "repeat", item: { type: "chars", ranges: [0, 0xffff] }, min: 0, max: Infinity };
const optional = (item: Pattern): Pattern => ({ type: "repeat", item, min: 0, max: 1 });
const seq = (...items: Pattern[]): Pattern => ({ type: "seq", items });
const END: Pattern = { type: "assert", kind: "end" };
const STAR_NOT_EMPTY: Pattern = { type: "repeat", item: NOT_SLASH, min: 1, max: Infinity };
const REPEAT = { "@": [1, 1], "?": [0, 1], "*": [0, Infinity], "+": [1, Infinity] } as const;
// micromatch reads a glob without `/`, groups, brackets or quotes, not starting with `*` or `!`, on a shorter path.
const SLOW_PATH = /(^[*!]|[/()[\]{}"])/;

/**
 * Parses a URL glob into a {@link Pattern} with micromatch's semantics (`dot: true`, negation off, strict brackets):
 * `*` and `?` stay within a segment, `**` as a whole segment spans segments (`a/**` also matches `a`, and `**`
 * then `/b` also `b`), braces and extglobs become alternation and repetition, `[…]` a character class. A trailing
 * `*` or class also accepts a trailing `/`. Returns the pattern, or a message saying why the glob cannot be used.
 *
 * @example
 * parseGlob("/docs/*")  // => { pattern: { type: "seq", items: [...] } }
 * parseGlob("!(a)")     // => "!(…) extglobs are not supported: …"
 */
export function parseGlob(glob: string): { pattern: Pattern } | string {
  const body = glob.startsWith("./") ? glob.slice(2) : glob;
  const fast = !SLOW_PATH.test(body);
  const tokens = globTokens(body, fast);
  if (typeof tokens === "string") return tokens;
  const lastToken = tokens.at(-1);
  const trailingSlash = !fast && (lastToken?.t === "star" || lastToken?.t === "class");
  const items = lower(tokens, true, true);
  if (!trailingSlash) return { pattern: seq(...items) };
  const last = items.pop() as Pattern;
  // A `*` opening the last segment needs a character after it, which may be that trailing `/` (`*` matches `/`).
  const opens = lastToken?.t === "star" && lastToken.segmentStart;
  const tail = opens ? { type: "alt" as const, items: [seq(last, optional(slash)), slash] } : seq(last, optional(slash));
  return { pattern: seq(...items, tail) };
}

/**
 * Lowers one sequence of tokens. The `**` forms are resolved left to right (they look at the slashes around them),
 * then the rest right to left so that a `*` knows whether anything follows it (`tailEmpty`): micromatch makes a
 * `*` that opens a segment of the glob (not inside a group) match at least one character, or what follows it read
 * at least one.
 */
function lower(tokens: readonly GlobToken[], tailEmpty: boolean, top: boolean): Pattern[] {
  const units = globstars(collapse(tokens, top), top);
  const out: Pattern[] = [];
  let empty = tailEmpty;
  for (let k = units.length - 1; k >= 0; k -= 1) {
    const unit = units[k] as GlobToken | Pattern;
    if (top && !empty && "t" in unit && unit.t === "star" && unit.segmentStart && out.every(nullable)) {
      // micromatch's `(?=.)`: the `*` or what follows it reads something, even where all that follows may read
      // nothing (`/*?(a)` and `/*{,a}` do not match `/`).
      const rest = seq(...out.reverse());
      out.length = 0;
      out.push({ type: "alt", items: [seq(STAR_NOT_EMPTY, rest), nonEmpty(rest)] });
    } else out.push("t" in unit ? lowerToken(unit, empty) : unit);
    empty = false;
  }
  return out.reverse();
}

function lowerToken(token: GlobToken, tailEmpty: boolean): Pattern {
  switch (token.t) {
    case "text":
      return char(token.code);
    case "slash":
      return slash;
    case "dot":
      return char(0x2e);
    case "qmark":
      return NOT_SLASH;
    case "globstar":
      return GLOBSTAR;
    case "star":
      return { type: "repeat", item: NOT_SLASH, min: token.segmentStart && tailEmpty ? 1 : 0, max: Infinity };
    case "class": {
      const set: Pattern = { type: "chars", ranges: token.ranges };
      if (token.literal === null) return set;
      return { type: "alt", items: [seq(...[...token.literal].map((c) => char(c.charCodeAt(0)))), set] };
    }
    case "group": {
      const [min, max] = REPEAT[token.op];
      const alts = token.alts.map((alt) => seq(...lower(alt, tailEmpty && min === 1 && max === 1, false)));
      const item: Pattern = alts.length === 1 ? (alts[0] as Pattern) : { type: "alt", items: alts };
      return min === 1 && max === 1 ? item : { type: "repeat", item, min, max };
    }
  }
}

/**
 * The `**` forms micromatch gives special meaning, as patterns; other tokens pass through. A whole segment `**`
 * between two slashes matches one slash or any text between two (`x/`, `**`, `/y` matches `x/y` and `x/a/b/y`);
 * `x/**` at the end also matches `x` (unless a `*` stands before the `/`); `**` then `/y` at the start also `y` and
 * `/y`. A `/**` right at the start, or a `**` anywhere else, is simply any text.
 */
function globstars(tokens: readonly GlobToken[], top: boolean): (GlobToken | Pattern)[] {
  const units: (GlobToken | Pattern)[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k] as GlobToken;
    const inside = token.t === "slash" && tokens[k + 1]?.t === "globstar" && !(top && k === 0);
    if (inside && tokens[k + 2]?.t === "slash") {
      const more = k + 3 < tokens.length || !top;
      units.push({ type: "alt", items: [seq(slash, GLOBSTAR, slash), slash, ...(more ? [END] : [])] });
      k += 2;
    } else if (inside && top && k + 2 === tokens.length && tokens[k - 1]?.t !== "star") {
      units.push(optional(seq(slash, GLOBSTAR)));
      k += 1;
    } else if (top && k === 0 && token.t === "globstar" && tokens[1]?.t === "slash") {
      units.push(optional(seq(GLOBSTAR, slash)));
      k += 1;
    } else units.push(token);
  }
  return units;
}

/** A `**` segment repeated (`**`, `/`, `**`) is one, as in micromatch, when the second stands as a whole segment. */
function collapse(tokens: readonly GlobToken[], top: boolean): GlobToken[] {
  const out: GlobToken[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    out.push(tokens[k] as GlobToken);
    if (tokens[k]?.t !== "globstar") continue;
    while (tokens[k + 1]?.t === "slash" && tokens[k + 2]?.t === "globstar") {
      const after = tokens[k + 3];
      if (after === undefined ? !top : after.t !== "slash") break;
      k += 2;
    }
  }
  return out;
}
