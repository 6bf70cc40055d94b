import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../../src/evaluate/resolve-options.js";
import type { EvaluateOptions, OnlineOperator } from "../../../src/types.js";

describe("resolveOptions", () => {
  it("applies the documented defaults", () => {
    expect(resolveOptions(undefined)).toEqual({
      operatorsOnline: undefined,
      requireOperatorOnline: true,
      suppressAfterCloseMs: 86_400_000,
      suppressAfterChatMs: 86_400_000,
      timeZone: "UTC",
      escape: "html",
      defaultOperatorName: "Live Support",
      seed: "",
      trigger: undefined,
    });
    expect(resolveOptions({})).toEqual(resolveOptions(undefined));
  });

  it("turns seconds into milliseconds and keeps what is given", () => {
    const resolved = resolveOptions({
      operatorsOnline: [{ id: "7" }],
      requireOperatorOnline: false,
      suppressAfterCloseSeconds: 60,
      suppressAfterChatSeconds: 0,
      timeZone: "Europe/Vilnius",
      escape: "none",
      defaultOperatorName: "Team",
      seed: "s",
      trigger: { type: "idle", seconds: 30 },
    });
    expect(resolved).toMatchObject({ suppressAfterCloseMs: 60_000, suppressAfterChatMs: 0, timeZone: "Europe/Vilnius" });
  });

  it.each<[string, unknown]>([
    ["an unknown time zone", { timeZone: "Mars/Olympus" }],
    ["a negative suppression", { suppressAfterCloseSeconds: -1 }],
    ["a NaN suppression", { suppressAfterChatSeconds: Number.NaN }],
    ["an unknown escape", { escape: "xml" }],
    ["operators that are not a list", { operatorsOnline: "7" }],
    ["an operator without id", { operatorsOnline: [{ name: "Rita" }] }],
    ["an unknown trigger", { trigger: { type: "scroll" } }],
    ["an idle trigger without seconds", { trigger: { type: "idle" } }],
    ["a seed that is not text", { seed: 5 }],
    ["options that are not an object", "fast"],
    ["null options", null],
  ])("refuses %s", (_what, options) => {
    expect(resolveOptions(options as EvaluateOptions)).toBeNull();
  });

  it("reads each online operator once and hands back its own copies", () => {
    // Fuzz seed 20261203, evaluate:202294: a getter answering a valid operator first and a wrong type next passed the
    // check and then broke evaluation (evaluation_error).
    let reads = 0;
    const operator = { id: "7", name: "Rita", departments: [1, "2"] };
    const list: unknown[] = [];
    Object.defineProperty(list, 0, { enumerable: true, get: () => (reads++ === 0 ? operator : 42) });
    const resolved = resolveOptions({ operatorsOnline: list as OnlineOperator[] });
    expect(reads).toBe(1);
    expect(resolved?.operatorsOnline).toEqual([operator]);
    expect(resolved?.operatorsOnline?.[0]).not.toBe(operator);
    expect(resolved?.operatorsOnline?.[0]?.departments).not.toBe(operator.departments);
  });

  it("refuses a hole in the operators list (nothing JSON can hold)", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(resolveOptions({ operatorsOnline: [, { id: "7" }] as OnlineOperator[] })).toBeNull();
  });
});
