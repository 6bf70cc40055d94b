import { describe, expect, it } from "vitest";
import { normalizeLocale } from "../../../src/render/normalize-locale.js";

describe("normalizeLocale", () => {
  it("lower-cases and writes _ as -", () => {
    expect(normalizeLocale("lt_LT")).toBe("lt-lt");
    expect(normalizeLocale("zh-Hant_TW")).toBe("zh-hant-tw");
  });

  it("trims", () => {
    expect(normalizeLocale("  de ")).toBe("de");
  });

  it("keeps an unknown locale empty", () => {
    expect(normalizeLocale("")).toBe("");
  });
});
