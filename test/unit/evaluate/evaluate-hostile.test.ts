// evaluate and explain on visitors and options that cannot be read or are too large, and decisions that own their
// objects.
import { describe, expect, it } from "vitest";
import {
  compile,
  evaluate,
  explain,
  MAX_VISITOR_STRING_LENGTH,
  parseInvitations,
  type EvaluateOptions,
  type Invitation,
  type Visitor,
} from "../../../src/index.js";

const now = Date.UTC(2026, 10, 26, 10);
const invitations: Invitation[] = [{ id: "a", message: "Hello {lhc.var.name}" }];

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function trapsThrow(target: object): object {
  const fail = (): never => {
    throw new Error("trap refused");
  };
  return new Proxy(target, { get: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail, has: fail });
}

/** A proxy that reads like `target` but throws when asked for its prototype. */
function prototypeTrapThrows(target: object): object {
  return new Proxy(target, {
    getPrototypeOf() {
      throw new Error("prototype refused");
    },
  });
}

/** `value` with a getter at `key` that throws whenever it is read. */
function withThrowingGetter<T extends object>(value: T, key: string): T {
  return Object.defineProperty(value, key, {
    enumerable: true,
    get() {
      throw new Error("getter refused");
    },
  });
}

const reasonOf = (visitor: unknown, options?: unknown): string | null =>
  evaluate(invitations, visitor as Visitor, now, options as EvaluateOptions).reason;

describe("evaluate on a visitor that cannot be read", () => {
  const cases: [string, () => unknown][] = [
    ["a revoked proxy", revoked],
    ["a proxy whose traps throw", () => trapsThrow({ id: "v" })],
    ["a proxy whose prototype trap alone throws", () => prototypeTrapThrows({ id: "v" })],
    ["a proxy whose prototype trap throws and whose id is no string", () => prototypeTrapThrows({ id: 7 })],
    ["a throwing id getter", () => withThrowingGetter({}, "id")],
    ["a throwing url getter", () => withThrowingGetter({ id: "v" }, "url")],
    ["a throwing getter on a class instance's prototype", () => new (class V { id = "v"; get language(): string { throw new Error("no"); } })()],
    ["a throwing attribute no invitation reads", () => ({ id: "v", attributes: withThrowingGetter({}, "unused") })],
    ["a throwing visible attribute", () => ({ id: "v", visibleAttributes: withThrowingGetter({}, "city") })],
    ["attributes behind a revoked proxy", () => ({ id: "v", attributes: revoked() })],
    ["a throwing tag", () => ({ id: "v", tags: withThrowingGetter(["a"], "0") })],
    ["a throwing event name", () => ({ id: "v", events: [withThrowingGetter({ at: 1 }, "name")] })],
    ["a throwing event time", () => ({ id: "v", events: [withThrowingGetter({ name: "e" }, "at")] })],
    ["a throwing event value", () => ({ id: "v", events: [withThrowingGetter({ name: "e", at: 1 }, "value")] })],
    ["events behind a proxy whose traps throw", () => ({ id: "v", events: trapsThrow([]) })],
    ["a throwing chat nick", () => ({ id: "v", chat: withThrowingGetter({}, "nick") })],
    ["a throwing state", () => withThrowingGetter({ id: "v" }, "state")],
    ["a throwing current invitation field", () => ({ id: "v", state: { current: withThrowingGetter({ invitationId: "a" }, "closedAt") } })],
    ["a throwing session exclusion", () => ({ id: "v", state: { sessionExcluded: withThrowingGetter(["x"], "0") } })],
    ["a throwing once-per-visitor entry", () => ({ id: "v", state: { seenOnce: trapsThrow([]) } })],
  ];
  for (const [what, make] of cases) {
    it(`answers none with invalid_visitor for ${what}`, () => {
      const decision = evaluate(invitations, make() as Visitor, now);
      expect(decision).toMatchObject({ status: "none", reason: "invalid_visitor", invitation: null, at: now });
      expect(explain(invitations, make() as Visitor, now).decision).toEqual(decision);
    });
  }

  it("classifies a visitor that reads fine at first and throws from then on as invalid_visitor, not evaluation_error", () => {
    let reads = 0;
    const attributes = Object.defineProperty({}, "name", {
      enumerable: true,
      get() {
        reads += 1;
        if (reads >= 2) throw new Error("changed its mind");
        return "Ann";
      },
    });
    expect(reasonOf({ id: "v", attributes })).toBe("invalid_visitor");
  });

  it("classifies a non-enumerable attribute getter an invitation names as invalid_visitor", () => {
    const attributes = Object.defineProperty({}, "name", {
      enumerable: false,
      get() {
        throw new Error("hidden");
      },
    });
    expect(reasonOf({ id: "v", attributes })).toBe("invalid_visitor");
  });

  it("still reads an ordinary class instance, getters included", () => {
    class Snapshot {
      id = "v";
      get attributes(): Record<string, string> {
        return { name: "Ann" };
      }
    }
    expect(evaluate(invitations, new Snapshot() as Visitor, now).message).toBe("Hello Ann");
  });
});

