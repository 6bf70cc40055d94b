/**
 * A configured value with its translations, keyed by normalised locale (see `normalizeLocale`). Blank translations
 * are left out when it is built, so a lookup never lands on one.
 */
export interface Localized<T> {
  text: T;
  translations: ReadonlyMap<string, T>;
}

/**
 * Picks the translation for a normalised visitor locale (docs/semantics.md: Translations): the exact locale (`lt-lt`), then its language
 * (`lt`), then the untranslated value.
 *
 * @example
 * const greeting = { text: "Hello", translations: new Map([["lt", "Labas"]]) };
 * translate(greeting, "lt-lt") // => "Labas"
 * translate(greeting, "de")    // => "Hello"
 */
export function translate<T>(localized: Localized<T>, locale: string): T {
  if (locale === "" || localized.translations.size === 0) return localized.text;
  const exact = localized.translations.get(locale);
  if (exact !== undefined) return exact;
  const dash = locale.indexOf("-");
  const language = dash === -1 ? undefined : localized.translations.get(locale.slice(0, dash));
  return language ?? localized.text;
}
