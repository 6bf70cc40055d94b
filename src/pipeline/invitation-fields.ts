import type { Invitation } from "../types.js";

const FIELDS = [
  "id",
  "position",
  "enabled",
  "kind",
  "trigger",
  "timeOnSite",
  "pageviews",
  "language",
  "identifier",
  "tag",
  "departments",
  "referrer",
  "devices",
  "urls",
  "schedule",
  "attributes",
  "events",
  "requireOperatorIds",
  "minSecondsSinceLastVisit",
  "minSecondsSinceLastChat",
  "oncePerVisitor",
  "cooldownSeconds",
  "wait",
  "requires",
  "design",
] as const satisfies readonly (keyof Invitation)[];

/** The fields of an invitation that `compileInvitation` reads, in one fixed shape (absent ones `undefined`). */
export type InvitationFields = { [K in (typeof FIELDS)[number]]: Invitation[K] };

const READ: ReadonlySet<string> = new Set(FIELDS);
const OBJECT_PROTOTYPE: unknown = Object.prototype;

// One object for every call: compiling is synchronous and reads it before the next invitation comes.
const scratch = Object.fromEntries(FIELDS.map((field) => [field, undefined])) as unknown as InvitationFields;

/**
 * The invitation's compiled-from fields, copied into one reused object of a fixed shape. Invitations of a large set
 * come in hundreds of shapes (each sets other fields), so reading 25 named fields from each directly is slow
 * everywhere it is done; a plain object tells which of them it has through its own keys, usually a handful.
 * Anything else (a class instance, a null prototype) is read field by field, getters and all. The result is only
 * valid until the next call.
 *
 * @example
 * invitationFields({ id: "a", message: "Hi", position: 2 }).position // => 2
 */
export function invitationFields(invitation: Invitation): InvitationFields {
  const into = scratch as unknown as Record<string, unknown>;
  const from = invitation as unknown as Record<string, unknown>;
  for (const field of FIELDS) into[field] = undefined;
  if (Object.getPrototypeOf(invitation) === OBJECT_PROTOTYPE) {
    for (const key in from) if (READ.has(key)) into[key] = from[key];
  } else {
    for (const field of FIELDS) into[field] = from[field];
  }
  return scratch;
}
