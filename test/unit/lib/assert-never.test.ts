import { describe, expect, it } from "vitest";
import { assertNever } from "../../../src/lib/assert-never.js";

describe("assertNever", () => {
  it("throws a TypeError naming what the value was meant to be, and the value", () => {
    expect(() => assertNever("hourly" as never, "schedule rule")).toThrow(new TypeError('unexpected schedule rule: "hourly"'));
    expect(() => assertNever(undefined as never, "conversion status")).toThrow("unexpected conversion status: undefined");
  });
});