describe("evaluate on options that cannot be read", () => {
  const cases: [string, () => unknown][] = [
    ["a revoked proxy", revoked],
    ["a proxy whose traps throw", () => trapsThrow({})],
    ["a throwing getter", () => withThrowingGetter({}, "timeZone")],
    ["a throwing operator", () => ({ operatorsOnline: withThrowingGetter([{ id: "7" }], "0") })],
    ["a throwing operator department", () => ({ operatorsOnline: [{ id: "7", departments: withThrowingGetter([1], "0") }] })],
    ["a throwing trigger field", () => ({ trigger: withThrowingGetter({ type: "idle" }, "seconds") })],
    ["a symbol where a number belongs", () => ({ suppressAfterCloseSeconds: Symbol("s") })],
  ];
  for (const [what, make] of cases) {
    it(`answers none with invalid_options for ${what}`, () => {
      expect(evaluate(invitations, { id: "v" }, now, make() as EvaluateOptions)).toMatchObject({
        status: "none",
        reason: "invalid_options",
      });
    });
  }

  it("checks every department of every online operator", () => {
    for (const bad of [{}, null, [], Number.NaN, true]) {
      const options = { operatorsOnline: [{ id: "7", departments: [1, bad] }] } as unknown as EvaluateOptions;
      expect(reasonOf({ id: "v" }, options)).toBe("invalid_options");
    }
    expect(reasonOf({ id: "v" }, { operatorsOnline: [{ id: "7", departments: [1, " 2 "] }] })).toBe("lowest_position");
  });

  it("reads a trigger once: a trigger that changes after it was checked cannot make the evaluation fail", () => {
    let reads = 0;
    const trigger = Object.defineProperty({ type: "idle" }, "seconds", {
      enumerable: true,
      get() {
        reads += 1;
        return reads === 1 ? 30 : "thirty";
      },
    });
    const dynamic: Invitation[] = [{ id: "d", kind: "dynamic", message: "Still there?", trigger: { type: "idle", seconds: 10 } }];
    expect(evaluate(dynamic, { id: "v" }, now, { trigger } as EvaluateOptions).invitation?.id).toBe("d");
    expect(reads).toBe(1);
  });
});

describe("evaluate's size caps", () => {
  const atCap = "x".repeat(MAX_VISITOR_STRING_LENGTH);
  const over = "x".repeat(MAX_VISITOR_STRING_LENGTH + 1);
  const visitors: [string, (text: string) => Visitor][] = [
    ["id", (t) => ({ id: t })],
    ["url", (t) => ({ id: "v", url: t })],
    ["previousUrl", (t) => ({ id: "v", previousUrl: t })],
    ["referrer", (t) => ({ id: "v", referrer: t })],
    ["language", (t) => ({ id: "v", language: t })],
    ["locale", (t) => ({ id: "v", locale: t })],
    ["identifier", (t) => ({ id: "v", identifier: t })],
    ["department", (t) => ({ id: "v", department: t })],
    ["a tag", (t) => ({ id: "v", tags: ["a", t] })],
    ["an attribute value", (t) => ({ id: "v", attributes: { plan: t } })],
    ["an attribute key", (t) => ({ id: "v", attributes: { [t]: 1 } })],
    ["a visible attribute value", (t) => ({ id: "v", visibleAttributes: { city: t } })],
    ["an event name", (t) => ({ id: "v", events: [{ name: t, at: 1 }] })],
    ["an event value", (t) => ({ id: "v", events: [{ name: "e", at: 1, value: t }] })],
    ["the chat nick", (t) => ({ id: "v", chat: { nick: t } })],
    ["a session exclusion", (t) => ({ id: "v", state: { v: 1, sessionExcluded: [t], seenOnce: [], conversions: [] } })],
    ["a once-per-visitor entry", (t) => ({ id: "v", state: { v: 1, sessionExcluded: [], seenOnce: [t], conversions: [] } })],
    [
      "the current invitation's id",
      (t) => ({ id: "v", state: { v: 1, current: { invitationId: t, variationId: "a", assignedAt: 0, shownPageviews: 0 }, sessionExcluded: [], seenOnce: [], conversions: [] } }),
    ],
  ];
  for (const [what, make] of visitors) {
    it(`evaluates ${what} at the cap and refuses it one past (invalid_visitor)`, () => {
      expect(reasonOf(make(atCap))).not.toBe("invalid_visitor");
      expect(evaluate(invitations, make(over), now)).toMatchObject({ status: "none", reason: "invalid_visitor" });
    });
  }
});

