import type { Invitation, Translation, Variation } from "../types.js";
import { normalizeLocale } from "./normalize-locale.js";
import { parseTemplate, type Template } from "./parse-template.js";
import type { Localized } from "./translate.js";

/** The renderable content of the base invitation or of one variation, with every fallback already applied. */
export interface CompiledContent {
  message: Localized<Template>;
  returningMessage: Localized<Template>;
  returningNick: Localized<string>;
  operatorName: Localized<string>;
  random: boolean;
  /** Trimmed, blanks dropped; empty = any online operator. */
  operatorIds: readonly string[];
}

type TextField = "message" | "returningMessage" | "returningNick";

interface FieldSource {
  text: string | undefined;
  translations: Readonly<Record<string, Translation>> | undefined;
}

/**
 * Builds the content of the invitation itself (no `variation`) or of one of its variations. A variation that sets a
 * field, or translates it, supplies that field with its own translations only; a field it leaves out comes with
 * the invitation's translations. `operator` falls back field by field (`name`, `random`, `operatorIds`).
 *
 * @example
 * const content = compileContent({ id: "a", message: "Hi", returningMessage: "Again!" }, { id: "b", message: "Yo" });
 * content.message.text.source          // => "Yo"
 * content.returningMessage.text.source // => "Again!"
 */
export function compileContent(invitation: Invitation, variation?: Variation): CompiledContent {
  const source = (key: keyof Translation, variationText: string | undefined): FieldSource =>
    variation !== undefined && (variationText !== undefined || translates(variation.translations, key))
      ? { text: variationText, translations: variation.translations }
      : { text: undefined, translations: invitation.translations };
  const text = <T>(name: TextField, convert: (text: string) => T): Localized<T> =>
    localize(source(name, variation?.[name]), invitation[name], name, convert);
  const operatorName = source("operatorName", variation?.operator?.name);
  const operatorIds = variation?.operator?.operatorIds ?? invitation.operator?.operatorIds ?? [];
  return {
    message: text("message", parseTemplate),
    returningMessage: text("returningMessage", parseTemplate),
    returningNick: text("returningNick", identity),
    operatorName: localize(operatorName, invitation.operator?.name, "operatorName", identity),
    random: variation?.operator?.random ?? invitation.operator?.random ?? false,
    operatorIds: operatorIds.map((id) => String(id).trim()).filter((id) => id !== ""),
  };
}

function translates(translations: FieldSource["translations"], key: keyof Translation): boolean {
  return Object.values(translations ?? {}).some((translation) => translation?.[key] !== undefined);
}

// The untranslated text falls back to the invitation's even when a variation supplies only translations of a field.
function localize<T>(
  source: FieldSource,
  invitationText: string | undefined,
  key: keyof Translation,
  convert: (text: string) => T,
): Localized<T> {
  const translations = new Map<string, T>();
  for (const [locale, translation] of Object.entries(source.translations ?? {})) {
    const text = translation?.[key];
    const normalized = normalizeLocale(locale);
    // First key wins when two spellings (`lt_LT`, `lt-LT`) normalise alike; blank texts fall back (docs/semantics.md: Translations).
    if (typeof text !== "string" || text.trim() === "" || normalized === "" || translations.has(normalized)) continue;
    translations.set(normalized, convert(text));
  }
  return { text: convert(source.text ?? invitationText ?? ""), translations };
}

function identity(text: string): string {
  return text;
}
