import type { ConfigIssue } from "./config-error.js";
import { isRecord } from "./is-record.js";

/** A BCP 47-looking tag: a 2–3 letter language, then subtags of 2–8 letters or digits (`lt`, `lt-LT`, `zh_Hant_TW`). */
const NONE: readonly ConfigIssue[] = [];
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

/**
 * Checks the locale keys of a raw `translations` object: each must look like a language tag, and no two may name the
 * same locale once case and `_`/`-` are ignored (the later one is reported). Paths are relative to `translations`.
 *
 * @example
 * checkLocales({ "lt-LT": {}, lt_lt: {} })
 * // => [{ code: "duplicate_locale", path: ["lt_lt"], message: "…" }]
 */
export function checkLocales(translations: unknown): readonly ConfigIssue[] {
  if (!isRecord(translations)) return NONE;
  const seen = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(translations)) {
    if (!LOCALE.test(key)) {
      const message = `${JSON.stringify(key)} is not a locale: expected a language tag such as "lt" or "lt-LT"`;
      issues.push({ code: "invalid_locale", path: [key], message });
      continue;
    }
    const normalized = key.toLowerCase().replaceAll("_", "-");
    const earlier = seen.get(normalized);
    if (earlier !== undefined) {
      const message = `locale ${JSON.stringify(key)} is the same as ${JSON.stringify(earlier)}`;
      issues.push({ code: "duplicate_locale", path: [key], message });
    } else {
      seen.set(normalized, key);
    }
  }
  return issues;
}
