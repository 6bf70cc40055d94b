import type { ConfigIssue } from "./config-error.js";
import { ownProperty } from "./own-property.js";

const KINDS: readonly unknown[] = ["standard", "dynamic", "inject"];
const NONE: readonly ConfigIssue[] = [];

/**
 * Checks how `kind`, `trigger` and `events` go together (docs/api.md: Invitation fields; docs/semantics.md: Kinds) on one raw invitation. An invalid `kind` is
 * reported by the schema and judged here no further. Paths are relative to the invitation.
 *
 * @example
 * checkKindRules({ id: "a", message: "Hi", kind: "dynamic" })
 * // => [{ code: "dynamic_without_trigger", path: ["trigger"], message: "…" }]
 */
export function checkKindRules(invitation: object): readonly ConfigIssue[] {
  const raw = ownProperty(invitation, "kind");
  if (raw !== undefined && !KINDS.includes(raw)) return NONE;
  const kind = raw ?? "standard";
  const hasTrigger = Object.hasOwn(invitation, "trigger");
  const events = ownProperty(invitation, "events");
  // Most invitations are standard ones without a trigger: nothing to report, and no list to build for it.
  if (kind === "standard" && !hasTrigger) return NONE;
  const issues: ConfigIssue[] = [];
  if (kind === "dynamic" && !hasTrigger) {
    const message = 'a dynamic invitation needs a trigger: { type: "exitIntent" } or { type: "idle", seconds }';
    issues.push({ code: "dynamic_without_trigger", path: ["trigger"], message });
  }
  if (kind !== "dynamic" && hasTrigger) {
    const message = `a trigger is only used by kind "dynamic", this invitation is "${String(kind)}"`;
    issues.push({ code: "trigger_without_dynamic", path: ["trigger"], message });
  }
  if (kind === "dynamic" && Array.isArray(events) && events.length > 0) {
    const message = "events and dynamic invitations cannot be used together: remove the events or change the kind";
    issues.push({ code: "events_with_dynamic", path: ["events"], message });
  }
  return issues;
}
