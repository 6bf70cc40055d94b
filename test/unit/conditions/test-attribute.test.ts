/*
 * DECISIONS (standard conditions, docs/semantics.md: Semantics in detail, where the spec is silent):
 * - Referrer: host read with or without scheme; credentials and port dropped; exactly one leading `www.` removed.
 *   The configured value goes through the same host reading, so `www.google` and `https://google.com/` work.
 * - Pages: the port stays part of the host (`localhost:3000/*`); credentials are dropped; all trailing slashes are
 *   removed (`/a//` → `/a`), the root stays `/`; a value starting with a single `/` is a path without host.
 * - URL patterns: `#fragment` is cut from patterns (pages never have one); `?` stays the glob one-character wildcard
 *   (query strings never take part); a host without path (`example.com`) means the home page; a leading `!` always
 *   means exclusion (micromatch's own `!(…)` extglob cannot start a pattern); a pattern that is blank or only `!`
 *   matches nothing; `!*` excludes every page, a missing one included; patterns are NOT split on commas (braces use
 *   them); only a trailing `*` that is not backslash-escaped widens a pattern to "everything below".
 * - Attributes: a value that is neither string, number nor boolean (unvalidated snapshot) counts as missing; a
 *   numeric string may carry surrounding spaces (`" 5 "`) and `1.` is numeric, but `1e999` (infinite) is not; an
 *   `eq`/`in` list may be empty (`eq []` never holds, `neq []` always holds for a present key); `contains ""` holds
 *   for every present value; a regex pattern that does not compile fails the condition closed.
 * - like: `;` and parentheses are word boundaries too; words of an alternative must be consecutive words of the text
 *   (any boundary characters between them); `help*` also matches `help`; only a leading/trailing `*` is a wildcard;
 *   a lone `*` matches any word; alternatives and `&&` groups without words are ignored; a value without any word
 *   matches nothing (so `notLike ""` holds for a present key); LHC's typo syntax (`$`, `{n}`), `/regex/`
 *   alternatives and `[params …]` are not supported and read as text.
 * - detectDevice: iPads that announce themselves as a Mac read as desktop.
 */
import { describe, expect, it } from "vitest";
import { compileAttributeCondition } from "../../../src/conditions/compile-attribute-condition.js";
import { testAttribute } from "../../../src/conditions/test-attribute.js";
import type { AttributeCondition, AttributeValue } from "../../../src/types.js";

type Attributes = Record<string, AttributeValue>;
type Row = [label: string, attributes: Attributes | undefined, expected: boolean];

// 2024-01-01T00:00:00Z
const NOW_MS = 1_704_067_200_000;
const NOW_S = NOW_MS / 1000;

function holds(condition: AttributeCondition, attributes: Attributes | undefined, nowMs = NOW_MS): boolean {
  return testAttribute(compileAttributeCondition(condition), attributes, nowMs);
}

function prototypeKeyRows(): Row[] {
  const own = JSON.parse('{"__proto__": "x"}') as Attributes;
  return [
    ["an inherited key", {}, false],
    ["an own __proto__", own, false],
  ];
}

