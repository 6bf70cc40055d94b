// The parse functions and compile on JavaScript values no JSON can carry: they report, they never throw.
import { describe, expect, it } from "vitest";
import {
  compile,
  isConfigError,
  isRuleset,
  MAX_VISITOR_STRING_LENGTH,
  parseEventDefinitions,
  parseInvitations,
  parseState,
  parseVisitor,
  safeParseEventDefinitions,
  safeParseInvitations,
  safeParseState,
  safeParseVisitor,
  type ConfigIssue,
  type Invitation,
  type SafeParseResult,
} from "../../../src/index.js";
import { MAX_LISTED_ISSUES } from "../../../src/config/parse-with-schema.js";
import { MAX_READ_DEPTH } from "../../../src/config/read-plain.js";

const SAFE_PARSERS: [string, (input: unknown) => SafeParseResult<unknown>][] = [
  ["safeParseInvitations", safeParseInvitations],
  ["safeParseVisitor", safeParseVisitor],
  ["safeParseState", safeParseState],
  ["safeParseEventDefinitions", safeParseEventDefinitions],
];
const PARSERS: [string, (input: unknown) => unknown][] = [
  ["parseInvitations", parseInvitations],
  ["parseVisitor", parseVisitor],
  ["parseState", parseState],
  ["parseEventDefinitions", parseEventDefinitions],
  ["compile", (input) => compile(input as Invitation[])],
];

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function trapsThrow(target: object = {}): object {
  const fail = (): never => {
    throw new Error("trap refused");
  };
  return new Proxy(target, { get: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail, has: fail });
}

function throwingGetter(key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.defineProperty({ ...extra }, key, {
    enumerable: true,
    get() {
      throw new Error("getter refused");
    },
  });
}

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { id: "v" };
  value["self"] = value;
  return value;
}

