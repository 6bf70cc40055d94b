/**
 * Arbitraries for rendering and variation picks. Every template of a generated invitation (message, returning
 * message, their translations, every variation's) contains exactly `tagCount` `<` characters, all from `<b>` tags in
 * the configured text, so a test can count `<` in the output against the template's own.
 */
import fc from "fast-check";
import type { RenderContext } from "../../../src/render/render-invitation.js";
import type { AttributeValue, Invitation, OnlineOperator, Translation, Variation } from "../../../src/types.js";

/** Text a visitor (or a careless configuration value) could supply, rich in markup and brace look-alikes. */
export const visitorTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("<script>alert(1)</script>", "<", "a<b", "&lt;", "{nick}", "{lhc.var.a}", "{operator}", " "),
);

export const attributeValueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  visitorTextArb,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

const keyArb = fc.oneof(fc.constantFrom("a", "b", "name", "city", "constructor", "toString"), fc.string());

export const attributesArb: fc.Arbitrary<Record<string, AttributeValue>> = fc.dictionary(keyArb, attributeValueArb, {
  maxKeys: 5,
});

const fragmentArb = fc.oneof(
  fc.string().map((text) => text.replaceAll("<", "")),
  fc.constantFrom("{nick}", "{operator}", "{lhc.var.a}", "{lhc.var.name}", "{lhc.add.b}", "{lhc.add.city}"),
  fc.constantFrom("{lhc.var.missing}", "{proactive_img_1}", "{", "}", "{lhc.var.}", "&amp;", ">", "{lhc.var."),
);

/** A template with exactly `tagCount` `<` characters, all in `<b>` tags of the configured text. */
export function templateArb(tagCount: number): fc.Arbitrary<string> {
  const piece = fc.array(fragmentArb, { maxLength: 4 }).map((fragments) => fragments.join(""));
  return fc.array(piece, { minLength: tagCount + 1, maxLength: tagCount + 1 }).map((pieces) => pieces.join("<b>"));
}

const localeKeyArb = fc.constantFrom("lt", "lt-LT", "lt_lt", "pt", "pt-BR", "de", "");
const operatorIdArb = fc.constantFrom("1", "2", "3", " 2 ", "");

function translationsArb(tagCount: number): fc.Arbitrary<Record<string, Translation>> {
  const translation = fc.record(
    {
      message: fc.oneof(templateArb(tagCount), fc.constant("")),
      returningMessage: fc.oneof(templateArb(tagCount), fc.constant("")),
      returningNick: visitorTextArb,
      operatorName: visitorTextArb,
    },
    { requiredKeys: [] },
  );
  return fc.dictionary(localeKeyArb, translation, { maxKeys: 3 });
}

const operatorConfigArb = fc.record(
  { name: visitorTextArb, random: fc.boolean(), operatorIds: fc.array(operatorIdArb, { maxLength: 3 }) },
  { requiredKeys: [] },
);

function variationArb(tagCount: number): fc.Arbitrary<Variation> {
  return fc.record(
    {
      id: fc.constantFrom("v1", "v2", "v3", "inv"),
      weight: fc.oneof(fc.constantFrom(0, 1, 3), fc.double({ min: 0, max: 10, noNaN: true })),
      message: templateArb(tagCount),
      returningMessage: templateArb(tagCount),
      returningNick: visitorTextArb,
      operator: operatorConfigArb,
      translations: translationsArb(tagCount),
    },
    { requiredKeys: ["id"] },
  );
}

/** An invitation with rendering content, and the number of `<` in each of its templates. */
export const invitationWithTagsArb: fc.Arbitrary<{ invitation: Invitation; tagCount: number }> = fc
  .nat({ max: 3 })
  .chain((tagCount) =>
    fc
      .record(
        {
          id: fc.constant("inv"),
          message: templateArb(tagCount),
          returningMessage: templateArb(tagCount),
          returningNick: visitorTextArb,
          translations: translationsArb(tagCount),
          operator: operatorConfigArb,
          variations: fc.array(variationArb(tagCount), { maxLength: 4 }),
        },
        { requiredKeys: ["id", "message"] },
      )
      .map((invitation) => ({ invitation, tagCount })),
  );

const onlineOperatorArb: fc.Arbitrary<OnlineOperator> = fc.record(
  {
    id: operatorIdArb,
    name: visitorTextArb,
    departments: fc.array(fc.oneof(fc.constantFrom("1", "2"), fc.constantFrom(1, 2)), { maxLength: 2 }),
  },
  { requiredKeys: ["id"] },
);

/** A rendering context; `escape` is left to the test. */
export const renderContextArb: fc.Arbitrary<Omit<RenderContext, "escape">> = fc.record({
  visitorId: fc.string(),
  returning: fc.boolean(),
  locale: fc.oneof(localeKeyArb, fc.constantFrom("LT-lt", "pt_br", "lt-LV"), fc.string()),
  nick: fc.option(visitorTextArb, { nil: undefined }),
  attributes: attributesArb,
  visibleAttributes: attributesArb,
  department: fc.option(fc.constantFrom("1", "2", "3"), { nil: undefined }),
  operatorsOnline: fc.option(fc.array(onlineOperatorArb, { maxLength: 4 }), { nil: undefined }),
  seed: fc.string(),
  defaultOperatorName: visitorTextArb,
});

/** Variation weights for a pool: the base content plus up to five variations. */
export const weightsArb: fc.Arbitrary<(number | undefined)[]> = fc.array(
  fc.option(fc.oneof(fc.constantFrom(0, 1, 2), fc.double({ min: 0, max: 100, noNaN: true })), { nil: undefined }),
  { maxLength: 5 },
);