describe("testAttribute", () => {
  describe("eq", () => {
    it.each<Row>([
      ["an equal string", { plan: "pro" }, true],
      ["a case difference", { plan: "PRO" }, true],
      ["surrounding spaces", { plan: "  Pro " }, true],
      ["a different string", { plan: "team" }, false],
      ["a missing key", {}, false],
      ["null", { plan: null }, false],
      ["no attributes", undefined, false],
    ])("plan eq Pro with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "plan", op: "eq", value: "Pro" }, attributes)).toBe(expected);
    });

    it.each<Row>([
      ["a numeric string 1.0", { seats: "1.0" }, true],
      ["the number 1", { seats: 1 }, true],
      ["an exponent 1e0", { seats: "1e0" }, true],
      ["a padded numeric string", { seats: " 1 " }, true],
      ["the number 2", { seats: 2 }, false],
      ["a non-numeric string", { seats: "one" }, false],
    ])("seats eq 1 with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "seats", op: "eq", value: 1 }, attributes)).toBe(expected);
    });

    it.each<Row>([
      ["true", { vip: true }, true],
      ["the string TRUE", { vip: "TRUE" }, true],
      ["false", { vip: false }, false],
      ["the number 1", { vip: 1 }, false],
    ])("vip eq true with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "vip", op: "eq", value: true }, attributes)).toBe(expected);
    });

    it.each<Row>([
      ["the first entry", { plan: "pro" }, true],
      ["the numeric entry as text", { plan: "3.0" }, true],
      ["no entry", { plan: "free" }, false],
    ])("plan eq [Pro, Team, 3] with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "plan", op: "eq", value: ["Pro", "Team", 3] }, attributes)).toBe(expected);
    });

    it.each<Row>(prototypeKeyRows())("never resolves %s", (_label, attributes, expected) => {
      expect(holds({ key: "__proto__", op: "eq", value: "x" }, attributes)).toBe(expected);
      expect(holds({ key: "constructor", op: "eq", value: "x" }, attributes)).toBe(expected);
    });

    it("never holds for an empty list", () => {
      expect(holds({ key: "plan", op: "eq", value: [] }, { plan: "pro" })).toBe(false);
    });
  });

  describe("neq", () => {
    it.each<Row>([
      ["a different string", { plan: "team" }, true],
      ["an equal string in another case", { plan: "PRO" }, false],
      ["a numerically equal value", { plan: "1.00" }, true],
      ["a missing key", {}, false],
      ["null", { plan: null }, false],
    ])("plan neq Pro with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "plan", op: "neq", value: "Pro" }, attributes)).toBe(expected);
    });

    it.each<Row>([
      ["a value in the list", { plan: "team" }, false],
      ["1.0 against the list entry 1", { plan: "1.0" }, false],
      ["a value not in the list", { plan: "free" }, true],
    ])("plan neq [Pro, Team, 1] with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "plan", op: "neq", value: ["Pro", "Team", 1] }, attributes)).toBe(expected);
    });

    it("holds for an empty list when the key is present", () => {
      expect(holds({ key: "plan", op: "neq", value: [] }, { plan: "pro" })).toBe(true);
      expect(holds({ key: "plan", op: "neq", value: [] }, {})).toBe(false);
    });
  });

  describe.each([
    ["gt", [false, false, true]],
    ["gte", [false, true, true]],
    ["lt", [true, false, false]],
    ["lte", [true, true, false]],
  ] as const)("%s", (op, [below, equal, above]) => {
    it.each<Row>([
      ["a smaller number", { age: 17 }, below],
      ["an equal number", { age: 18 }, equal],
      ["a greater number", { age: 19 }, above],
      ["a smaller numeric string", { age: "17.5" }, below],
      ["an equal numeric string", { age: "1.8e1" }, equal],
      ["a greater numeric string", { age: " 19 " }, above],
      ["a non-numeric string", { age: "19 years" }, false],
      ["a hexadecimal string", { age: "0x20" }, false],
      ["an empty string", { age: "" }, false],
      ["a boolean", { age: true }, false],
      ["a missing key", {}, false],
      ["null", { age: null }, false],
    ])(`age ${op} 18 with %s → %j`, (_label, attributes, expected) => {
      expect(holds({ key: "age", op, value: 18 }, attributes)).toBe(expected);
      expect(holds({ key: "age", op, value: "18" }, attributes)).toBe(expected);
    });

    it.each<Row>([
      ["an instant before the threshold", { at: NOW_S - 3600 - 1 }, below],
      ["the threshold instant", { at: NOW_S - 3600 }, equal],
      ["an instant after the threshold", { at: String(NOW_S - 3600 + 1) }, above],
      ["a missing key", {}, false],
    ])(`at ${op} { now: -3600 } with %s → %j`, (_label, attributes, expected) => {
      expect(holds({ key: "at", op, value: { now: -3600 } }, attributes)).toBe(expected);
    });

    it("never holds against a non-numeric limit", () => {
      expect(holds({ key: "age", op, value: "eighteen" }, { age: 18 })).toBe(false);
    });
  });

  it("reads a relative time from the instant it is given", () => {
    const condition = { key: "at", op: "gte", value: { now: -60 } } as const;
    expect(holds(condition, { at: 1000 }, 1_060_000)).toBe(true);
    expect(holds(condition, { at: 1000 }, 1_060_001)).toBe(false);
  });

  describe("contains", () => {
    it.each<Row>([
      ["a substring", { page: "Pricing for teams" }, true],
      ["a case difference", { page: "TEAMS" }, true],
      ["no substring", { page: "pricing" }, false],
      ["a missing key", {}, false],
      ["null", { page: null }, false],
    ])("page contains Team with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "page", op: "contains", value: "Team" }, attributes)).toBe(expected);
    });

    it.each<Row>([
      ["a number holding the digits", { id: 12345 }, true],
      ["a string holding the digits", { id: "a-234-b" }, true],
      ["a number without them", { id: 243 }, false],
    ])("id contains 234 with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "id", op: "contains", value: 234 }, attributes)).toBe(expected);
    });

    it("matches booleans as the words true and false", () => {
      expect(holds({ key: "vip", op: "contains", value: "ru" }, { vip: true })).toBe(true);
    });

    it("holds for an empty needle when the key is present", () => {
      expect(holds({ key: "page", op: "contains", value: "" }, { page: "x" })).toBe(true);
    });
  });

  describe("notContains", () => {
    it.each<Row>([
      ["no substring", { page: "pricing" }, true],
      ["a substring in another case", { page: "TEAMS" }, false],
      ["a missing key", {}, false],
      ["null", { page: null }, false],
    ])("page notContains team with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "page", op: "notContains", value: "team" }, attributes)).toBe(expected);
    });
  });

  describe("in", () => {
    it.each<Row>([
      ["a listed string in another case", { country: "lt" }, true],
      ["a listed number as a numeric string", { country: "7.0" }, true],
      ["a listed boolean", { country: false }, true],
      ["an unlisted value", { country: "de" }, false],
      ["a missing key", {}, false],
      ["null", { country: null }, false],
    ])("country in [LT, LV, 7, false] with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "country", op: "in", value: ["LT", "LV", 7, false] }, attributes)).toBe(expected);
    });
  });

  describe("notIn", () => {
    it.each<Row>([
      ["an unlisted value", { country: "de" }, true],
      ["a listed value in another case", { country: "Lv" }, false],
      ["a missing key", {}, false],
      ["null", { country: null }, false],
    ])("country notIn [LT, LV] with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "country", op: "notIn", value: ["LT", "LV"] }, attributes)).toBe(expected);
    });
  });

  describe("like", () => {
    it.each<Row>([
      ["the whole word", { q: "I need help now" }, true],
      ["the word in another case", { q: "HELP!" }, true],
      ["a longer word", { q: "visit the helpdesk" }, false],
      ["a missing key", {}, false],
      ["null", { q: null }, false],
    ])("q like help with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "q", op: "like", value: "help" }, attributes)).toBe(expected);
    });

    it("reads numbers as text", () => {
      expect(holds({ key: "code", op: "like", value: "42" }, { code: 42 })).toBe(true);
    });
  });

  describe("notLike", () => {
    it.each<Row>([
      ["a longer word", { q: "visit the helpdesk" }, true],
      ["the whole word", { q: "help me" }, false],
      ["a missing key", {}, false],
      ["null", { q: null }, false],
    ])("q notLike help with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "q", op: "notLike", value: "help" }, attributes)).toBe(expected);
    });
  });

  describe("exists", () => {
    it.each<Row>([
      ["a string", { plan: "pro" }, true],
      ["an empty string", { plan: "" }, true],
      ["false", { plan: false }, true],
      ["zero", { plan: 0 }, true],
      ["null", { plan: null }, false],
      ["a missing key", {}, false],
      ["no attributes", undefined, false],
    ])("plan exists with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "plan", op: "exists" }, attributes)).toBe(expected);
    });

    it.each<Row>(prototypeKeyRows())("does not see %s", (_label, attributes) => {
      expect(holds({ key: "__proto__", op: "exists" }, attributes)).toBe(false);
      expect(holds({ key: "prototype", op: "exists" }, attributes)).toBe(false);
    });
  });

  describe("notExists", () => {
    it.each<Row>([
      ["a string", { plan: "pro" }, false],
      ["false", { plan: false }, false],
      ["null", { plan: null }, true],
      ["a missing key", {}, true],
      ["no attributes", undefined, true],
    ])("plan notExists with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "plan", op: "notExists" }, attributes)).toBe(expected);
    });

    it("holds for prototype keys, which never resolve", () => {
      expect(holds({ key: "__proto__", op: "notExists" }, JSON.parse('{"__proto__": 1}') as Attributes)).toBe(true);
      expect(holds({ key: "constructor", op: "notExists" }, { constructor: "x" })).toBe(true);
    });

    it("treats a value that is not a scalar as missing", () => {
      const odd = { plan: { nested: true } } as unknown as Attributes;
      expect(holds({ key: "plan", op: "notExists" }, odd)).toBe(true);
      expect(holds({ key: "plan", op: "exists" }, odd)).toBe(false);
    });
  });

  describe("regex", () => {
    it.each<Row>([
      ["a matching string", { ref: "vip-42" }, true],
      ["a case difference", { ref: "VIP-7" }, true],
      ["a non-matching string", { ref: "vip-x" }, false],
      ["a missing key", {}, false],
      ["null", { ref: null }, false],
    ])("ref regex ^vip-\\d+$ with %s → %j", (_label, attributes, expected) => {
      expect(holds({ key: "ref", op: "regex", value: "^vip-\\d+$" }, attributes)).toBe(expected);
    });

    it("tests numbers and booleans as text", () => {
      expect(holds({ key: "n", op: "regex", value: "^4\\.5$" }, { n: 4.5 })).toBe(true);
      expect(holds({ key: "b", op: "regex", value: "^true$" }, { b: true })).toBe(true);
    });

    it("looks only at the first 2048 characters of the value", () => {
      const value = `${"a".repeat(2048)}END`;
      expect(holds({ key: "v", op: "regex", value: "END" }, { v: value })).toBe(false);
      expect(holds({ key: "v", op: "regex", value: "^a{2048}$" }, { v: value })).toBe(true);
    });

    it("fails closed for a pattern that does not compile", () => {
      expect(holds({ key: "v", op: "regex", value: "([" }, { v: "([" })).toBe(false);
    });
  });

  it("fails closed for an unknown operator from unvalidated input", () => {
    const condition = { key: "plan", op: "startsWith", value: "p" } as unknown as AttributeCondition;
    expect(holds(condition, { plan: "pro" })).toBe(false);
  });
});
