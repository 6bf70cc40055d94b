/*
 * DECISIONS (where docs/semantics.md: Variations, Rendering is silent):
 * - "Empty" means blank: a translation, returningMessage, chat nick, returningNick or operator name that is only
 *   whitespace counts as empty and falls back. Nick and sender names are shown trimmed.
 * - A variation that only translates a field (e.g. `translations.lt.message`, no `message`) supplies that field's
 *   translations; its untranslated text is the invitation's untranslated text, never the invitation's translations.
 * - Two translation keys that normalise alike (`lt_LT`, `lt-LT`): the first in object order wins.
 * - Variation ids that collide with each other or with the invitation id (rejected by validation anyway): the first
 *   content keeps the id. Weights that are negative or not finite count as 0.
 * - A given variationId the invitation does not know renders the base content and reports the invitation's own id.
 * - `{nick}` resolves in both the first-visit and the returning message; returningNick is translated (LHC ignores
 *   its translations, quirk Q20). Every substituted value is escaped, the configured returningNick and operator name
 *   included.
 * - Random operator with `operatorsOnline` absent or empty: the fallback name, no warning (the presence rule of
 *   docs/api.md: The visitor's life step 5 already speaks for an empty list). A picked operator keeps its id as given.
 * - Warnings appear in the order no_random_operator_online, unresolved_placeholder, each at most once.
 */
import { describe, expect, it } from "vitest";
import { compileRendering } from "../../../src/render/compile-rendering.js";
import { renderInvitation, type RenderContext } from "../../../src/render/render-invitation.js";
import { pickVariation } from "../../../src/render/pick-variation.js";
import type { Invitation } from "../../../src/types.js";

function context(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    visitorId: "visitor-1",
    returning: false,
    locale: "",
    nick: undefined,
    attributes: {},
    visibleAttributes: {},
    department: undefined,
    operatorsOnline: undefined,
    seed: "",
    escape: "html",
    defaultOperatorName: "Live Support",
    ...overrides,
  };
}

function render(invitation: Invitation, overrides: Partial<RenderContext> = {}, variationId: string | null = null) {
  return renderInvitation(compileRendering(invitation), variationId, context(overrides));
}

const greeting: Invitation = {
  id: "greeting",
  message: "Hello {nick}!",
  returningMessage: "Welcome back, {nick}!",
  returningNick: "friend",
};

