import { globClass } from "./glob-class.js";
import { globMissing } from "./glob-missing.js";
import type { GlobToken } from "./glob-token.js";

/** A class with none of these may also match its own text, as micromatch lets `[ab]` match "[ab]". */
const CLASS_SPECIAL = /[-*+?.^${}(|)[\]\\]/;

/**
 * Reads the bracket expression whose `[` stands at `open`, with micromatch's strict brackets: a `]` right after the
 * `[` or `[^` belongs to the class, a backslash escapes the next character, `[:name:]` is a POSIX class, and a `[`
 * that is never closed is an error. Returns the class token and where the glob goes on, or a message.
 *
 * @example
 * globBracket("a[bc]d", 1) // => { token: { t: "class", ranges: [0x62, 0x63], literal: "[bc]" }, end: 5 }
 * globBracket("a[bc", 1)   // => 'Missing closing: "]" - …'
 */
export function globBracket(glob: string, open: number): { token: GlobToken; end: number } | string {
  if (!glob.includes("]", open + 1)) return globMissing("closing", "]");
  let j = open + 1;
  if (glob[j] === "^") j += 1;
  if (glob[j] === "]") j += 1;
  while (j < glob.length && glob[j] !== "]") {
    if (glob[j] === "\\") j += 2;
    else if (glob.startsWith("[:", j) && glob.includes(":]", j + 2)) j = glob.indexOf(":]", j + 2) + 2;
    else j += 1;
  }
  if (j >= glob.length) return globMissing("closing", "]");
  const content = glob.slice(open + 1, j);
  const parsed = globClass(content);
  if (typeof parsed === "string") return parsed;
  const literal = CLASS_SPECIAL.test(content) ? null : `[${content}]`;
  return { token: { t: "class", ranges: parsed.ranges, literal }, end: j + 1 };
}
