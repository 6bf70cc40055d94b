import { describe, expect, it } from "vitest";
import { readAttribute } from "../../../src/render/read-attribute.js";
import type { AttributeValue } from "../../../src/types.js";

describe("readAttribute", () => {
  it("returns strings as they are", () => {
    expect(readAttribute({ name: " Ann " }, "name")).toBe(" Ann ");
  });

  it("writes numbers with String()", () => {
    expect(readAttribute({ seats: 5, price: 9.5, zero: 0 }, "price")).toBe("9.5");
    expect(readAttribute({ zero: 0 }, "zero")).toBe("0");
  });

  it("writes booleans as true and false", () => {
    expect(readAttribute({ vip: true, trial: false }, "vip")).toBe("true");
    expect(readAttribute({ vip: true, trial: false }, "trial")).toBe("false");
  });

  it("does not resolve null or a missing key", () => {
    expect(readAttribute({ plan: null }, "plan")).toBeUndefined();
    expect(readAttribute({}, "plan")).toBeUndefined();
  });

  it("never resolves inherited properties", () => {
    expect(readAttribute({}, "toString")).toBeUndefined();
    expect(readAttribute({}, "constructor")).toBeUndefined();
    expect(readAttribute({}, "__proto__")).toBeUndefined();
  });

  it("never resolves __proto__, constructor or prototype even as own properties", () => {
    const attributes = JSON.parse('{"__proto__":"x","constructor":"y","prototype":"z"}') as Record<
      string,
      AttributeValue
    >;
    expect(readAttribute(attributes, "__proto__")).toBeUndefined();
    expect(readAttribute(attributes, "constructor")).toBeUndefined();
    expect(readAttribute(attributes, "prototype")).toBeUndefined();
  });

  it("does not resolve values of other kinds that slipped past validation", () => {
    const attributes = { list: ["a"] } as unknown as Record<string, AttributeValue>;
    expect(readAttribute(attributes, "list")).toBeUndefined();
  });
});
