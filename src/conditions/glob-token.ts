/** A piece of a glob. `group`: braces (`{a,b}`), parentheses and extglobs, with the repetition they allow. */
export type GlobToken =
  | { readonly t: "text"; readonly code: number }
  | { readonly t: "slash" }
  /** A `.` where a segment starts (or inside a group): a `*` right after it must match something, as after `/`. */
  | { readonly t: "dot" }
  | { readonly t: "qmark" }
  /** `segmentStart`: a lone `*` opening a segment, which micromatch makes match at least one character. */
  | { readonly t: "star"; readonly segmentStart: boolean }
  | { readonly t: "globstar" }
  /** `literal`: micromatch also lets `[ab]` match the text `[ab]` when the class has no special characters. */
  | { readonly t: "class"; readonly ranges: readonly number[]; readonly literal: string | null }
  | { readonly t: "group"; readonly op: "@" | "?" | "*" | "+"; readonly alts: readonly (readonly GlobToken[])[] };
