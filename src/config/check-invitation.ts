import type { ConfigIssue } from "./config-error.js";
import { checkKindRules } from "./check-kind-rules.js";
import { checkLocales } from "./check-locales.js";
import { checkVariationIds } from "./check-variation-ids.js";
import { ownProperty } from "./own-property.js";

type Path = (string | number)[];

/**
 * The rules spanning several fields of one raw invitation, the one at `index` of its set: appends what they find to
 * `issues` with full paths from the set's root, so an invitation without problems builds no list.
 *
 * @example
 * const issues = [];
 * checkInvitation({ id: "a", message: "Hi", kind: "dynamic" }, 3, issues);
 * issues // => [{ code: "dynamic_without_trigger", path: [3, "trigger"], message: "…" }]
 */
export function checkInvitation(invitation: Record<string, unknown>, index: number, issues: ConfigIssue[]): void {
  append(issues, index, "", checkKindRules(invitation));
  append(issues, index, "", checkVariationIds(invitation));
  append(issues, index, "translations", checkLocales(ownProperty(invitation, "translations")));
  const variations = ownProperty(invitation, "variations");
  if (!Array.isArray(variations)) return;
  variations.forEach((variation: unknown, v) => {
    const found = checkLocales(ownProperty(variation, "translations"));
    if (found.length > 0) append(issues, index, ["variations", v, "translations"], found);
  });
}

/** Adds `found` (paths relative to `[index, ...under]`; `""`: the invitation itself) with full paths. */
function append(issues: ConfigIssue[], index: number, under: string | Path, found: readonly ConfigIssue[]): void {
  if (found.length === 0) return;
  const prefix: Path = typeof under === "string" ? (under === "" ? [index] : [index, under]) : [index, ...under];
  for (const issue of found) issues.push({ ...issue, path: [...prefix, ...issue.path] });
}
