/**
 * Normalises a configured or visitor text for comparison: trimmed and lower-cased with Unicode rules, so `" ENG "`
 * and `"eng"` compare equal and so do `"Ä"` and `"ä"`.
 *
 * @example
 * normalizeText("  Example1_COM ") // => "example1_com"
 */
export function normalizeText(value: string): string {
  // Most values arrive normalised already (`"eng"`, `"site_a"`): printable ASCII without space or capitals is its own
  // normal form, and testing that by hand costs less than the two calls into the engine.
  return value.length <= PLAIN_TEST_LENGTH && isPlainLower(value, 0, value.length) ? value : value.trim().toLowerCase();
}

/** Values up to this long are tested by hand first; a longer one is rarely a short code that is normal already. */
const PLAIN_TEST_LENGTH = 64;

/**
 * Whether `s[from, to)` holds only printable ASCII other than space and upper-case letters: text that trimming and
 * lower-casing leave as it is.
 *
 * @example
 * isPlainLower("site_a", 0, 6) // => true
 * isPlainLower("Site A", 0, 6) // => false
 */
export function isPlainLower(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

/**
 * Normalises a department id, which may be configured or given as a string or a number: `7`, `"7"` and `" 7 "`
 * compare equal.
 *
 * @example
 * normalizeDepartment(7) // => "7"
 */
export function normalizeDepartment(value: string | number): string {
  // `String` of a string is the string, but a call into the engine all the same: most departments arrive as text.
  return normalizeText(typeof value === "string" ? value : String(value));
}
