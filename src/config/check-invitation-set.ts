import type { ConfigIssue } from "./config-error.js";
import { checkKindRules } from "./check-kind-rules.js";
import { checkLocales } from "./check-locales.js";
import { checkVariationIds } from "./check-variation-ids.js";
import { isRecord } from "./is-record.js";
import { ownProperty } from "./own-property.js";

type Path = (string | number)[];

/**
 * The rules that span several fields, run over the raw input next to the schema so that one call reports structural
 * and semantic problems together. Each rule looks only at the parts it needs and skips what is too broken to judge
 * (the schema reports those). Paths are full paths from the input root.
 *
 * @example
 * checkInvitationSet([{ id: "a", message: "x" }, { id: "a", message: "y" }])
 * // => [{ code: "duplicate_id", path: [1, "id"], message: "…" }]
 */
export function checkInvitationSet(input: unknown): ConfigIssue[] {
  if (!Array.isArray(input)) return [];
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  input.forEach((invitation: unknown, index) => {
    if (!isRecord(invitation)) return;
    const id = ownProperty(invitation, "id");
    if (typeof id === "string") {
      if (seen.has(id)) {
        const message = `id ${JSON.stringify(id)} is already used by an earlier invitation`;
        issues.push({ code: "duplicate_id", path: [index, "id"], message });
      }
      seen.add(id);
    }
    checkInvitation(invitation, index, issues);
  });
  return issues;
}

/** Appends one invitation's issues to `issues`, so a set without problems builds no list per invitation. */
function checkInvitation(invitation: Record<string, unknown>, index: number, issues: ConfigIssue[]): void {
  append(issues, [index], checkKindRules(invitation));
  append(issues, [index], checkVariationIds(invitation));
  append(issues, [index, "translations"], checkLocales(ownProperty(invitation, "translations")));
  const variations = ownProperty(invitation, "variations");
  if (!Array.isArray(variations)) return;
  variations.forEach((variation: unknown, v) => {
    append(issues, [index, "variations", v, "translations"], checkLocales(ownProperty(variation, "translations")));
  });
}

function append(issues: ConfigIssue[], prefix: Path, found: readonly ConfigIssue[]): void {
  for (const issue of found) issues.push({ ...issue, path: [...prefix, ...issue.path] });
}
