import type { ConfigIssue } from "./config-error.js";
import { checkInvitation } from "./check-invitation.js";
import { isRecord } from "./is-record.js";
import { ownProperty } from "./own-property.js";

/**
 * The rules that span several fields, run over the raw input next to the schema so that one call reports structural
 * and semantic problems together. Each rule looks only at the parts it needs and skips what is too broken to judge
 * (the schema reports those). Paths are full paths from the input root. `checked`, when given, is a list these rules
 * found nothing in: while the input's ids are its ids, item for item, they repeat none either, and no set of them is
 * built (for 100 000 invitations, one hash table fewer).
 *
 * @example
 * checkInvitationSet([{ id: "a", message: "x" }, { id: "a", message: "y" }])
 * // => [{ code: "duplicate_id", path: [1, "id"], message: "…" }]
 */
export function checkInvitationSet(input: unknown, checked?: unknown): ConfigIssue[] {
  if (!Array.isArray(input)) return [];
  const known: readonly unknown[] = Array.isArray(checked) ? checked : [];
  // `null` while every id so far is the checked list's id at the same index.
  let seen: Set<string> | null = null;
  const issues: ConfigIssue[] = [];
  // An indexed loop that skips holes, as `forEach` does: this runs over every invitation of a set.
  for (let index = 0; index < input.length; index++) {
    const present = index in input;
    const invitation: unknown = present ? input[index] : undefined;
    const id = isRecord(invitation) ? ownProperty(invitation, "id") : undefined;
    if (seen === null && (typeof id !== "string" || index >= known.length || id !== ownProperty(known[index], "id"))) {
      seen = idsBefore(known, index);
    }
    if (!isRecord(invitation)) continue;
    if (seen !== null && typeof id === "string") {
      // One hash lookup per id, not two: the set grows unless the id is already in it.
      const before = seen.size;
      if (seen.add(id).size === before) {
        const message = `id ${JSON.stringify(id)} is already used by an earlier invitation`;
        issues.push({ code: "duplicate_id", path: [index, "id"], message });
      }
    }
    checkInvitation(invitation, index, issues);
  }
  return issues;
}

/** The ids of `checked[0 … end − 1]`, the ids the input has had so far. */
function idsBefore(checked: readonly unknown[], end: number): Set<string> {
  const ids = new Set<string>();
  for (let index = 0; index < end; index++) ids.add(ownProperty(checked[index], "id") as string);
  return ids;
}