function deeplyNested(levels: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Values no JSON can carry, each in a few positions. */
const HOSTILE: [string, () => unknown][] = [
  ["a revoked proxy", revoked],
  ["a proxy whose traps throw", () => trapsThrow()],
  ["a proxy over an array whose traps throw", () => trapsThrow([])],
  ["an object with a throwing getter", () => throwingGetter("id")],
  ["a Promise", () => Promise.resolve(1)],
  ["a class instance", () => new (class Snapshot { id = "v"; })()],
  ["a Map", () => new Map([["id", "v"]])],
  ["a Date", () => new Date(0)],
  ["a cyclic object", cyclic],
  ["a null-prototype object", () => Object.assign(Object.create(null) as object, { id: "v" })],
  ["an object with symbol keys", () => ({ id: "v", [Symbol("s")]: 1 })],
  ["a symbol", () => Symbol("s")],
  ["a function", () => () => 1],
  ["a bigint", () => 10n],
  ["a long array of garbage", () => new Array<number>(1_000).fill(1)],
  ["a deeply nested object", () => deeplyNested(100_000)],
  ["a proxy claiming an absurd array length", () => new Proxy([], { get: (t, k) => (k === "length" ? -1 : Reflect.get(t, k)) })],
];

/** The same values inside an otherwise ordinary input of each kind. */
function positions(value: unknown): unknown[] {
  return [
    value,
    [value],
    [{ id: "a", message: "Hi", design: { x: value } }],
    [{ id: "a", message: "Hi", urls: value }],
    { id: "v", attributes: value },
    { id: "v", attributes: { plan: value } },
    { id: "v", events: [value] },
    { id: "v", state: value },
    { v: 1, sessionExcluded: value, seenOnce: [], conversions: [] },
    [{ name: value }],
  ];
}

function issuesOf(result: SafeParseResult<unknown>): ConfigIssue[] {
  return result.success ? [] : [...result.error.issues];
}

describe("safeParse* on hostile values", () => {
  for (const [name, safeParse] of SAFE_PARSERS) {
    for (const [what, make] of HOSTILE) {
      it(`${name} never throws on ${what}, anywhere`, () => {
        for (const input of positions(make())) {
          const result = safeParse(input);
          expect(typeof result.success).toBe("boolean");
          if (!result.success) {
            expect(result.error.issues.length).toBeGreaterThan(0);
            expect(isConfigError(result.error)).toBe(true);
          }
        }
      });
    }
  }
});

describe("parse* and compile on hostile values", () => {
  for (const [name, parse] of PARSERS) {
    it(`${name} throws nothing but ConfigError`, () => {
      for (const [, make] of HOSTILE) {
        for (const input of positions(make())) {
          try {
            parse(input);
          } catch (error) {
            expect(isConfigError(error)).toBe(true);
          }
        }
      }
    });
  }

  it("isRuleset never throws, and says no to a proxy that cannot be asked", () => {
    expect(isRuleset(revoked())).toBe(false);
    expect(isRuleset(trapsThrow())).toBe(false);
  });
});

describe("where an unreadable value is reported", () => {
  it("reports a throwing getter at its path, with the error's message", () => {
    const visitor = { id: "v", chat: throwingGetter("nick", { active: false }) };
    expect(issuesOf(safeParseVisitor(visitor))).toEqual([
      { code: "invalid_value", path: ["chat", "nick"], message: "could not be read: getter refused" },
    ]);
  });

  it("reports a revoked proxy at its path, and every other problem of the input too", () => {
    const invitations = [{ id: "a", message: "Hi", timeOnSite: -1 }, revoked()];
    expect(issuesOf(safeParseInvitations(invitations)).map((i) => [i.code, i.path])).toEqual([
      ["negative_number", [0, "timeOnSite"]],
      ["invalid_value", [1]],
    ]);
  });

  it("reports a proxy whose traps throw as unreadable, not as whatever the schema would say of nothing", () => {
    const issues = issuesOf(safeParseVisitor({ id: "v", attributes: trapsThrow() }));
    expect(issues).toEqual([{ code: "invalid_value", path: ["attributes"], message: "could not be read: trap refused" }]);
  });

  it("reads whatever was thrown into the message, even a value that is not an Error", () => {
    const visitor = Object.defineProperty({ id: "v" }, "url", {
      enumerable: true,
      get() {
        throw Object.create(null) as object; // String() of it throws too
      },
    });
    expect(issuesOf(safeParseVisitor(visitor))).toEqual([
      { code: "invalid_value", path: ["url"], message: "could not be read: unknown error" },
    ]);
  });

  it("refuses a Promise, a class instance or a Date as not plain data (invalid_type)", () => {
    const visitor = { id: "v", attributes: Promise.resolve(1), chat: new Date(0), state: new (class State {})() };
    const issues = issuesOf(safeParseVisitor(visitor));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_type", ["attributes"]],
      ["invalid_type", ["chat"]],
      ["invalid_type", ["state"]],
    ]);
    expect(issues[0]?.message).toMatch(/got a Promise$/);
  });

  it("reports a circular reference where it closes", () => {
    const chat: Record<string, unknown> = { active: false };
    chat["nick"] = chat;
    expect(issuesOf(safeParseVisitor({ id: "v", chat })).map((i) => [i.code, i.path, i.message])).toEqual([
      ["invalid_value", ["chat", "nick"], "circular reference"],
    ]);
  });

  it("accepts an object without prototype as plain data, at any depth, and returns ordinary objects", () => {
    const attributes = Object.assign(Object.create(null) as object, { plan: "pro" });
    const visitor = Object.assign(Object.create(null) as object, { id: "v", attributes });
    const parsed = parseVisitor(visitor);
    expect(parsed).toEqual({ id: "v", attributes: { plan: "pro" } });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it("leaves symbol keys and non-enumerable properties out, as JSON.stringify would", () => {
    const visitor = Object.defineProperty({ id: "v", [Symbol("s")]: "x" }, "hidden", { value: 1, enumerable: false });
    expect(parseVisitor(visitor)).toEqual({ id: "v" });
  });

  it("cuts nesting deeper than any schema accepts instead of overflowing the stack", () => {
    const issues = issuesOf(safeParseVisitor({ id: "v", chat: deeplyNested(100_000) }));
    // The schema already refuses the first level; the cut far below is not worth a second issue.
    expect(issues.map((i) => [i.code, i.path])).toEqual([["unknown_key", ["chat", "a"]]]);
  });

  it("reports the depth cut when nothing above it is wrong (a proxy can be deep everywhere)", () => {
    const endless: object = new Proxy({}, { get: () => endless, ownKeys: () => ["a"], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: endless }) });
    const issues = issuesOf(safeParseVisitor({ id: "v", chat: { nick: "n", active: false }, attributes: { deep: "x" }, extra: endless }));
    expect(issues.map((i) => i.code)).toContain("unknown_key");
    const deep = issuesOf(safeParseInvitations([{ id: "a", message: "Hi", design: { deep: endless } }]));
    expect(deep.length).toBeGreaterThan(0);
    expect(deep.every((i) => i.path.length <= MAX_READ_DEPTH)).toBe(true);
  });

  it("lists at most MAX_LISTED_ISSUES problems, in path order, and says in one more issue that the list was cut", () => {
    const result = safeParseInvitations(new Array<number>(5_000).fill(1));
    const issues = issuesOf(result);
    expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(issues.slice(0, 2).map((issue) => issue.path)).toEqual([[0], [1]]);
    expect(issues[MAX_LISTED_ISSUES - 1]?.path).toEqual([MAX_LISTED_ISSUES - 1]);
    expect(issues.at(-1)).toEqual({
      code: "too_big",
      path: [],
      // Checking stopped at the first item past the cap: the other items are not checked, nor their problems counted.
      message: `1 more problems not listed (at most ${MAX_LISTED_ISSUES} are), and items ${MAX_LISTED_ISSUES + 1} to 4999 were not checked`,
    });
  });
});

