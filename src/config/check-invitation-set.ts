import type { ConfigIssue } from "../errors.js";
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
  return input.flatMap((invitation: unknown, index) => {
    if (!isRecord(invitation)) return [];
    const issues = checkInvitation(invitation).map((issue) => prefixed(issue, [index]));
    const id = ownProperty(invitation, "id");
    if (typeof id !== "string") return issues;
    if (seen.has(id)) {
      const message = `id ${JSON.stringify(id)} is already used by an earlier invitation`;
      issues.unshift({ code: "duplicate_id", path: [index, "id"], message });
    }
    seen.add(id);
    return issues;
  });
}

function checkInvitation(invitation: Record<string, unknown>): ConfigIssue[] {
  return [
    ...checkKindRules(invitation),
    ...checkVariationIds(invitation),
    ...checkLocales(ownProperty(invitation, "translations")).map((issue) => prefixed(issue, ["translations"])),
    ...checkVariationLocales(ownProperty(invitation, "variations")),
  ];
}

function checkVariationLocales(variations: unknown): ConfigIssue[] {
  if (!Array.isArray(variations)) return [];
  return variations.flatMap((variation: unknown, index) =>
    checkLocales(ownProperty(variation, "translations")).map((issue) =>
      prefixed(issue, ["variations", index, "translations"]),
    ),
  );
}

function prefixed(issue: ConfigIssue, prefix: Path): ConfigIssue {
  return { ...issue, path: [...prefix, ...issue.path] };
}
