import { describe, expect, it } from "vitest";
import { lintContent } from "../../../src/lint/lint-content.js";
import type { Invitation } from "../../../src/types.js";

const found = (invitation: Omit<Invitation, "id">) => lintContent([{ id: "a", ...invitation }]).map((f) => [f.code, f.path]);

describe("lintContent", () => {
  it("finds variations whose weights are all zero, and not when one may be picked", () => {
    expect(found({ message: "x", variations: [{ id: "b", weight: 0 }, { id: "c", weight: 0 }] })).toEqual([["variation_weights_all_zero", [0, "variations"]]]);
    expect(found({ message: "x", variations: [{ id: "b", weight: 0 }, { id: "c" }] })).toEqual([]);
  });

  it("finds a targeted language the invitation does not translate into while it translates into others", () => {
    expect(found({ message: "x", language: "lit", translations: { de: { message: "y" } } })).toEqual([["missing_translation", [0, "translations"]]]);
    expect(found({ message: "x", language: " LIT ", translations: { lt_LT: { message: "y" } } })).toEqual([]);
    expect(found({ message: "x", language: "de", translations: { "de-AT": { message: "y" } } })).toEqual([]);
    expect(found({ message: "x", language: "lit" })).toEqual([]);
    expect(found({ message: "x", language: "xx1", translations: { de: { message: "y" } } })).toEqual([]);
  });

  it("finds a translation that covers one message the invitation sets but not the other", () => {
    expect(found({ message: "x", returningMessage: "r", translations: { lt: { message: "y" } } })).toEqual([["missing_translation", [0, "translations", "lt"]]]);
    expect(found({ message: "x", returningMessage: "r", translations: { lt: { message: "y", returningMessage: "z" } } })).toEqual([]);
    expect(found({ message: "x", translations: { lt: { message: "y" } } })).toEqual([]);
    expect(found({ message: "x", returningMessage: "r", translations: { lt: { returningNick: "n" } } })).toEqual([]);
  });

  it("finds a variation that replaces a translated message without translating its own", () => {
    const translations = { lt: { message: "Labas" } };
    expect(found({ message: "x", translations, variations: [{ id: "b", message: "Hey" }] })).toEqual([["missing_translation", [0, "variations", 0, "translations"]]]);
    expect(found({ message: "x", translations, variations: [{ id: "b", message: "Hey", translations: { LT: { message: "Sveiki" } } }] })).toEqual([]);
    expect(found({ message: "x", translations, variations: [{ id: "b", returningMessage: "Back" }] })).toEqual([]);
  });
});
