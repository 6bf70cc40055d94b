import { describe, expect, it } from "vitest";
import { pickSender, type SenderContext } from "../../../src/render/pick-sender.js";
import { hashUnit } from "../../../src/hashing/hash-unit.js";
import type { OnlineOperator } from "../../../src/types.js";

const online: OnlineOperator[] = [
  { id: "1", name: "Ann", departments: ["2"] },
  { id: "7", name: "Bob", departments: [3] },
  { id: "9", name: "Cid" },
  { id: "12", name: " " },
];

const context = (overrides: Partial<SenderContext> = {}): SenderContext => ({
  visitorId: "v1",
  seed: "",
  department: undefined,
  operatorsOnline: online,
  ...overrides,
});

const random = (operatorIds: string[] = []) => ({ random: true, operatorIds });

describe("pickSender", () => {
  it("uses the fallback name without id when random is off", () => {
    expect(pickSender({ random: false, operatorIds: [] }, "Live Support", context())).toEqual({
      operator: { name: "Live Support" },
      randomMissed: false,
    });
  });

  it("uses the fallback name without a warning when presence is unknown or nobody is listed", () => {
    const expected = { operator: { name: "Ann" }, randomMissed: false };
    expect(pickSender(random(), "Ann", context({ operatorsOnline: undefined }))).toEqual(expected);
    expect(pickSender(random(), "Ann", context({ operatorsOnline: [] }))).toEqual(expected);
  });

  it("picks the online operator with the smallest operator hash", () => {
    const ids = online.map((op) => op.id);
    const hash = (id: string) => hashUnit("operator", "s", "v5", id);
    const expected = [...ids].sort((a, b) => hash(a) - hash(b))[0];
    expect(pickSender(random(), "X", context({ seed: "s", visitorId: "v5" })).operator.id).toBe(expected);
  });

  it("restricts the pick to the configured operator ids, compared trimmed", () => {
    const operatorsOnline = [
      { id: "1", name: "Ann" },
      { id: " 7", name: "Bob" },
      { id: "9", name: "Cid" },
    ];
    for (let v = 0; v < 30; v++) {
      const choice = pickSender(random(["7", "9"]), "X", context({ visitorId: `v${v}`, operatorsOnline }));
      expect([" 7", "9"]).toContain(choice.operator.id);
    }
  });

  it("restricts the pick to operators serving the visitor's department", () => {
    for (let v = 0; v < 30; v++) {
      const choice = pickSender(random(), "X", context({ visitorId: `v${v}`, department: "3" }));
      expect(["7", "9", "12"]).toContain(choice.operator.id);
    }
  });

  it("is deterministic and spreads visitors over the candidates", () => {
    const picks = Array.from({ length: 200 }, (_, v) => pickSender(random(), "X", context({ visitorId: `v${v}` })));
    const again = Array.from({ length: 200 }, (_, v) => pickSender(random(), "X", context({ visitorId: `v${v}` })));
    expect(again).toEqual(picks);
    expect(new Set(picks.map((choice) => choice.operator.id)).size).toBe(4);
  });

  it("shows the fallback name for a picked operator without a name", () => {
    const choice = pickSender(random(["12"]), "Live Support", context());
    expect(choice).toEqual({ operator: { id: "12", name: "Live Support" }, randomMissed: false });
  });

  it("falls back and reports when no online operator qualifies", () => {
    expect(pickSender(random(["99"]), "Ann", context())).toEqual({ operator: { name: "Ann" }, randomMissed: true });
    expect(pickSender(random(["1"]), "Ann", context({ department: "3" }))).toEqual({
      operator: { name: "Ann" },
      randomMissed: true,
    });
  });
});
