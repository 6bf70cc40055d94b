import type { GlobToken } from "./glob-token.js";

const BRACE_RANGE = /^([^,])\.\.([^,])$/;

/**
 * What a closed brace group stands for, from its raw content and the alternatives read in it: with commas, a choice
 * (`{a,b}`); one character to one (`{a..e}`), a class; without a comma, the braces as literal characters around the
 * content, as micromatch reads them. Other ranges (`{1..10}`, which micromatch would match against only `0` and `1`)
 * are refused with a message.
 *
 * @example
 * globBrace("a,b", [[{ t: "text", code: 0x61 }], [{ t: "text", code: 0x62 }]], true) // => [{ t: "group", op: "@", … }]
 * globBrace("1..10", [[]], false) // => 'ranges in braces are not supported in "{1..10}": …'
 */
export function globBrace(raw: string, alts: readonly (readonly GlobToken[])[], commas: boolean): GlobToken[] | string {
  if (commas) {
    if (raw.includes("..")) return `ranges in braces are not supported in "{${raw}}": list the values`;
    return [{ t: "group", op: "@", alts }];
  }
  const range = BRACE_RANGE.exec(raw);
  if (range !== null) {
    const [lo, hi] = [(range[1] as string).charCodeAt(0), (range[2] as string).charCodeAt(0)].sort((x, y) => x - y);
    // A group, not a bare class: micromatch lets a trailing class accept a trailing `/`, but not a brace.
    return [{ t: "group", op: "@", alts: [[{ t: "class", ranges: [lo as number, hi as number], literal: null }]] }];
  }
  if (raw.includes("..")) return `ranges in braces are not supported in "{${raw}}": list the values, as {1,2,3}`;
  return [{ t: "text", code: 0x7b }, ...(alts[0] ?? []), { t: "text", code: 0x7d }];
}
