/**
 * Placeholder grammar (docs/semantics.md: Rendering). Only four families are placeholders: `{nick}`, `{operator}`, `{lhc.var.KEY}` and
 * `{lhc.add.KEY}`, where KEY is letters, digits, `_`, `-` and `.`. Any other text in braces (CSS, `{proactive_img_1}`
 * for the LHC widget, …) is literal. Text that starts like an `lhc.` placeholder but is not one is malformed.
 */
export const PLACEHOLDER_PATTERN = /\{(?:(nick|operator)|lhc\.(var|add)\.([A-Za-z0-9_.-]+))\}/g;

const LHC_START = /\{lhc\./g;
const WELL_FORMED_LHC = /^\{lhc\.(?:var|add)\.[A-Za-z0-9_.-]+\}/;

/**
 * Lists the malformed placeholders in a template, each as the text from its `{` to the next `}` (or the end).
 *
 * @example
 * findMalformedPlaceholders("Hi {lhc.var.name}")  // => []
 * findMalformedPlaceholders("Hi {lhc.var.}!")     // => ["{lhc.var.}"]
 */
export function findMalformedPlaceholders(template: string): string[] {
  const malformed: string[] = [];
  for (const match of template.matchAll(LHC_START)) {
    const rest = template.slice(match.index);
    if (WELL_FORMED_LHC.test(rest)) continue;
    const close = rest.indexOf("}");
    malformed.push(close === -1 ? rest : rest.slice(0, close + 1));
  }
  return malformed;
}
