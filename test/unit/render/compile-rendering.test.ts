import { describe, expect, it } from "vitest";
import { compileRendering } from "../../../src/render/compile-rendering.js";
import type { CompiledContent } from "../../../src/render/compile-content.js";
import type { Invitation } from "../../../src/types.js";

function content(invitation: Invitation, id: string): CompiledContent {
  const found = compileRendering(invitation).contents.get(id);
  if (found === undefined) throw new Error(`no content ${id}`);
  return found;
}

const invitation: Invitation = {
  id: "sale",
  message: "Base message",
  returningMessage: "Base returning",
  returningNick: "friend",
  translations: {
    lt: { message: "Bazinis", returningMessage: "Vėl čia", returningNick: "drauge", operatorName: "Ona" },
  },
  operator: { name: "Ann", random: true, operatorIds: [" 7 ", "", "9"] },
  variations: [
    { id: "new-text", message: "Variation message" },
    { id: "lt-only", translations: { lt_LT: { message: "Tik lietuviškai" } } },
    { id: "other-sender", operator: { name: "Bob" } },
    { id: "no-random", operator: { random: false } },
  ],
};

describe("compileRendering", () => {
  it("lists the base content first, then variations in order, with running weights", () => {
    const rendering = compileRendering({
      id: "a",
      message: "x",
      variations: [{ id: "b", weight: 3 }, { id: "c", weight: 0 }, { id: "d" }, { id: "e", weight: 0.5 }],
    });
    expect(rendering.pool).toEqual([
      { id: "a", cumulativeWeight: 1 },
      { id: "b", cumulativeWeight: 4 },
      { id: "c", cumulativeWeight: 4 },
      { id: "d", cumulativeWeight: 5 },
      { id: "e", cumulativeWeight: 5.5 },
    ]);
    expect(rendering.totalWeight).toBe(5.5);
  });

  it("treats negative and non-finite weights as 0", () => {
    const rendering = compileRendering({
      id: "a",
      message: "x",
      variations: [{ id: "b", weight: -2 }, { id: "c", weight: Number.NaN }, { id: "d", weight: Infinity }],
    });
    expect(rendering.totalWeight).toBe(1);
  });

  it("keeps the first content when ids collide", () => {
    const rendering = compileRendering({
      id: "a",
      message: "base",
      variations: [{ id: "a", message: "v1" }, { id: "b", message: "v2" }, { id: "b", message: "v3" }],
    });
    expect(rendering.pool.map((entry) => entry.id)).toEqual(["a", "b"]);
    expect(rendering.contents.get("a")?.message.text.source).toBe("base");
    expect(rendering.contents.get("b")?.message.text.source).toBe("v2");
  });

  it("normalises translation keys", () => {
    expect([...content(invitation, "lt-only").message.translations.keys()]).toEqual(["lt-lt"]);
  });

  it("drops blank translations so the lookup falls back", () => {
    const base = content({ id: "a", message: "x", translations: { de: { message: "" }, fr: { message: " " } } }, "a");
    expect(base.message.translations.size).toBe(0);
  });

  it("keeps the first of two locale keys that normalise alike", () => {
    const translations = { lt_LT: { message: "1" }, "lt-lt": { message: "2" } };
    const base = content({ id: "a", message: "x", translations }, "a");
    expect(base.message.translations.get("lt-lt")?.source).toBe("1");
  });

  it("gives a variation's own field with its own translations only", () => {
    const variation = content(invitation, "new-text");
    expect(variation.message.text.source).toBe("Variation message");
    expect(variation.message.translations.size).toBe(0);
  });

  it("takes a field a variation leaves out, with its translations, from the invitation", () => {
    const variation = content(invitation, "new-text");
    expect(variation.returningMessage.text.source).toBe("Base returning");
    expect(variation.returningMessage.translations.get("lt")?.source).toBe("Vėl čia");
    expect(variation.returningNick.translations.get("lt")).toBe("drauge");
  });

  it("gives a field a variation only translates the invitation's untranslated text", () => {
    const variation = content(invitation, "lt-only");
    expect(variation.message.text.source).toBe("Base message");
    expect([...variation.message.translations.keys()]).toEqual(["lt-lt"]);
  });

  it("falls back operator settings field by field", () => {
    const sender = content(invitation, "other-sender");
    expect(sender.operatorName.text).toBe("Bob");
    expect(sender.operatorName.translations.size).toBe(0);
    expect(sender.random).toBe(true);
    expect(sender.operatorIds).toEqual(["7", "9"]);
    const noRandom = content(invitation, "no-random");
    expect(noRandom.random).toBe(false);
    expect(noRandom.operatorName.text).toBe("Ann");
    expect(noRandom.operatorName.translations.get("lt")).toBe("Ona");
  });

  it("applies the documented defaults to the base content", () => {
    const base = content({ id: "a", message: "Hi" }, "a");
    expect(base.returningMessage.text.source).toBe("");
    expect(base.returningNick.text).toBe("");
    expect(base.operatorName.text).toBe("");
    expect(base.random).toBe(false);
    expect(base.operatorIds).toEqual([]);
  });
});
