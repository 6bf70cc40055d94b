import type * as z from "zod/mini";
import type { Invitation } from "../types.js";
import { checkInvitation } from "./check-invitation.js";
import type { ConfigIssue } from "./config-error.js";
import { CONFIG_LIMITS } from "./config-limits.js";
import { invitationSchema } from "./invitation-schema.js";
import { isPlainData } from "./is-plain-data.js";
import { ownProperty } from "./own-property.js";
import { quickAttributeCondition } from "./quick-attribute-condition.js";
import {
  bySchema,
  isPlainObject,
  listParsedBy,
  quickBoolean,
  quickDevices,
  quickInteger,
  quickNonEmptyString,
  quickNonNegativeInteger,
  quickNonNegativeNumber,
  quickPositiveInteger,
  quickRequiredTemplate,
  quickString,
  quickStringList,
  quickStringOrNumberList,
  quickTemplate,
  quickUrls,
  type Quick,
} from "./quick-fields.js";

const KINDS: readonly unknown[] = ["standard", "dynamic", "inject"];

const quickEventCondition: Quick = (condition) => {
  if (!isPlainObject(condition)) return undefined;
  let event: unknown;
  let minCount: unknown;
  let withinSeconds: unknown;
  for (const name in condition) {
    if (name === "event") event = quickNonEmptyString(condition[name]);
    else if (name === "minCount") minCount = quickPositiveInteger(condition[name]);
    else if (name === "withinSeconds") {
      withinSeconds = quickNonNegativeNumber(condition[name]);
      if (withinSeconds === undefined) return undefined;
    } else return undefined;
  }
  if (event === undefined || minCount === undefined) return undefined;
  return withinSeconds === undefined ? { event, minCount } : { event, minCount, withinSeconds };
};

/** The fields checked by hand; every other field of the schema is read by its own schema. */
const BY_HAND: Partial<Record<keyof Invitation, Quick>> = {
  id: quickNonEmptyString,
  name: quickString,
  position: quickInteger,
  enabled: quickBoolean,
  kind: (value: unknown) => (KINDS.includes(value) ? value : undefined),
  timeOnSite: quickNonNegativeNumber,
  pageviews: quickNonNegativeInteger,
  language: quickString,
  identifier: quickString,
  tag: quickString,
  departments: quickStringOrNumberList,
  referrer: quickString,
  devices: quickDevices,
  urls: quickUrls,
  attributes: listParsedBy(quickAttributeCondition),
  events: listParsedBy(quickEventCondition),
  requireOperatorIds: quickStringList,
  minSecondsSinceLastVisit: quickNonNegativeNumber,
  minSecondsSinceLastChat: quickNonNegativeNumber,
  oncePerVisitor: quickBoolean,
  showLimit: quickNonNegativeInteger,
  urlBound: quickBoolean,
  hideForSessionAfterClose: quickBoolean,
  nextOnUrlChange: quickBoolean,
  cooldownSeconds: quickNonNegativeNumber,
  expiresAfterSeconds: quickNonNegativeNumber,
  message: quickRequiredTemplate,
  returningMessage: quickTemplate,
  returningNick: quickTemplate,
  campaign: quickString,
};

// The schema's own field list, in its order: the data must come out exactly as the schema would give it, and a
// field added to the schema is read by the schema until it gets a check here.
const shape: Readonly<Record<string, z.ZodMiniType>> = invitationSchema._zod.def.shape;
const FIELDS: readonly string[] = Object.keys(shape);
const FIELD_AT = new Map(FIELDS.map((name, at) => [name, at]));
const READERS: readonly Quick[] = FIELDS.map((name) => BY_HAND[name as keyof Invitation] ?? bySchema(shape[name] as z.ZodMiniType));
const REQUIRED: readonly number[] = FIELDS.flatMap((name, at) => ((shape[name] as z.ZodMiniType)._zod.optin === "optional" ? [] : [at]));

