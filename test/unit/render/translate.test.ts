import { describe, expect, it } from "vitest";
import { translate } from "../../../src/render/translate.js";

const greeting = {
  text: "Hello",
  translations: new Map([
    ["lt", "Labas"],
    ["lt-lt", "Laba diena"],
    ["pt-br", "Olá"],
  ]),
};

describe("translate", () => {
  it("uses the exact locale first", () => {
    expect(translate(greeting, "lt-lt")).toBe("Laba diena");
  });

  it("falls back to the language", () => {
    expect(translate(greeting, "lt-lv")).toBe("Labas");
  });

  it("falls back to the untranslated text", () => {
    expect(translate(greeting, "de-de")).toBe("Hello");
    expect(translate(greeting, "pt")).toBe("Hello");
  });

  it("uses the untranslated text for an unknown locale", () => {
    expect(translate(greeting, "")).toBe("Hello");
  });
});
