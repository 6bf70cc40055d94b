import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRendering } from "../../src/render/compile-rendering.js";
import { renderInvitation } from "../../src/render/render-invitation.js";
import { invitationWithTagsArb, renderContextArb } from "./arbitraries/render.js";

const count = (text: string, char: string): number => text.split(char).length - 1;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const escapeArb = fc.constantFrom<"html" | "none">("html", "none");
const variationIdArb = fc.option(fc.constantFrom("inv", "v1", "v2", "v3", "unknown"), { nil: null });

describe("renderInvitation properties", () => {
  it("lets no < from a substituted value through when escaping is on", () => {
    fc.assert(
      fc.property(invitationWithTagsArb, renderContextArb, variationIdArb, ({ invitation, tagCount }, context, id) => {
        const rendered = renderInvitation(compileRendering(invitation), id, { ...context, escape: "html" });
        expect(count(rendered.message, "<")).toBe(tagCount);
      }),
    );
  });

  it("renders the same result for the same inputs", () => {
    fc.assert(
      fc.property(invitationWithTagsArb, renderContextArb, escapeArb, (given, ctx, escape) => {
        const context = { ...ctx, escape };
        const first = renderInvitation(compileRendering(given.invitation), null, context);
        const rendering = compileRendering(given.invitation);
        expect(renderInvitation(rendering, null, context)).toEqual(first);
        expect(renderInvitation(rendering, first.variationId, context)).toEqual(first);
      }),
    );
  });

  it("never mutates its inputs", () => {
    fc.assert(
      fc.property(invitationWithTagsArb, renderContextArb, variationIdArb, ({ invitation }, ctx, id) => {
        const context = { ...ctx, escape: "html" as const };
        const before = structuredClone({ invitation, context });
        deepFreeze(invitation);
        deepFreeze(context);
        renderInvitation(compileRendering(invitation), id, context);
        expect({ invitation, context }).toEqual(before);
      }),
    );
  });

  it("reports a content id of the invitation and warnings without duplicates", () => {
    fc.assert(
      fc.property(invitationWithTagsArb, renderContextArb, variationIdArb, ({ invitation }, ctx, id) => {
        const rendered = renderInvitation(compileRendering(invitation), id, { ...ctx, escape: "none" });
        const ids = [invitation.id, ...(invitation.variations ?? []).map((variation) => variation.id)];
        expect(ids).toContain(rendered.variationId);
        expect(new Set(rendered.warnings).size).toBe(rendered.warnings.length);
      }),
    );
  });
});