/**
 * The common case of `safeParseInvitations`, fast: a set every invitation of which the schemas accept, parsed by hand
 * into the same fresh copy they would return (the same fields in the same order, lists and objects copied); `null`
 * as soon as anything is unusual — a value the schemas would refuse, an unknown key, anything but plain objects and
 * arrays, a property that throws — and the schemas then check the input and list every problem. Each property is
 * read once and the copy is made of what was checked, so a getter or proxy cannot make the two differ. Run it on
 * input that passed `isPlainData` (its limits are not checked here); the rules spanning several fields
 * (`checkInvitationSet`) are not checked here either.
 *
 * @example
 * quickParseInvitations([{ message: "Hi", id: "a" }]) // => [{ id: "a", message: "Hi" }]
 * quickParseInvitations([{ id: "a" }])                // => null (no message: the schema says so)
 */
export function quickParseInvitations(input: unknown): Invitation[] | null {
  const slots = new Array<unknown>(FIELDS.length).fill(undefined);
  try {
    if (!Array.isArray(input)) return null;
    const length = input.length;
    const parsed = new Array<Invitation>(length);
    for (let i = 0; i < length; i++) {
      const invitation = quickInvitation(input[i], slots);
      if (invitation === null) return null;
      parsed[i] = invitation;
    }
    return parsed;
  } catch {
    return null;
  }
}

/**
 * `safeParseInvitations`' quick path one invitation at a time, for a caller that uses each parsed copy at once and
 * keeps none (compile: a set's copies held until the last is parsed would all outlive the young generation, and a
 * third of the heap compile needs went to them). Hands `use` each invitation parsed as {@link quickParseInvitations}
 * parses it, with the caller's object it came from, while the input is plain data within the configuration limits
 * and the rules spanning several fields (`checkInvitation`) find nothing in the copy or in the input; stops and
 * returns `false` at the first thing that is not so, or when `use` returns `false`. Ids are not compared with each
 * other: `true` says the set is valid if its ids are distinct, which the caller must check (compile's map by id
 * does). On `false`, `safeParseInvitations` gives the answer, issues and all. What a getter or `use` throws is the
 * caller's to catch.
 *
 * @example
 * quickParseEach([{ message: "Hi", id: "a" }], (parsed) => { console.log(parsed); return true; })
 * // logs { id: "a", message: "Hi" }, then => true
 */
export function quickParseEach(
  input: unknown,
  use: (parsed: Invitation, source: Invitation, index: number) => boolean,
): boolean {
  if (!Array.isArray(input) || !isPlainData(input, CONFIG_LIMITS)) return false;
  const slots = new Array<unknown>(FIELDS.length).fill(undefined);
  const issues: ConfigIssue[] = [];
  const length = input.length;
  for (let i = 0; i < length; i++) {
    const source: unknown = input[i];
    const parsed = quickInvitation(source, slots);
    if (parsed === null || ownProperty(source, "id") !== parsed.id) return false;
    checkInvitation(parsed as unknown as Record<string, unknown>, i, issues);
    checkInvitation(source as Record<string, unknown>, i, issues);
    if (issues.length > 0 || !use(parsed, source as Invitation, i)) return false;
  }
  return true;
}

/** One invitation, or `null`; `slots` is scratch space, one per field, left empty after a success. */
function quickInvitation(value: unknown, slots: unknown[]): Invitation | null {
  if (!isPlainObject(value)) return null;
  // `for…in`, as the schemas walk an object's keys. A refusal ends the whole parse, so `slots` need not be emptied.
  for (const name in value) {
    const at = FIELD_AT.get(name);
    const parsed = at === undefined ? undefined : (READERS[at] as Quick)(value[name]);
    if (parsed === undefined) return null;
    slots[at as number] = parsed;
  }
  for (let r = 0; r < REQUIRED.length; r++) if (slots[REQUIRED[r] as number] === undefined) return null;
  const invitation: Record<string, unknown> = {};
  for (let at = 0; at < FIELDS.length; at++) {
    if (slots[at] === undefined) continue;
    invitation[FIELDS[at] as string] = slots[at];
    slots[at] = undefined;
  }
  return invitation as unknown as Invitation;
}