describe("a decision owns its objects", () => {
  const configured: Invitation[] = [
    { id: "a", message: "Hi", design: { w: 300, css: { color: "red" }, list: [1, { x: 2 }] }, wait: { message: "Wait", repeat: 2 } },
    { id: "i", kind: "inject", message: "-", design: { html: "<b>x</b>", nested: { deep: [1] } } },
    { id: "d", kind: "dynamic", message: "Still there?", trigger: { type: "idle", seconds: 10 } },
  ];

  /** Tries every way of changing a decision's objects; frozen objects refuse (strict mode throws, which we ignore). */
  function vandalize(decision: ReturnType<typeof evaluate>): void {
    const attempts: (() => void)[] = [
      () => ((decision.design as Record<string, unknown>)["w"] = 99),
      () => (((decision.design as Record<string, unknown>)["css"] as Record<string, unknown>)["color"] = "blue"),
      () => ((decision.design as { list: unknown[] }).list.push(3)),
      () => ((decision.wait as Record<string, unknown>)["message"] = "changed"),
      () => ((decision.inject[0]?.design as Record<string, unknown>)["html"] = "<script>"),
      () => (((decision.inject[0]?.design as { nested: { deep: unknown[] } }).nested.deep)[0] = 2),
      () => ((decision.armed[0]?.trigger as { seconds: number }).seconds = 0),
      () => (((decision.requires ?? {}) as Record<string, unknown>)["email"] = true),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch {
        // A frozen object refuses in strict mode: exactly what must happen.
      }
    }
  }

  for (const [how, input] of [
    ["a plain array", () => structuredClone(configured)],
    ["a compiled plain array", () => compile(structuredClone(configured))],
    ["a compiled parseInvitations result", () => compile(parseInvitations(structuredClone(configured)))],
  ] as const) {
    it(`mutating a decision never changes a later decision (${how})`, () => {
      const ruleset = input();
      const first = evaluate(ruleset, { id: "v1" }, now);
      const expected = structuredClone(first);
      vandalize(first);
      expect(evaluate(ruleset, { id: "v2" }, now)).toEqual({ ...expected, at: now });
      expect(first).toEqual(expected);
    });
  }

  it("hands out deep-frozen design, wait, inject designs and triggers", () => {
    const decision = evaluate(configured, { id: "v" }, now);
    for (const value of [decision.design, decision.wait, decision.inject[0]?.design, decision.armed[0]?.trigger]) {
      expect(value).toBeDefined();
      expect(Object.isFrozen(value)).toBe(true);
    }
    expect(Object.isFrozen((decision.design as { css: object }).css)).toBe(true);
    expect(Object.isFrozen((decision.design as { list: object[] }).list[1])).toBe(true);
  });

  it("never freezes or changes the invitations it was given, parsed or not", () => {
    const plain = structuredClone(configured);
    const parsed = parseInvitations(structuredClone(configured));
    for (const set of [plain, parsed]) {
      const decision = evaluate(compile(set), { id: "v" }, now);
      vandalize(decision);
      expect(set).toEqual(configured);
      expect(Object.isFrozen(set[0]?.design)).toBe(false);
      expect(Object.isFrozen(set[0]?.wait)).toBe(false);
      expect(Object.isFrozen(set[1]?.design)).toBe(false);
      expect(Object.isFrozen(set[2]?.trigger)).toBe(false);
      expect(decision.invitation).toBe(set[0]);
    }
  });
});
