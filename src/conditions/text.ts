/**
 * Normalises a configured or visitor text for comparison: trimmed and lower-cased with Unicode rules, so `" ENG "`
 * and `"eng"` compare equal and so do `"Ä"` and `"ä"`.
 *
 * @example
 * normalizeText("  Example1_COM ") // => "example1_com"
 */
export function normalizeText(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Normalises a department id, which may be configured or given as a string or a number: `7`, `"7"` and `" 7 "`
 * compare equal.
 *
 * @example
 * normalizeDepartment(7) // => "7"
 */
export function normalizeDepartment(value: string | number): string {
  return normalizeText(String(value));
}
