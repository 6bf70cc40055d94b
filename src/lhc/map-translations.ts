import type { Translation } from "../types.js";
import type { DesignData } from "./design-data.js";
import { show } from "./read-cell.js";

/** The translatable texts: LHC's `design_data` key → beckon's translation field. */
const TEXTS: readonly [string, keyof Translation][] = [
  ["message_lang", "message"],
  ["message_returning_lang", "returningMessage"],
  ["message_returning_nick_lang", "returningNick"],
  ["operator_name_lang", "operatorName"],
];

/** The locale keys beckon accepts (as `checkLocales` does). */
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

/**
 * Maps the `*_lang` lists of `design_data` (`[{ languages: ["lt", "lt-LT"], content: "Sveiki" }, …]`) onto beckon's
 * `translations`. LHC uses the first entry listing the visitor's locale with a non-empty content, so entries are read
 * in order and an earlier one is never overwritten.
 *
 * @example
 * mapTranslations(data) // message_lang = [{ languages: ["lt"], content: "Sveiki" }]
 * // => { lt: { message: "Sveiki" } }
 */
export function mapTranslations(data: DesignData): Record<string, Translation> | undefined {
  const out: Record<string, Translation> = {};
  const spelling = new Map<string, string>();
  for (const [key, field] of TEXTS) {
    const value = data.get(key);
    if (value === undefined || value === null || value === "") continue;
    const entries = Array.isArray(value) ? value : typeof value === "object" ? Object.values(value) : null;
    if (entries === null) {
      data.lossy("malformed_translations", key, `${show(value)} is not a list of { languages, content }: not imported`);
      continue;
    }
    entries.forEach((entry: unknown, index) => {
      const record = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
      const { languages, content } = record;
      if (!Array.isArray(languages) || typeof content !== "string") {
        data.lossy("malformed_translations", `${key}.${index}`, `${show(entry)} is not { languages: [...], content: "..." }: not imported`);
        return;
      }
      if (content.trim() === "") return;
      for (const language of languages) addLanguage(data, `${key}.${index}`, language, field, content, out, spelling);
    });
  }
  if (Object.keys(out).length === 0) return undefined;
  if (data.has("message_returning_nick_lang") && Object.values(out).some((t) => t.returningNick !== undefined)) {
    data.difference("nick_translated", "message_returning_nick_lang", "LHC ignores the translations of the returning nick; beckon uses them");
  }
  if (Object.keys(out).some((locale) => !/[-_]/.test(locale))) {
    const message = "a visitor whose locale is a regional variant (lt-LT) of a translated language (lt) gets that translation in beckon; LHC needs the exact code";
    data.difference("translation_fallback", "message_lang", message);
  }
  return out;
}

function addLanguage(
  data: DesignData,
  column: string,
  language: unknown,
  field: keyof Translation,
  content: string,
  out: Record<string, Translation>,
  spelling: Map<string, string>,
): void {
  if (typeof language !== "string" || !LOCALE.test(language)) {
    data.lossy("invalid_locale", column, `${show(language)} is not a language code beckon can key a translation by: that translation is not imported`);
    return;
  }
  const normal = language.toLowerCase().replaceAll("_", "-");
  const known = spelling.get(normal);
  if (known !== undefined && known !== language) {
    data.difference("locale_merged", column, `${JSON.stringify(language)} is read as ${JSON.stringify(known)}: beckon compares locales ignoring case and _/-`);
  }
  const locale = known ?? language;
  spelling.set(normal, locale);
  const translation = (out[locale] ??= {});
  if (translation[field] === undefined) translation[field] = content;
}