describe("visitor string caps", () => {
  const atCap = "x".repeat(MAX_VISITOR_STRING_LENGTH);
  const over = "x".repeat(MAX_VISITOR_STRING_LENGTH + 1);

  it("is 8 192 UTF-16 code units", () => {
    expect(MAX_VISITOR_STRING_LENGTH).toBe(8192);
    expect("😀".repeat(4096).length).toBe(MAX_VISITOR_STRING_LENGTH);
    expect(safeParseVisitor({ id: "v", url: "😀".repeat(4096) }).success).toBe(true);
  });

  const fields: [string, (text: string) => unknown, (string | number)[]][] = [
    ["id", (t) => ({ id: t }), ["id"]],
    ["url", (t) => ({ id: "v", url: t }), ["url"]],
    ["previousUrl", (t) => ({ id: "v", previousUrl: t }), ["previousUrl"]],
    ["referrer", (t) => ({ id: "v", referrer: t }), ["referrer"]],
    ["language", (t) => ({ id: "v", language: t }), ["language"]],
    ["locale", (t) => ({ id: "v", locale: t }), ["locale"]],
    ["identifier", (t) => ({ id: "v", identifier: t }), ["identifier"]],
    ["department", (t) => ({ id: "v", department: t }), ["department"]],
    ["a tag", (t) => ({ id: "v", tags: ["a", t] }), ["tags", 1]],
    ["an attribute value", (t) => ({ id: "v", attributes: { plan: t } }), ["attributes", "plan"]],
    ["an attribute key", (t) => ({ id: "v", attributes: { [t]: 1 } }), ["attributes", over]],
    ["a visible attribute value", (t) => ({ id: "v", visibleAttributes: { city: t } }), ["visibleAttributes", "city"]],
    ["an event name", (t) => ({ id: "v", events: [{ name: t, at: 1 }] }), ["events", 0, "name"]],
    ["an event value", (t) => ({ id: "v", events: [{ name: "e", at: 1, value: t }] }), ["events", 0, "value"]],
    ["the chat nick", (t) => ({ id: "v", chat: { nick: t } }), ["chat", "nick"]],
    [
      "a state string",
      (t) => ({ id: "v", state: { v: 1, sessionExcluded: [t], seenOnce: [], conversions: [] } }),
      ["state", "sessionExcluded", 0],
    ],
  ];

  for (const [what, make, path] of fields) {
    it(`accepts ${what} at the cap and refuses it one past, as too_big at its path`, () => {
      expect(issuesOf(safeParseVisitor(make(atCap)))).toEqual([]);
      const issues = issuesOf(safeParseVisitor(make(over)));
      expect(issues.filter((i) => i.code === "too_big").map((i) => i.path)).toEqual([path]);
    });
  }

  it("caps the strings of a state document too", () => {
    const state = { v: 1, current: { invitationId: over, variationId: "a", assignedAt: 0, shownPageviews: 0 }, sessionExcluded: [], seenOnce: [], conversions: [] };
    expect(issuesOf(safeParseState(state)).map((i) => [i.code, i.path])).toEqual([["too_big", ["current", "invitationId"]]]);
  });

  it("does not cap invitations (configuration, not visitor input)", () => {
    expect(safeParseInvitations([{ id: "a", message: over }]).success).toBe(true);
  });
});

describe("compile on hostile input", () => {
  it("never freezes or changes the caller's invitations", () => {
    const design = { w: 300, css: { color: "red" } };
    const invitations: Invitation[] = [{ id: "a", message: "Hi", design, wait: { message: "w" }, kind: "standard" }];
    const before = structuredClone(invitations);
    compile(invitations);
    compile(parseInvitations(invitations));
    expect(invitations).toEqual(before);
    expect(Object.isFrozen(design)).toBe(false);
    expect(Object.isFrozen(design.css)).toBe(false);
    expect(Object.isFrozen(invitations[0]?.wait)).toBe(false);
  });

  it("compiles what it validated, even if a getter answers differently afterwards", () => {
    let reads = 0;
    const invitation = Object.defineProperty({ id: "a" }, "message", {
      enumerable: true,
      get() {
        reads += 1;
        if (reads > 2) throw new Error("changed its mind");
        return "Hi";
      },
    });
    const ruleset = compile([invitation as Invitation]);
    expect(isRuleset(ruleset)).toBe(true);
  });

  it("turns a failure while building an array changed after parseInvitations into a ConfigError", () => {
    const parsed = parseInvitations([{ id: "a", message: "Hi" }]);
    (parsed as unknown[])[0] = revoked();
    expect(() => compile(parsed)).toThrow(expect.objectContaining({ name: "ConfigError" }));
  });
});
