import { describe, expect, it } from "vitest";
import { compile, ConfigError, evaluate, explain, type EvaluateOptions, type Invitation, type Visitor } from "../../../src/index.js";

const now = Date.UTC(2026, 10, 26, 10);
const invitations: Invitation[] = [{ id: "a", message: "Hello" }];

describe("evaluate", () => {
  it("selects, renders and stamps the instant it used", () => {
    const decision = evaluate(invitations, { id: "v1" }, now);
    expect(decision).toMatchObject({ status: "selected", message: "Hello", at: now, reason: "lowest_position" });
    expect(decision.invitation).toBe(invitations[0]);
  });

  it("reads the clock exactly once", () => {
    let reads = 0;
    evaluate(invitations, { id: "v1" }, { now: () => (reads++, now) });
    expect(reads).toBe(1);
  });

  it("answers none with invalid_clock for an unusable clock", () => {
    expect(evaluate(invitations, { id: "v1" }, Number.NaN)).toMatchObject({ status: "none", reason: "invalid_clock" });
  });

  it("answers none with invalid_visitor for something that is not a visitor", () => {
    expect(evaluate(invitations, null as unknown as Visitor, now)).toMatchObject({ status: "none", reason: "invalid_visitor" });
  });

  it("answers none with invalid_options for options it cannot use", () => {
    const options = { timeZone: "Mars/Olympus" } as EvaluateOptions;
    expect(evaluate(invitations, { id: "v1" }, now, options)).toMatchObject({ status: "none", reason: "invalid_options" });
  });

  it("answers none with invalid_config for an invalid plain array instead of throwing", () => {
    const broken = [{ id: "a", message: "x" }, { id: "a", message: "y" }];
    expect(evaluate(broken, { id: "v1" }, now)).toMatchObject({ status: "none", reason: "invalid_config" });
    expect(evaluate("nope" as unknown as Invitation[], { id: "v1" }, now)).toMatchObject({ reason: "invalid_config" });
  });

  it("gives the same decision for a ruleset and for the array it was compiled from", () => {
    const set: Invitation[] = [
      { id: "a", position: 2, message: "A" },
      { id: "b", position: 1, urls: ["/pricing"], message: "B" },
    ];
    const visitor = { id: "v1", url: "https://example.com/pricing" };
    expect(evaluate(compile(set), visitor, now)).toEqual(evaluate(set, visitor, now));
  });

  it("breaks a full tie by the visitor's hash, the same way every time and whatever the order", () => {
    const tied: Invitation[] = ["x", "y", "z"].map((id) => ({ id, message: id }));
    const winners = new Set<string | undefined>();
    for (const visitor of ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"]) {
      const decision = evaluate(tied, { id: visitor }, now);
      expect(decision.reason).toBe("lowest_position");
      expect(evaluate([...tied].reverse(), { id: visitor }, now)).toEqual(decision);
      winners.add(decision.invitation?.id);
    }
    expect(winners.size).toBeGreaterThan(1);
  });

  it("does not validate the same plain array twice (the compiled form is cached per array)", () => {
    const set: Invitation[] = [{ id: "a", message: "A" }];
    const first = evaluate(set, { id: "v1" }, now);
    set.push({ id: "a", message: "duplicate id, added after the first call" });
    expect(evaluate(set, { id: "v1" }, now)).toEqual(first);
  });

  it("refuses the same invalid plain array again without validating it again", () => {
    // Fuzz seed 2011721526, evaluate:48622: refusing a costly regex prices it (≈ 30 ms), and explain asked twice.
    let reads = 0;
    const invalid = new Proxy([{ id: "a", message: "A", position: "first" }] as unknown as Invitation[], {
      get(target, key, receiver) {
        if (key === "0") reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(evaluate(invalid, { id: "v1" }, now).reason).toBe("invalid_config");
    const validated = reads;
    expect(validated).toBeGreaterThan(0);
    const explained = explain(invalid, { id: "v1" }, now);
    expect(explained.decision).toEqual(evaluate(invalid, { id: "v1" }, now));
    expect(explained.decision.reason).toBe("invalid_config");
    expect(explained.candidates).toEqual([]);
    expect(reads).toBe(validated);
    expect(() => compile(invalid)).toThrow(ConfigError);
  });

  it("asks again when a selected invitation with an expiry will disappear, as it does for a current one", () => {
    const expiring: Invitation[] = [{ id: "a", message: "Hello", expiresAfterSeconds: 60 }];
    expect(evaluate(expiring, { id: "v1" }, now).recheckAt).toBe(now + 60_000);
    // An earlier change still comes first: b, ranked better, starts at 30 s on site.
    const withEarlier: Invitation[] = [...expiring, { id: "b", message: "Hi", position: -1, timeOnSite: 30 }];
    expect(evaluate(withEarlier, { id: "v1", timeOnSite: 0 }, now).recheckAt).toBe(now + 30_000);
    // An expiry of 0 is over at once: ask again a millisecond on, never at the same instant.
    expect(evaluate([{ id: "a", message: "Hello", expiresAfterSeconds: 0 }], { id: "v1" }, now).recheckAt).toBe(now + 1);
    expect(evaluate(invitations, { id: "v1" }, now).recheckAt).toBeNull();
  });
});
