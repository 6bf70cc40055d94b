/**
 * DECISIONS (where docs/api.md: Invitation fields is silent; the lead copies these into README.md):
 * - Issues are ordered by path: indexes numerically and before keys, keys by code unit, a path before its extensions.
 * - Ids are compared exactly (no trimming, no case folding) for `duplicate_id` and `duplicate_variation_id`; only the
 *   later occurrence is reported. "Non-empty" means non-blank after trimming, but values are never trimmed in output.
 * - A variation id equal to the invitation's own id is a `duplicate_variation_id` (that id names the base content).
 * - `negative_number` is for a value below 0 where the minimum is 0 (also on "> 0" fields such as idle `seconds`);
 *   0 on a "> 0" field, a value under any other minimum and an empty required list are `too_small`.
 * - A key holding `undefined` is `invalid_type`, not "absent": JSON cannot say it and the output type forbids it.
 * - Schedule semantics (`checkSchedule`) run only once the schedule's structure is valid; kind/trigger rules are
 *   skipped when `kind` itself is invalid (that is already reported). A `trigger` key in any form counts as present.
 * - A numeric string for gt/gte/lt/lte is exactly what evaluation reads as a number (`numericValue`): decimal
 *   notation with sign, fraction and exponent, spaces around allowed (`" 12 "`, `"-1.5e3"`); hex, blank, "1e999" and
 *   other strings are `invalid_value`.
 * - Any plain object with an own `now` key given to a non-numeric operator (or inside its list) is
 *   `relative_time_not_allowed`; the rest of that value is then not checked.
 * - `like`: blank → `empty_string`; an alternative (between commas or around `&&`) without any word, i.e. blank or
 *   only punctuation, → `invalid_value` (the matcher would skip it silently).
 * - `regex` may be empty (it matches any present value); it is otherwise bounded by `checkRegex`.
 * - `design` must be JSON all the way down: finite numbers, plain objects and arrays, no cycles, no `__proto__` key.
 * - A `__proto__` key in a record (`design`, visitor `attributes`) is `invalid_value`, in `translations` it is
 *   `invalid_locale` (zod would drop it silently and the output would differ from the input).
 * - Locales are the same when equal after lower-casing and `_` → `-`; the later key is reported.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../../../src/config/issue-codes.js";
import { parseInvitations } from "../../../src/config/parse-invitations.js";
import { safeParseInvitations } from "../../../src/config/safe-parse-invitations.js";
import { MAX_JSON_DEPTH } from "../../../src/config/json-value-schema.js";
import { invitationSchema } from "../../../src/config/schemas.js";
import { isValidated } from "../../../src/config/validated.js";
import { ConfigError, isConfigError, type ConfigIssue } from "../../../src/config/config-error.js";
import { copy, fullInvitation, otherInvitations, sharedObjects } from "./examples.js";

function issuesOf(input: unknown): ConfigIssue[] {
  const result = safeParseInvitations(input);
  expect(result.success).toBe(false);
  return result.success ? [] : [...result.error.issues];
}

function codesAndPaths(input: unknown): [string, (string | number)[]][] {
  return issuesOf(input).map((issue) => [issue.code, issue.path]);
}

function one(patch: Record<string, unknown>): unknown[] {
  return [{ id: "a", message: "Hi", ...patch }];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const weekly = (days: unknown, extra: Record<string, unknown> = {}) => ({
  schedule: { type: "weekly", days, ...extra },
});

const codeCases: { code: string; input: unknown; path: (string | number)[] }[] = [
  { code: "invalid_type", input: one({ name: 5 }), path: [0, "name"] },
  { code: "required", input: [{ id: "a" }], path: [0, "message"] },
  { code: "unknown_key", input: one({ colour: "red" }), path: [0, "colour"] },
  { code: "invalid_value", input: one({ kind: "popup" }), path: [0, "kind"] },
  { code: "not_integer", input: one({ pageviews: 1.5 }), path: [0, "pageviews"] },
  { code: "negative_number", input: one({ timeOnSite: -3 }), path: [0, "timeOnSite"] },
  { code: "too_small", input: one({ devices: [] }), path: [0, "devices"] },
  { code: "too_big", input: one({ showLimit: 2 ** 53 }), path: [0, "showLimit"] },
  { code: "empty_string", input: [{ id: "  ", message: "Hi" }], path: [0, "id"] },
  {
    code: "duplicate_id",
    input: [...one({}), { id: "b", message: "x" }, { id: "a", message: "y" }],
    path: [2, "id"],
  },
  {
    code: "duplicate_variation_id",
    input: one({ variations: [{ id: "v" }, { id: "v" }] }),
    path: [0, "variations", 1, "id"],
  },
  {
    code: "duplicate_locale",
    input: one({ translations: { "lt-LT": {}, LT_lt: {} } }),
    path: [0, "translations", "LT_lt"],
  },
  { code: "dynamic_without_trigger", input: one({ kind: "dynamic" }), path: [0, "trigger"] },
  { code: "trigger_without_dynamic", input: one({ trigger: { type: "exitIntent" } }), path: [0, "trigger"] },
  {
    code: "events_with_dynamic",
    input: one({ kind: "dynamic", trigger: { type: "exitIntent" }, events: [{ event: "x", minCount: 1 }] }),
    path: [0, "events"],
  },
  {
    code: "invalid_time_zone",
    input: one(weekly({}, { timeZone: "Mars/Olympus" })),
    path: [0, "schedule", "timeZone"],
  },
  {
    code: "invalid_time",
    input: [
      { id: "a", message: "x" },
      { id: "b", message: "x" },
      { id: "c", message: "x" },
      { id: "d", message: "x", ...weekly({ mon: [{ start: "09:00", end: "24:00" }] }) },
    ],
    path: [3, "schedule", "days", "mon", 0, "end"],
  },
  {
    code: "invalid_date",
    input: one({ schedule: { type: "period", from: "2024-13-01" } }),
    path: [0, "schedule", "from"],
  },
  {
    code: "empty_window",
    input: one(
      weekly({
        tue: [
          { start: "08:00", end: "12:00" },
          { start: "09:00", end: "09:00" },
        ],
      }),
    ),
    path: [0, "schedule", "days", "tue", 1, "end"],
  },
  {
    code: "period_end_before_start",
    input: one({ schedule: { type: "period", from: "2025-02-01", to: "2025-01-01" } }),
    path: [0, "schedule", "to"],
  },
  { code: "invalid_glob", input: one({ urls: ["/ok", "shop/[a"] }), path: [0, "urls", 1] },
  {
    code: "invalid_regex",
    input: one({ attributes: [{ key: "k", op: "regex", value: "(a" }] }),
    path: [0, "attributes", 0, "value"],
  },
  {
    code: "unsafe_regex",
    input: one({ attributes: [{ key: "k", op: "regex", value: "(a)\\1" }] }),
    path: [0, "attributes", 0, "value"],
  },
  {
    code: "malformed_placeholder",
    input: one({ translations: { lt: { operatorName: "{lhc.add}" } } }),
    path: [0, "translations", "lt", "operatorName"],
  },
  {
    code: "relative_time_not_allowed",
    input: one({ attributes: [{ key: "k", op: "in", value: ["a", { now: -60 }] }] }),
    path: [0, "attributes", 0, "value", 1],
  },
  { code: "invalid_locale", input: one({ translations: { english: {} } }), path: [0, "translations", "english"] },
];

describe("safeParseInvitations", () => {
  describe("issue codes", () => {
    it("has a case below for every issue code", () => {
      expect(new Set(codeCases.map((c) => c.code))).toEqual(new Set(ISSUE_CODES));
    });

    it.each(codeCases)("reports $code at its exact path", ({ code, input, path }) => {
      expect(issuesOf(input)).toEqual([{ code, path, message: expect.any(String) }]);
    });
  });

  describe("messages", () => {
    it("names the expected thing and the value found", () => {
      expect(issuesOf(one({ pageviews: -3 }))[0]?.message).toBe("expected an integer ≥ 0, got -3");
      expect(issuesOf(one({ pageviews: 1.5 }))[0]?.message).toBe("expected an integer ≥ 0, got 1.5");
      expect(issuesOf(one({ kind: "popup" }))[0]?.message).toBe(
        'expected one of "standard", "dynamic", "inject", got "popup"',
      );
      expect(issuesOf([{ id: "a" }])[0]?.message).toBe("missing, expected a string");
    });

    it("names the allowed tags of a bad discriminator at the discriminator's path", () => {
      expect(issuesOf(one({ schedule: { type: "daily" } }))).toEqual([
        {
          code: "invalid_value",
          path: [0, "schedule", "type"],
          message: 'expected one of "weekly", "period", "annual", got "daily"',
        },
      ]);
    });

    it("reports a missing discriminator as required", () => {
      expect(codesAndPaths(one({ attributes: [{ key: "k", value: 1 }] }))).toEqual([
        ["required", [0, "attributes", 0, "op"]],
      ]);
    });

    it("names every malformed placeholder of a template in its own issue", () => {
      expect(issuesOf(one({ message: "Hi {lhc.var.} and {lhc.nick}" }))).toEqual([
        { code: "malformed_placeholder", path: [0, "message"], message: expect.stringContaining('"{lhc.var.}"') },
        { code: "malformed_placeholder", path: [0, "message"], message: expect.stringContaining('"{lhc.nick}"') },
      ]);
    });
  });

  describe("numbers", () => {
    it("reports a value below 0 as negative_number even where the minimum is exclusive", () => {
      expect(codesAndPaths(one({ kind: "dynamic", trigger: { type: "idle", seconds: -1 } }))).toEqual([
        ["negative_number", [0, "trigger", "seconds"]],
      ]);
    });

    it("reports 0 where more than 0 is needed as too_small", () => {
      const input = one({
        kind: "dynamic",
        trigger: { type: "idle", seconds: 0 },
        conversion: { event: "buy", withinSeconds: 0 },
      });
      expect(codesAndPaths(input)).toEqual([
        ["too_small", [0, "conversion", "withinSeconds"]],
        ["too_small", [0, "trigger", "seconds"]],
      ]);
    });

    it("reports a minCount of 0 as too_small", () => {
      expect(codesAndPaths(one({ events: [{ event: "x", minCount: 0 }] }))).toEqual([
        ["too_small", [0, "events", 0, "minCount"]],
      ]);
    });

    it("refuses NaN and Infinity", () => {
      expect(codesAndPaths(one({ timeOnSite: Number.NaN, cooldownSeconds: Number.POSITIVE_INFINITY }))).toEqual([
        ["invalid_type", [0, "cooldownSeconds"]],
        ["invalid_type", [0, "timeOnSite"]],
      ]);
    });

    it("accepts a negative position", () => {
      expect(safeParseInvitations(one({ position: -10 })).success).toBe(true);
    });
  });

  describe("identity", () => {
    it("reports every later occurrence of a repeated id", () => {
      const input = [1, 2, 3].map((n) => ({ id: "same", message: `m${n}` }));
      expect(codesAndPaths(input)).toEqual([
        ["duplicate_id", [1, "id"]],
        ["duplicate_id", [2, "id"]],
      ]);
    });

    it("compares ids exactly", () => {
      expect(
        safeParseInvitations([
          { id: "a", message: "x" },
          { id: "A", message: "x" },
          { id: "a ", message: "x" },
        ]).success,
      ).toBe(true);
    });

    it("reports a variation id equal to the invitation's own id", () => {
      expect(codesAndPaths(one({ variations: [{ id: "b" }, { id: "a" }] }))).toEqual([
        ["duplicate_variation_id", [0, "variations", 1, "id"]],
      ]);
    });

    it("checks the locales of variation translations too", () => {
      const input = one({ variations: [{ id: "v", translations: { "pt-BR": {}, pt_br: {}, "x!": {} } }] });
      expect(codesAndPaths(input)).toEqual([
        ["duplicate_locale", [0, "variations", 0, "translations", "pt_br"]],
        ["invalid_locale", [0, "variations", 0, "translations", "x!"]],
      ]);
    });

    it("reports a __proto__ translation key as an invalid locale", () => {
      const input = one({ translations: JSON.parse('{"__proto__": {}, "lt": {}}') as unknown });
      expect(codesAndPaths(input)).toEqual([["invalid_locale", [0, "translations", "__proto__"]]]);
    });
  });

  describe("kinds and triggers", () => {
    it("judges no kind rule when the kind itself is invalid", () => {
      expect(codesAndPaths(one({ kind: "popup", trigger: { type: "exitIntent" } }))).toEqual([
        ["invalid_value", [0, "kind"]],
      ]);
    });

    it("treats an omitted kind as standard", () => {
      expect(codesAndPaths(one({ trigger: { type: "idle", seconds: 5 } }))).toEqual([
        ["trigger_without_dynamic", [0, "trigger"]],
      ]);
    });

    it("allows an empty events list on a dynamic invitation", () => {
      expect(safeParseInvitations(one({ kind: "dynamic", trigger: { type: "exitIntent" }, events: [] })).success).toBe(
        true,
      );
    });

    it("reports an unknown trigger type at its type", () => {
      expect(codesAndPaths(one({ kind: "dynamic", trigger: { type: "scroll" } }))).toEqual([
        ["invalid_value", [0, "trigger", "type"]],
      ]);
    });
  });

  describe("attribute conditions", () => {
    const attribute = (condition: Record<string, unknown>) => codesAndPaths(one({ attributes: [condition] }));

    it("accepts numbers, numeric strings and relative times for numeric comparisons", () => {
      const values = [3, -2.5, " 12 ", "-1.5e3", ".5", { now: -259200 }];
      const input = one({ attributes: values.map((value) => ({ key: "k", op: "lte", value })) });
      expect(safeParseInvitations(input).success).toBe(true);
    });

    it.each(["abc", "", "0x10", "1,5", "1e999"])(
      "refuses the non-numeric string %j for a numeric comparison",
      (value) => {
        expect(attribute({ key: "k", op: "gt", value })).toEqual([["invalid_value", [0, "attributes", 0, "value"]]]);
      },
    );

    it("reports a relative time on an equality", () => {
      expect(attribute({ key: "k", op: "eq", value: { now: 0 } })).toEqual([
        ["relative_time_not_allowed", [0, "attributes", 0, "value"]],
      ]);
    });

    it("reports a bad relative time at its inner path", () => {
      expect(attribute({ key: "k", op: "gte", value: { now: "soon" } })).toEqual([
        ["invalid_type", [0, "attributes", 0, "value", "now"]],
      ]);
    });

    it("reports a bad list element of an equality at the element", () => {
      expect(attribute({ key: "k", op: "eq", value: ["a", null] })).toEqual([
        ["invalid_type", [0, "attributes", 0, "value", 1]],
      ]);
    });

    it("reports an empty in list as too_small", () => {
      expect(attribute({ key: "k", op: "notIn", value: [] })).toEqual([["too_small", [0, "attributes", 0, "value"]]]);
    });

    it.each(["help,,support", "help && ", ", help", "a && b,", "help, ?!"])(
      "reports the empty alternative in like %j",
      (value) => {
        expect(attribute({ key: "k", op: "like", value })).toEqual([["invalid_value", [0, "attributes", 0, "value"]]]);
      },
    );

    it("reports a blank like as empty_string", () => {
      expect(attribute({ key: "k", op: "notLike", value: "  " })).toEqual([
        ["empty_string", [0, "attributes", 0, "value"]],
      ]);
    });

    it("reports a value on exists as an unknown key", () => {
      expect(attribute({ key: "k", op: "exists", value: true })).toEqual([
        ["unknown_key", [0, "attributes", 0, "value"]],
      ]);
    });

    it("reports a blank key", () => {
      expect(attribute({ key: " ", op: "notExists" })).toEqual([["empty_string", [0, "attributes", 0, "key"]]]);
    });

    it("reports a missing value as required", () => {
      expect(attribute({ key: "k", op: "contains" })).toEqual([["required", [0, "attributes", 0, "value"]]]);
    });
  });

  describe("unknown keys", () => {
    it("reports one issue per unknown key, at every depth", () => {
      const input = [
        {
          id: "a",
          message: "Hi",
          extra: 1,
          other: 2,
          operator: { name: "Ana", avatar: "x" },
          wait: { message: "w", delay: 1 },
          requires: { email: true, age: true },
          translations: { lt: { message: "m", title: "t" } },
          variations: [{ id: "v", colour: "red", operator: { nick: "n" }, translations: { lt: { body: "b" } } }],
          schedule: {
            type: "weekly",
            days: { mon: [{ start: "09:00", end: "10:00", note: "x" }], holiday: [] },
            tz: "UTC",
          },
          attributes: [{ key: "k", op: "gt", value: { now: 1, unit: "s" } }],
          events: [{ event: "e", minCount: 1, max: 3 }],
          conversion: { event: "buy", withinSeconds: 10, value: 5 },
        },
        { id: "b", kind: "dynamic", message: "x", trigger: { type: "exitIntent", delay: 2 } },
      ];
      expect(issuesOf(input).map((issue) => [issue.code, issue.path])).toEqual([
        ["unknown_key", [0, "attributes", 0, "value", "unit"]],
        ["unknown_key", [0, "conversion", "value"]],
        ["unknown_key", [0, "events", 0, "max"]],
        ["unknown_key", [0, "extra"]],
        ["unknown_key", [0, "operator", "avatar"]],
        ["unknown_key", [0, "other"]],
        ["unknown_key", [0, "requires", "age"]],
        ["unknown_key", [0, "schedule", "days", "holiday"]],
        ["unknown_key", [0, "schedule", "days", "mon", 0, "note"]],
        ["unknown_key", [0, "schedule", "tz"]],
        ["unknown_key", [0, "translations", "lt", "title"]],
        ["unknown_key", [0, "variations", 0, "colour"]],
        ["unknown_key", [0, "variations", 0, "operator", "nick"]],
        ["unknown_key", [0, "variations", 0, "translations", "lt", "body"]],
        ["unknown_key", [0, "wait", "delay"]],
        ["unknown_key", [1, "trigger", "delay"]],
      ]);
    });

    it("names the key in the message", () => {
      expect(issuesOf(one({ colour: "red" }))[0]?.message).toBe('unknown key "colour"');
    });
  });

  describe("every issue at once", () => {
    it("reports every issue at once, structural and semantic, across invitations", () => {
      const input = [
        { id: "a", message: "Hi {lhc.var.}", timeOnSite: -3, colour: "red" },
        { id: "a", message: "", kind: "dynamic", pageviews: 2.5 },
        {
          id: "c",
          message: "ok",
          position: "first",
          urls: ["/[x"],
          schedule: { type: "weekly", timeZone: "Nowhere/City", days: { mon: [{ start: "9am", end: "17:00" }] } },
          translations: { lt: {}, LT: {} },
          variations: [{ id: "c" }],
          attributes: [{ key: "k", op: "regex", value: "(a" }],
        },
      ];
      expect(codesAndPaths(input)).toEqual([
        ["unknown_key", [0, "colour"]],
        ["malformed_placeholder", [0, "message"]],
        ["negative_number", [0, "timeOnSite"]],
        ["duplicate_id", [1, "id"]],
        ["empty_string", [1, "message"]],
        ["not_integer", [1, "pageviews"]],
        ["dynamic_without_trigger", [1, "trigger"]],
        ["invalid_regex", [2, "attributes", 0, "value"]],
        ["invalid_type", [2, "position"]],
        ["invalid_time", [2, "schedule", "days", "mon", 0, "start"]],
        ["invalid_time_zone", [2, "schedule", "timeZone"]],
        ["duplicate_locale", [2, "translations", "LT"]],
        ["invalid_glob", [2, "urls", 0]],
        ["duplicate_variation_id", [2, "variations", 0, "id"]],
      ]);
    });

    it("judges schedule semantics only once the schedule's structure is valid", () => {
      const schedule = { type: "weekly", days: { mon: [{ start: "09:00", end: "09:00" }], funday: [] } };
      expect(codesAndPaths(one({ schedule }))).toEqual([["unknown_key", [0, "schedule", "days", "funday"]]]);
    });
  });

  describe("design", () => {
    it("reports every value that is not JSON, with its path", () => {
      const circular: Record<string, unknown> = {};
      circular["self"] = circular;
      const design = {
        ok: [1, "two", null, { three: true }],
        nan: Number.NaN,
        list: [undefined],
        date: new Date(0),
        fn: () => 1,
        circular,
      };
      expect(codesAndPaths(one({ design }))).toEqual([
        ["invalid_value", [0, "design", "circular", "self"]],
        ["invalid_type", [0, "design", "date"]],
        ["invalid_type", [0, "design", "fn"]],
        ["invalid_type", [0, "design", "list", 0]],
        ["invalid_value", [0, "design", "nan"]],
      ]);
    });

    it("reports a __proto__ key instead of dropping it", () => {
      const design = JSON.parse('{"a": {"__proto__": {"x": 1}}}') as unknown;
      expect(codesAndPaths(one({ design }))).toEqual([["invalid_value", [0, "design", "a", "__proto__"]]]);
    });

    it("refuses a design nested deeper than the limit instead of overflowing the stack", () => {
      let deep: unknown = "bottom";
      for (let i = 0; i < 100_000; i++) deep = [deep];
      const issues = issuesOf(one({ design: { deep } }));
      expect(issues).toEqual([
        {
          code: "too_big",
          path: [0, "design", "deep", ...Array<number>(MAX_JSON_DEPTH).fill(0)],
          message: expect.any(String),
        },
      ]);
    });

    it("refuses a design that is not an object", () => {
      expect(codesAndPaths(one({ design: ["a"] }))).toEqual([["invalid_type", [0, "design"]]]);
    });
  });

  describe("valid input", () => {
    const valid = [fullInvitation, ...otherInvitations];

    it("returns a deep copy equal to the input", () => {
      const input = copy(valid);
      const result = safeParseInvitations(input);
      expect(result).toEqual({ success: true, data: valid });
      expect(result.success && result.data).not.toBe(input);
    });

    it("shares no object or array with the input", () => {
      const input = copy(valid);
      expect(sharedObjects(input, parseInvitations(input))).toEqual([]);
    });

    it("uses every field of an invitation in the examples", () => {
      const used = new Set([fullInvitation, ...otherInvitations].flatMap((invitation) => Object.keys(invitation)));
      expect([...used].sort()).toEqual(Object.keys(invitationSchema.shape).sort());
    });

    it("marks the parsed array as validated, and only that array", () => {
      const input = copy(valid);
      expect(isValidated(parseInvitations(input))).toBe(true);
      expect(isValidated(input)).toBe(false);
    });

    it("fills in no default", () => {
      expect(parseInvitations([{ id: "a", message: "Hi" }])).toEqual([{ id: "a", message: "Hi" }]);
    });

    it("accepts deep-frozen input and leaves it unchanged", () => {
      const input = deepFreeze(copy(valid));
      expect(parseInvitations(input)).toEqual(valid);
      expect(input).toEqual(valid);
    });

    it("accepts an empty list", () => {
      expect(parseInvitations([])).toEqual([]);
    });

    it("refuses a key set to undefined", () => {
      expect(codesAndPaths(one({ name: undefined }))).toEqual([["invalid_type", [0, "name"]]]);
    });
  });

  describe("garbage", () => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      "invitations",
      {},
      [1, "x", {}],
      [[]],
      [{ id: {}, message: [] }],
      [{ id: "a", message: "x", schedule: { type: "weekly", days: { mon: "9-5" } } }],
      [{ id: "a", message: "x", schedule: { type: "weekly", days: { mon: [null, [], { start: 9 }] } } }],
      [{ id: "a", message: "x", attributes: "plan=free" }],
      [{ id: "a", message: "x", attributes: [null, 3, { op: "eq" }, { key: "k", op: "eq", value: [[1]] }] }],
      [{ id: "a", message: "x", variations: [null, { translations: [] }, { id: "v", translations: { lt: "x" } }] }],
      [{ id: "a", message: "x", translations: "lt" }],
      [{ id: "a", message: "x", kind: "dynamic", trigger: null, events: "x" }],
      [Object.create(null) as unknown],
      [new Date(0), new Map(), () => 1, Symbol("s"), 10n],
    ];

    it.each(garbage.map((input) => [input]))("reports issues for %o instead of crashing", (input) => {
      const issues = issuesOf(input);
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(ISSUE_CODES).toContain(issue.code);
        expect(issue.message).not.toBe("");
      }
    });

    it("never throws, and a failure always lists at least one issue", () => {
      fc.assert(
        fc.property(
          fc.anything({
            withBigInt: true,
            withDate: true,
            withMap: true,
            withNullPrototype: true,
            withSparseArray: true,
          }),
          (input) => {
            const result = safeParseInvitations(input);
            return result.success || result.error.issues.length > 0;
          },
        ),
      );
    });

    it("never throws for schedules whose texts are arbitrary", () => {
      const text = fc.oneof(
        fc.string(),
        fc.constantFrom(
          "09:00",
          "24:00",
          "9:5",
          "12-20 00:00",
          "02-30 10:00",
          "2025-01-01",
          "2025-02-29T10:00",
          "UTC",
          "Mars/X",
          "",
        ),
      );
      const bound = fc.oneof(text, fc.double());
      const schedule = fc.oneof(
        fc.record(
          {
            type: fc.constant("weekly"),
            timeZone: text,
            days: fc.dictionary(fc.constantFrom("mon", "sun"), fc.array(fc.record({ start: text, end: text }))),
          },
          { requiredKeys: ["type", "days"] },
        ),
        fc.record({ type: fc.constant("period"), from: bound, to: bound }, { requiredKeys: ["type"] }),
        fc.record(
          { type: fc.constant("annual"), timeZone: text, from: text, to: text },
          { requiredKeys: ["type", "from", "to"] },
        ),
      );
      fc.assert(
        fc.property(schedule, (value) => {
          const result = safeParseInvitations([{ id: "a", message: "x", schedule: value }]);
          return result.success || result.error.issues.every((issue) => ISSUE_CODES.includes(issue.code));
        }),
      );
    });

    it("never throws for lists of almost-invitations", () => {
      const field = fc.constantFrom(
        "id",
        "message",
        "kind",
        "trigger",
        "events",
        "schedule",
        "variations",
        "translations",
        "design",
      );
      const almost = fc.array(fc.dictionary(field, fc.anything({ maxDepth: 3 })), { maxLength: 4 });
      fc.assert(
        fc.property(almost, (input) => {
          const result = safeParseInvitations(input);
          return result.success || result.error.issues.length > 0;
        }),
      );
    });
  });
});

describe("parseInvitations", () => {
  it("returns the parsed invitations", () => {
    expect(parseInvitations(one({ position: 2 }))).toEqual([{ id: "a", message: "Hi", position: 2 }]);
  });

  it("throws a ConfigError whose message lists every path", () => {
    const input = [...one({ timeOnSite: -3 }), { id: "a", message: "x", colour: 1 }];
    let caught: unknown;
    try {
      parseInvitations(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.message).toBe(
      [
        "Invalid invitations, 3 problems:",
        "  - [0].timeOnSite: expected a number ≥ 0, got -3 (negative_number)",
        '  - [1].colour: unknown key "colour" (unknown_key)',
        '  - [1].id: id "a" is already used by an earlier invitation (duplicate_id)',
      ].join("\n"),
    );
    expect(error.issues).toEqual(issuesOf(input));
    expect(isConfigError(error)).toBe(true);
  });
});

describe("isConfigError", () => {
  it("recognises a ConfigError thrown by the parser", () => {
    const result = safeParseInvitations(null);
    expect(isConfigError(result.success ? null : result.error)).toBe(true);
  });

  it("recognises a ConfigError from another copy of the package", () => {
    const lookalike = Object.assign(new Error("x"), { name: "ConfigError", issues: [] });
    expect(isConfigError(lookalike)).toBe(true);
  });

  it("rejects other errors and plain objects", () => {
    expect(isConfigError(new Error("x"))).toBe(false);
    expect(isConfigError({ name: "ConfigError", issues: [] })).toBe(false);
    expect(isConfigError(null)).toBe(false);
  });
});
