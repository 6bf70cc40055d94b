import fc from "fast-check";
import type { ConditionField } from "../fields.js";
import type { AttributeCondition, AttributeValue, Invitation, Visitor, VisitorEvent } from "../types.js";
import { assertNever } from "../lib/assert-never.js";
import { pageForPattern } from "./page-for-pattern.js";
import type { ListsEvery } from "../lib/lists-every.js";

/**
 * How {@link aimVisitor} meets each condition of the field table: aimed at (the fields are chosen to meet it), met
 * by what it leaves out (no chat and no previous visit hold no minimum back), or the caller's (a schedule holds at
 * the instant they pick, operators online are evaluate's option). A condition added to `InvitationFieldRoles`
 * fails to compile here until its way is written down, and aimed at below when that is the way.
 */
interface HowAimed {
  timeOnSite: "aimed";
  pageviews: "aimed";
  language: "aimed";
  identifier: "aimed";
  tag: "aimed";
  departments: "aimed";
  referrer: "aimed";
  devices: "aimed";
  urls: "aimed";
  attributes: "aimed";
  events: "aimed";
  minSecondsSinceLastVisit: "met by absence";
  minSecondsSinceLastChat: "met by absence";
  schedule: "the caller's";
  requireOperatorIds: "the caller's";
}
true satisfies ListsEvery<ConditionField, keyof HowAimed> & ListsEvery<keyof HowAimed, ConditionField>;

/** A value no generated condition names: it makes `neq`, `notIn`, `notContains` and `notLike` hold. */
const OTHER = "zz-other";

/**
 * Visitor fields that meet `invitation`'s conditions at the instant `around`: its language, embed identifier, tag,
 * a department, a device and a page of its URL patterns, a referrer its rule accepts, time on site and page views at
 * or past its thresholds, an attribute value per condition, enough recent events per event condition, and no chat
 * or previous visit that could hold it back. Schedules and operators are not the visitor's: aim the instant and the
 * options at those yourself. Regex conditions are left to chance.
 *
 * @example
 * fc.sample(aimVisitor({ id: "p", message: "Hi", language: "lit", urls: ["/pricing"] }, Date.now()), 1)
 * // => [{ language: "lit", url: "https://example.com/pricing", timeOnSite: 3, … }]
 */
export function aimVisitor(invitation: Invitation, around: number): fc.Arbitrary<Partial<Visitor>> {
  const pages = (invitation.urls ?? []).flatMap((pattern) => pageForPattern(pattern) ?? []);
  return fc
    .record({
      extraSeconds: fc.integer({ min: 0, max: 30 }),
      extraViews: fc.integer({ min: 0, max: 2 }),
      page: pages.length === 0 ? fc.constant(undefined) : fc.constantFrom(...pages),
      device: fc.constantFrom(...(invitation.devices ?? ["desktop", "mobile", "tablet"])),
      // An empty list means every department: nothing to aim at.
      department: fc.constantFrom(...(invitation.departments?.length ? invitation.departments : [undefined])),
    })
    .map(({ extraSeconds, extraViews, page, device, department }) => {
      const fields: Partial<Visitor> = {
        timeOnSite: (invitation.timeOnSite ?? 0) + extraSeconds,
        pageviews: Math.max(1, invitation.pageviews ?? 0) + extraViews,
        device,
        attributes: attributesFor(invitation.attributes ?? [], around),
        events: eventsFor(invitation, around),
        chat: {},
      };
      if (page !== undefined) fields.url = page;
      if (department !== undefined) fields.department = department;
      if (invitation.language) fields.language = invitation.language;
      if (invitation.identifier) fields.identifier = invitation.identifier;
      if (invitation.tag) fields.tags = [invitation.tag];
      if (invitation.referrer) fields.referrer = `https://${invitation.referrer}${invitation.referrer.includes(".") ? "" : ".com"}/`;
      return fields;
    });
}

function attributesFor(conditions: readonly AttributeCondition[], around: number): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const condition of conditions) {
    const value = valueFor(condition, Math.floor(around / 1000));
    if (value === undefined) delete attributes[condition.key];
    else if (value !== null) attributes[condition.key] = value;
  }
  return attributes;
}

/** A value meeting one condition: `undefined` to leave the key out, `null` to leave it to chance. */
function valueFor(condition: AttributeCondition, aroundSeconds: number): AttributeValue | undefined {
  switch (condition.op) {
    case "eq":
      return Array.isArray(condition.value) ? (condition.value[0] ?? null) : condition.value;
    case "in":
      return condition.value[0] ?? null;
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const base = typeof condition.value === "object" ? aroundSeconds + condition.value.now : Number(condition.value);
      // A minute past the bound, so the condition still holds a little after `around`.
      return condition.op === "gt" || condition.op === "gte" ? base + 60 : base - 60;
    }
    case "contains":
      return `x${condition.value}x`;
    case "like":
      return condition.value.split("&&").map((group) => (group.split(",")[0] ?? "").replace(/\*/g, "").trim()).join(" ");
    case "exists":
      return "yes";
    case "notExists":
      return undefined;
    case "neq":
    case "notIn":
    case "notContains":
    case "notLike":
      return OTHER;
    case "regex":
      return null;
    default:
      return assertNever(condition, "attribute condition");
  }
}

function eventsFor(invitation: Invitation, around: number): VisitorEvent[] {
  return (invitation.events ?? []).flatMap((condition) =>
    Array.from({ length: condition.minCount }, (_, i) => ({ name: condition.event, at: around - (i + 1) * 1000 })),
  );
}
