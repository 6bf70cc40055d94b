import { normalizeText } from "../conditions/text.js";
import { normalizeLocale } from "../render/normalize-locale.js";
import type { Invitation, Translation, Variation } from "../types.js";
import { finding, type LintFinding } from "./lint-codes.js";

const TEMPLATES = ["message", "returningMessage"] as const satisfies readonly (keyof Translation)[];

// The site language codes LHC uses are ISO 639-2 (`eng`, `lit`, `ger`); translations are keyed by BCP 47 tags (`lt`).
const TWO_LETTER: Readonly<Record<string, string>> = {
  ara: "ar", bul: "bg", ces: "cs", cze: "cs", chi: "zh", zho: "zh", dan: "da", deu: "de", ger: "de", dut: "nl",
  nld: "nl", ell: "el", gre: "el", eng: "en", est: "et", fas: "fa", per: "fa", fin: "fi", fra: "fr", fre: "fr",
  heb: "he", hin: "hi", hrv: "hr", hun: "hu", ind: "id", ita: "it", jpn: "ja", kor: "ko", lav: "lv", lit: "lt",
  nor: "no", pol: "pl", por: "pt", ron: "ro", rum: "ro", rus: "ru", slk: "sk", slo: "sk", slv: "sl", spa: "es",
  srp: "sr", swe: "sv", tha: "th", tur: "tr", ukr: "uk", vie: "vi",
};

/**
 * Content that will not show as written (docs/semantics.md: Translations, Variations): a `language` the invitation targets for
 * which it has no translation while it translates into others; a locale whose translation covers the message but
 * not the returning message (or the reverse) the invitation sets; a variation that replaces a text the invitation
 * translates without translating its own (`missing_translation`); and variations whose weights are all 0, so only
 * the invitation's own content is ever shown (`variation_weights_all_zero`).
 *
 * @example
 * lintContent([{ id: "a", message: "Hi", translations: { lt: { message: "Labas" } }, variations: [{ id: "b", message: "Hey" }] }])
 * // => [{ code: "missing_translation", path: [0, "variations", 0, "translations"], … }]
 */
export function lintContent(invitations: readonly Invitation[]): LintFinding[] {
  const findings: LintFinding[] = [];
  invitations.forEach((invitation, i) => {
    const locales = Object.keys(invitation.translations ?? {});
    const targeted = targetedLanguage(invitation.language);
    if (targeted !== null && locales.length > 0 && !locales.some((l) => primary(l) === targeted)) {
      findings.push(finding("missing_translation", [i, "translations"], languageMessage(invitation.language ?? "", targeted)));
    }
    for (const locale of locales) {
      const gap = partialTranslation(invitation, invitation.translations?.[locale] ?? {});
      if (gap !== null) findings.push(finding("missing_translation", [i, "translations", locale], `the "${locale}" translation ${gap}`));
    }
    (invitation.variations ?? []).forEach((variation, v) => {
      for (const why of variationGaps(invitation, variation)) findings.push(finding("missing_translation", [i, "variations", v, "translations"], why));
    });
    const variations = invitation.variations ?? [];
    if (variations.length > 0 && variations.every((v) => v.weight === 0)) {
      findings.push(finding("variation_weights_all_zero", [i, "variations"], "every variation has weight 0: only the invitation's own content is ever shown"));
    }
  });
  return findings;
}

/** The two-letter code of a targeted site language, or `null` when none is set or it is not one lint knows. */
function targetedLanguage(language: string | undefined): string | null {
  const code = normalizeText(language ?? "");
  if (/^[a-z]{2}$/.test(code)) return code;
  return TWO_LETTER[code] ?? null;
}

function primary(locale: string): string {
  return normalizeLocale(locale).split("-")[0] ?? "";
}

function filled(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== "";
}

/** A translation that translates one template the invitation sets but not the other. */
function partialTranslation(invitation: Invitation, translation: Translation): string | null {
  const set = TEMPLATES.filter((field) => filled(invitation[field]));
  const translated = set.filter((field) => filled(translation[field]));
  if (translated.length === 0 || translated.length === set.length) return null;
  const missing = set.filter((field) => !translated.includes(field));
  return `has ${translated.join(", ")} but no ${missing.join(", ")}: visitors with that locale get it untranslated`;
}

/** The locales the invitation translates a text into that a variation replacing that text does not. */
function variationGaps(invitation: Invitation, variation: Variation): string[] {
  const gaps: string[] = [];
  const own = new Map(Object.entries(variation.translations ?? {}).map(([locale, t]) => [normalizeLocale(locale), t]));
  for (const field of TEMPLATES) {
    if (!filled(variation[field])) continue;
    for (const [locale, translation] of Object.entries(invitation.translations ?? {})) {
      if (filled(translation[field]) && !filled(own.get(normalizeLocale(locale))?.[field])) {
        gaps.push(`variation "${variation.id}" replaces ${field} but has no "${locale}" translation of it, which the invitation has: visitors with that locale who get this variation see it untranslated`);
      }
    }
  }
  return gaps;
}

function languageMessage(language: string, code: string): string {
  return `targets language "${language.trim()}" and is translated, but not into "${code}": such visitors get the untranslated text unless it is written in that language`;
}
