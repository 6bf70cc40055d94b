/**
 * The message micromatch gives for an unbalanced bracket, brace or parenthesis in a glob, so a pattern refused by
 * beckon reads as it would have in micromatch.
 *
 * @example
 * globMissing("closing", "]") // => 'Missing closing: "]" - use "\\\\]" to match literal characters'
 */
export function globMissing(type: "opening" | "closing", char: string): string {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
}