describe("renderInvitation", () => {
  describe("message choice", () => {
    it("shows the first-visit message to a new visitor", () => {
      expect(render(greeting, { nick: "Ann" }).message).toBe("Hello Ann!");
    });

    it("shows the returning message to a returning visitor", () => {
      expect(render(greeting, { returning: true, nick: "Ann" }).message).toBe("Welcome back, Ann!");
    });

    it("shows the first-visit message to a returning visitor when there is no returning message", () => {
      expect(render({ id: "a", message: "Hi", returningMessage: "" }, { returning: true }).message).toBe("Hi");
      expect(render({ id: "a", message: "Hi", returningMessage: "  " }, { returning: true }).message).toBe("Hi");
    });

    it("takes {nick} from the chat, then returningNick, then empty", () => {
      expect(render(greeting, { returning: true, nick: " Ann " }).message).toBe("Welcome back, Ann!");
      expect(render(greeting, { returning: true, nick: "  " }).message).toBe("Welcome back, friend!");
      expect(render(greeting, { returning: true }).message).toBe("Welcome back, friend!");
      expect(render({ ...greeting, returningNick: "" }, { returning: true })).toMatchObject({
        message: "Welcome back, !",
        warnings: [],
      });
    });
  });

  describe("placeholders", () => {
    it("fills {lhc.var.KEY} from attributes and {lhc.add.KEY} from visible attributes", () => {
      const invitation = { id: "a", message: "{lhc.var.plan} in {lhc.add.city}" };
      const attributes = { plan: "Pro", city: "X" };
      const result = render(invitation, { attributes, visibleAttributes: { city: "Riga" } });
      expect(result).toMatchObject({ message: "Pro in Riga", warnings: [] });
    });

    it("writes numbers and booleans as text", () => {
      const invitation = { id: "a", message: "{lhc.var.seats} {lhc.var.vip} {lhc.add.trial}" };
      const result = render(invitation, { attributes: { seats: 2.5, vip: true }, visibleAttributes: { trial: false } });
      expect(result.message).toBe("2.5 true false");
    });

    it("renders null and missing values as empty with one warning, keeping the text around them", () => {
      const invitation = { id: "a", message: "A {lhc.add.x} B {lhc.var.plan} C {lhc.var.gone}}" };
      const result = render(invitation, { attributes: { plan: null } });
      expect(result.message).toBe("A  B  C }");
      expect(result.warnings).toEqual(["unresolved_placeholder"]);
    });

    it("never resolves prototype keys", () => {
      const result = render({ id: "a", message: "[{lhc.var.constructor}{lhc.add.__proto__}{lhc.var.toString}]" });
      expect(result).toMatchObject({ message: "[]", warnings: ["unresolved_placeholder"] });
    });

    it("keeps other braces literally", () => {
      const message = `<img src="{proactive_img_1}"><style>.a { color: red }</style>{Nick} {lhc.var.}`;
      expect(render({ id: "a", message })).toMatchObject({ message, warnings: [] });
    });

    it("fills {operator} with the sender name", () => {
      const invitation = { id: "a", message: "{operator} here", operator: { name: "Ann" } };
      expect(render(invitation).message).toBe("Ann here");
      expect(render({ id: "a", message: "{operator} here" }).message).toBe("Live Support here");
    });

    it("escapes visitor values but not the configured message", () => {
      const invitation = { id: "a", message: "<b>Hi {lhc.var.name}</b>" };
      const result = render(invitation, { attributes: { name: "<script>alert('x')</script>" } });
      expect(result.message).toBe("<b>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b>");
    });

    it("escapes the nick and the sender name like any value", () => {
      const invitation = { id: "a", message: "{nick} / {operator}", operator: { name: "A&B" } };
      expect(render(invitation, { nick: `"Tom"` }).message).toBe("&quot;Tom&quot; / A&amp;B");
    });

    it("leaves values unescaped with escape none", () => {
      const invitation = { id: "a", message: "<b>{lhc.var.name}</b>" };
      expect(render(invitation, { escape: "none", attributes: { name: "<i>Ann</i>" } }).message).toBe(
        "<b><i>Ann</i></b>",
      );
    });

    it("substitutes in one pass: a value holding a placeholder stays literal", () => {
      const invitation = { id: "a", message: "{lhc.var.a} {nick}", returningNick: "{lhc.var.a}" };
      const result = render(invitation, { attributes: { a: "{nick}" } });
      expect(result.message).toBe("{nick} {lhc.var.a}");
    });
  });

  describe("translations", () => {
    const translated: Invitation = {
      id: "t",
      message: "Hello",
      returningMessage: "Welcome back {nick}",
      returningNick: "friend",
      operator: { name: "Ann" },
      translations: {
        lt: { message: "Labas", returningNick: "drauge", operatorName: "Ona" },
        "lt-LT": { message: "Laba diena", returningMessage: "" },
        pt_BR: { message: "" },
        pt: { message: "Olá" },
      },
    };

    it("uses the exact locale, case and separator aside", () => {
      expect(render(translated, { locale: "LT_lt" }).message).toBe("Laba diena");
    });

    it("falls back to the language", () => {
      expect(render(translated, { locale: "lt-LV" }).message).toBe("Labas");
    });

    it("falls back to the untranslated text", () => {
      expect(render(translated, { locale: "de-DE" }).message).toBe("Hello");
      expect(render(translated, { locale: "" }).message).toBe("Hello");
    });

    it("skips an empty translation", () => {
      expect(render(translated, { locale: "pt-BR" }).message).toBe("Olá");
      expect(render(translated, { locale: "lt-LT", returning: true }).message).toBe("Welcome back drauge");
    });

    it("translates the returning nick and the operator name", () => {
      const invitation = { ...translated, returningMessage: "{operator}: {nick}" };
      const result = render(invitation, { locale: "lt", returning: true });
      expect(result.message).toBe("Ona: drauge");
      expect(result.operator).toEqual({ name: "Ona" });
    });
  });

  describe("variations", () => {
    const tested: Invitation = {
      id: "base",
      message: "Base",
      returningMessage: "Base again",
      translations: { lt: { message: "Bazė", returningMessage: "Vėl bazė" } },
      operator: { name: "Ann" },
      variations: [
        { id: "short", message: "Short" },
        { id: "sender", operator: { name: "Bob" } },
        { id: "lt-only", translations: { lt: { message: "Tik LT" } } },
      ],
    };

    it("renders the content of the given variation", () => {
      expect(render(tested, {}, "short")).toMatchObject({ variationId: "short", message: "Short" });
    });

    it("renders the base content for the invitation's own id", () => {
      expect(render(tested, {}, "base")).toMatchObject({ variationId: "base", message: "Base" });
    });

    it("renders the base content for an unknown variation id", () => {
      expect(render(tested, {}, "removed")).toMatchObject({ variationId: "base", message: "Base" });
    });

    it("never shows the base translation of a field the variation changed", () => {
      expect(render(tested, { locale: "lt" }, "short").message).toBe("Short");
    });

    it("takes a field the variation leaves out, with its translations, from the invitation", () => {
      expect(render(tested, { locale: "lt", returning: true }, "short").message).toBe("Vėl bazė");
      expect(render(tested, { locale: "lt" }, "sender")).toMatchObject({ message: "Bazė", operator: { name: "Bob" } });
    });

    it("uses a variation's translation with the invitation's untranslated text", () => {
      expect(render(tested, { locale: "lt" }, "lt-only").message).toBe("Tik LT");
      expect(render(tested, { locale: "de" }, "lt-only").message).toBe("Base");
    });

    it("picks the variation deterministically when none is given", () => {
      const rendering = compileRendering(tested);
      for (let v = 0; v < 50; v++) {
        const visitorId = `visitor-${v}`;
        const result = renderInvitation(rendering, null, context({ visitorId }));
        expect(result.variationId).toBe(pickVariation(rendering, "", visitorId));
        expect(renderInvitation(rendering, null, context({ visitorId }))).toEqual(result);
      }
    });

    it("reports the invitation's id when there are no variations", () => {
      expect(render(greeting).variationId).toBe("greeting");
    });
  });

  describe("sender", () => {
    const team = [
      { id: "1", name: "Ann", departments: ["2"] },
      { id: "7", name: "Bob" },
    ];

    it("uses defaultOperatorName when the content names nobody", () => {
      expect(render({ id: "a", message: "x", operator: { name: " " } }).operator).toEqual({ name: "Live Support" });
      expect(render({ id: "a", message: "x" }, { defaultOperatorName: "Team" }).operator).toEqual({ name: "Team" });
    });

    it("picks a random online operator restricted by ids and department", () => {
      const invitation = { id: "a", message: "{operator}", operator: { random: true, operatorIds: ["1", "7"] } };
      const result = render(invitation, { operatorsOnline: team, department: "3" });
      expect(result).toMatchObject({ message: "Bob", operator: { id: "7", name: "Bob" }, warnings: [] });
    });

    it("falls back to the name with a warning when no random operator qualifies", () => {
      const operator = { name: "Ann", random: true, operatorIds: ["1"] };
      const invitation = { id: "a", message: "{operator}", operator };
      const result = render(invitation, { operatorsOnline: team, department: "3" });
      expect(result).toEqual({
        variationId: "a",
        message: "Ann",
        operator: { name: "Ann" },
        warnings: ["no_random_operator_online"],
      });
    });

    it("lists each warning once", () => {
      const invitation = {
        id: "a",
        message: "{lhc.var.x}{lhc.var.y}",
        operator: { random: true, operatorIds: ["99"] },
      };
      expect(render(invitation, { operatorsOnline: team }).warnings).toEqual([
        "no_random_operator_online",
        "unresolved_placeholder",
      ]);
    });
  });
});
