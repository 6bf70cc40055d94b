import { globBrace } from "./glob-brace.js";
import { globBracket } from "./glob-bracket.js";
import { globMissing as missing } from "./glob-missing.js";
import type { GlobToken } from "./glob-token.js";

type Kind = "top" | "brace" | "paren";
type Last = "bos" | "slash" | "dot" | "sep" | "paren" | "other";

/**
 * Reads a glob into tokens with micromatch's syntax (`dot: true`, negation off, strict brackets): brackets,
 * braces and parentheses must balance; `!(…)` is refused, since excluding what a sub-pattern matches cannot be decided
 * in one linear pass; brace ranges other than one character to one character (`{a..e}`) are refused rather than
 * read in micromatch's surprising way (`{1..10}` would match only `0` and `1`). A brace without a comma is literal
 * text, read where it stands, so a parenthesis may open inside it and close after it (`{(})`), as in picomatch.
 * Returns the tokens, or a message.
 *
 * @example
 * globTokens("a/*") // => [{ t: "text", code: 97 }, { t: "slash" }, { t: "star", segmentStart: true }]
 * globTokens("a/[b") // => 'Missing closing: "]" - …'
 */
export function globTokens(glob: string, fast: boolean): GlobToken[] | string {
  let i = 0;
  let last: Last = "bos";
  /** Where the `}` of a brace read as literal text stands (a brace without a comma or a range). */
  const literalClosers = new Set<number>();

  const group = (kind: Kind): { alts: GlobToken[][]; closed: boolean; commas: boolean } | string => {
    const alts: GlobToken[][] = [[]];
    let commas = false;
    const push = (token: GlobToken, next: Last): void => {
      (alts.at(-1) as GlobToken[]).push(token);
      last = next;
    };
    while (i < glob.length) {
      const c = glob[i] as string;
      if (c === "}" && literalClosers.has(i)) {
        push({ t: "text", code: 0x7d }, "other");
        i += 1;
      } else if ((kind === "brace" && c === ",") || (kind === "paren" && c === "|")) {
        commas = true;
        alts.push([]);
        last = "sep";
        i += 1;
      } else if ((kind === "brace" && c === "}") || (kind === "paren" && c === ")")) {
        i += 1;
        return { alts, closed: true, commas };
      } else if (c === "\\") {
        const next = glob[i + 1];
        if (next === undefined) {
          push({ t: "text", code: 0x5c }, "other");
          i += 1;
        } else if (next === "/" || next === "." || next === ";") i += 1;
        else {
          push({ t: "text", code: next.charCodeAt(0) }, "other");
          i += 2;
        }
      } else if (c === '"') {
        const close = glob.indexOf('"', i + 1);
        const end = close === -1 ? glob.length : close;
        for (let j = i + 1; j < end; j += 1) push({ t: "text", code: glob.charCodeAt(j) }, "other");
        i = end + 1;
      } else if (c === "[") {
        const read = globBracket(glob, i);
        if (typeof read === "string") return read;
        i = read.end;
        push(read.token, "other");
      } else if (c === "]") {
        return missing("opening", "[");
      } else if (c === ")") {
        return missing("opening", "(");
      } else if (c === "{" && literalBrace(glob, i, literalClosers)) {
        // Its content is read where the brace stands, so a parenthesis may open inside it and close after it, as
        // in picomatch (`{(})` is `{` then the group `(})`). `**` right after it still spans segments.
        push({ t: "text", code: 0x7b }, "sep");
        i += 1;
      } else if (c === "{") {
        const open = i;
        const inner = enclosed("brace", 1);
        if (typeof inner === "string") return inner;
        const tokens = globBrace(glob.slice(open + 1, i - 1), inner.alts, inner.commas);
        if (typeof tokens === "string") return tokens;
        for (const token of tokens) push(token, "other");
      } else if (c === "(" || (glob[i + 1] === "(" && glob[i + 2] !== "?" && "@?+!".includes(c))) {
        if (c === "!") return "!(…) extglobs are not supported: list the pages to exclude as separate !patterns";
        const op = c === "(" ? "@" : (c as "@" | "?" | "+");
        const inner = enclosed("paren", c === "(" ? 1 : 2);
        if (typeof inner === "string") return inner;
        push({ t: "group", op, alts: inner.alts }, "paren");
      } else if (c === "*") {
        const run = star();
        if (typeof run === "string") return run;
        for (const token of run) push(token, last === "paren" && token.t === "group" ? "paren" : "other");
      } else if (c === "?") {
        push({ t: "qmark" }, "other");
        i += 1;
      } else if (c === "/") {
        push({ t: "slash" }, "slash");
        i += 1;
      } else if (c === "." && (kind !== "top" || last === "bos" || last === "slash")) {
        push({ t: "dot" }, "dot");
        i += 1;
      } else {
        push({ t: "text", code: glob.charCodeAt(i) }, "other");
        i += 1;
      }
    }
    return { alts, closed: false, commas };
  };

  /** Reads a group whose opening (`skip` characters) stands at `i`, through its closing bracket. */
  const enclosed = (kind: "brace" | "paren", skip: number): { alts: GlobToken[][]; commas: boolean } | string => {
    i += skip;
    last = "sep";
    const inner = group(kind);
    if (typeof inner === "string") return inner;
    return inner.closed ? inner : missing("closing", kind === "brace" ? "}" : ")");
  };

  const star = (): GlobToken[] | string => {
    const before = last;
    let n = 0;
    while (glob[i + n] === "*") n += 1;
    // micromatch folds a third `*` and more into one `*` before it looks for `*(`: `***(a)` is `*` then `(a)`.
    const extglob = n <= 2 && glob[i + n] === "(" && glob[i + n + 1] !== "?";
    const stars = extglob ? n - 1 : n;
    const tokens: GlobToken[] = [];
    if (stars === 1) tokens.push({ t: "star", segmentStart: !fast && n === 1 && (before === "bos" || before === "slash" || before === "dot") });
    else if (stars === 2) tokens.push(globstarAt(before, i + 2) ? { t: "globstar" } : { t: "star", segmentStart: false });
    else if (stars > 2) tokens.push({ t: "star", segmentStart: false });
    i += n;
    if (!extglob) return tokens;
    const inner = enclosed("paren", 1);
    if (typeof inner === "string") return inner;
    tokens.push({ t: "group", op: "*", alts: inner.alts });
    last = "paren";
    return tokens;
  };

  /**
   * `**` spans segments only as a whole segment: after `/`, the start or a group's start, and before `/`, an end, or
   * (as micromatch has it) after a `)` or before a brace, a parenthesis or an `@(` opening.
   */
  const globstarAt = (before: Last, after: number): boolean => {
    if (before !== "bos" && before !== "slash" && before !== "sep" && before !== "paren") return false;
    const next = glob[after];
    if (next === undefined || "/,})|{(".includes(next)) return true;
    return next === "@" && glob[after + 1] === "(";
  };

  const top = group("top");
  if (typeof top === "string") return top;
  return top.alts[0] as GlobToken[];
}

/**
 * Whether the `{` at `open` is literal text: it has a closing `}` (the next one at its depth, parentheses aside, as
 * picomatch pairs them) and no comma of its own (one outside any parenthesis opened within it) and no `..` range.
 * If so, records where that `}` stands in `closers`.
 */
function literalBrace(glob: string, open: number, closers: Set<number>): boolean {
  let depth = 0;
  let parens = 0;
  let comma = false;
  for (let j = open + 1; j < glob.length; j += 1) {
    const c = glob[j];
    if (c === "\\") j += 1;
    else if (c === '"') {
      const close = glob.indexOf('"', j + 1);
      if (close === -1) return false;
      j = close;
    } else if (c === "[") {
      const read = globBracket(glob, j);
      if (typeof read === "string") return false;
      j = read.end - 1;
    } else if (c === "(") parens += 1;
    else if (c === ")") parens = Math.max(0, parens - 1);
    else if (c === "{") depth += 1;
    else if (c === "," && depth === 0 && parens === 0) comma = true;
    else if (c === "}" && depth > 0) depth -= 1;
    else if (c === "}") {
      if (comma || glob.slice(open + 1, j).includes("..")) return false;
      closers.add(j);
      return true;
    }
  }
  return false;
}
