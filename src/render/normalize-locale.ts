/**
 * Normalises a locale for translation lookup (docs/semantics.md: Translations): trimmed, lower-cased, `_` written as `-`, so the
 * configured key `lt_LT` and the visitor locale `lt-LT` meet as `lt-lt`.
 *
 * @example
 * normalizeLocale(" pt_BR ") // => "pt-br"
 */
export function normalizeLocale(locale: string): string {
  // Most visitors send no locale: nothing to normalise.
  if (locale === "") return locale;
  return locale.trim().toLowerCase().replaceAll("_", "-");
}
