// The rules parseInvitations checks and the JSON Schema cannot: docs/schema.md lists them, test/unit/schema/
// shows each on an example, and the agreement property (test/property/schema.property.test.ts) allows exactly these.
import type { ConfigIssue } from "../../../src/index.js";

/** One rule the schema leaves to parseInvitations, with an example it accepts that the rule refuses. */
export interface Disagreement {
  /** The rule's heading in docs/schema.md. */
  rule: string;
  /** Across fields (JSON Schema cannot compare two values) or past what JSON Schema can say about one value. */
  kind: "cross-field" | "beyond JSON Schema";
  /** Whether an issue of parseInvitations is this rule's. */
  matches(issue: ConfigIssue): boolean;
  /** A set the schema accepts and only this rule refuses. */
  example: unknown[];
  /** The same set with the rule satisfied: both accept it. */
  fixed: unknown[];
}

const hi = (fields: Record<string, unknown>): Record<string, unknown> => ({ id: "a", message: "Hi", ...fields });
const period = (from: unknown, to: unknown) => [hi({ schedule: { type: "period", from, to } })];
const attribute = (op: string, value: unknown) => [hi({ attributes: [{ key: "q", op, value }] })];
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

export const DISAGREEMENTS: readonly Disagreement[] = [
  {
    rule: "Invitation ids are unique",
    kind: "cross-field",
    matches: (issue) => issue.code === "duplicate_id",
    example: [hi({}), hi({ message: "Again" })],
    fixed: [hi({}), hi({ id: "b", message: "Again" })],
  },
  {
    rule: "Variation ids are unique and differ from the invitation's id",
    kind: "cross-field",
    matches: (issue) => issue.code === "duplicate_variation_id",
    example: [hi({ variations: [{ id: "b" }, { id: "a" }, { id: "b" }] })],
    fixed: [hi({ variations: [{ id: "b" }, { id: "c" }, { id: "d" }] })],
  },
  {
    rule: "No two locales of one translations object are the same locale",
    kind: "cross-field",
    matches: (issue) => issue.code === "duplicate_locale",
    example: [hi({ translations: { "lt-LT": { message: "Labas" }, lt_lt: { message: "Sveiki" } } })],
    fixed: [hi({ translations: { "lt-LT": { message: "Labas" }, lt: { message: "Sveiki" } } })],
  },
  {
    rule: "A period does not end before it starts",
    kind: "cross-field",
    matches: (issue) => issue.code === "period_end_before_start",
    example: period("2026-12-24", "2026-12-01"),
    fixed: period("2026-12-01", "2026-12-24"),
  },
  {
    rule: "A window does not end where it starts",
    kind: "cross-field",
    matches: (issue) => issue.code === "empty_window",
    example: [hi({ schedule: { type: "weekly", days: { mon: [{ start: "09:00", end: "09:00" }] } } })],
    fixed: [hi({ schedule: { type: "weekly", days: { mon: [{ start: "09:00", end: "17:00" }] } } })],
  },
  {
    rule: "Time zones are IANA zones the runtime knows",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "invalid_time_zone",
    example: [hi({ schedule: { type: "weekly", timeZone: "Europe/Atlantis", days: {} } })],
    fixed: [hi({ schedule: { type: "weekly", timeZone: "Europe/Vilnius", days: {} } })],
  },
  {
    rule: "A period's date exists (no 30 February, 29 February only in leap years)",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "invalid_date",
    example: period("2026-02-29", undefined).map((inv) => ({ ...inv, schedule: { type: "period", from: "2026-02-29" } })),
    fixed: period("2028-02-29", undefined).map((inv) => ({ ...inv, schedule: { type: "period", from: "2028-02-29" } })),
  },
  {
    rule: "URL patterns are globs beckon can compile",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "invalid_glob",
    example: [hi({ urls: ["/page-{1..10}"] })],
    fixed: [hi({ urls: ["/page-{1,2,10}"] })],
  },
  {
    rule: "Regexes compile and run in linear time",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "invalid_regex" || issue.code === "unsafe_regex",
    example: attribute("regex", "(a)\\1"),
    fixed: attribute("regex", "(a)a"),
  },
  {
    rule: "Every alternative of a like pattern has a word",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "invalid_value" && issue.message.includes("without an empty alternative"),
    example: attribute("like", "help, ?"),
    fixed: attribute("like", "help, pricing"),
  },
  {
    rule: "A numeric string stays finite",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "invalid_value" && issue.message.includes("a numeric string"),
    example: attribute("gt", "1e999"),
    fixed: attribute("gt", "1e99"),
  },
  {
    rule: "A design is nested at most 64 levels deep",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "too_big" && issue.message.includes("nested at most"),
    example: [hi({ design: { deep: nested(65) } })],
    fixed: [hi({ design: { deep: nested(64) } })],
  },
  {
    rule: "A list inside the set holds at most 1 000 items",
    kind: "beyond JSON Schema",
    matches: (issue) => issue.code === "too_big" && issue.message.startsWith("expected a list of at most 1000 items"),
    example: [hi({ urls: new Array(1001).fill("/pricing") })],
    fixed: [hi({ urls: new Array(1000).fill("/pricing") })],
  },
];

/** Whether every issue of a refused set is one of the rules above (so the schema may have accepted it). */
export function onlyDisagreements(issues: readonly ConfigIssue[]): boolean {
  return issues.length > 0 && issues.every((issue) => DISAGREEMENTS.some((d) => d.matches(issue)));
}
