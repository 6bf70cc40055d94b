// sameText (the Redis adapter's confirmation reads a reply's fields as bytes) against decoding the bytes and comparing
// strings, which is what ioredis would hand over: over texts, over the UTF-8 of texts, and over any bytes at all.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameNumber, sameText } from "../../src/redis/same-text.js";

const decoded = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes).toString("utf8") === text;
// Mostly ASCII, with some characters past it and some lone surrogates: the cases the ASCII path must hand over.
const texts = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom("", "12", "c-3", "é", "éa", "\ud800"));

describe("sameText", () => {
  it("says the bytes of a text are another text exactly when the two texts are the same", () => {
    fc.assert(
      fc.property(texts, texts, (stored, expected) => {
        expect(sameText(Buffer.from(stored, "utf8"), expected)).toBe(decoded(Buffer.from(stored, "utf8"), expected));
      }),
      { numRuns: 3_000 },
    );
  });

  it("agrees with decoding for any bytes, the text's own bytes changed in one place included", () => {
    const bytes = fc.uint8Array({ maxLength: 12 });
    const changed = fc.tuple(texts, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([text, at, to]) => {
      const own = Buffer.from(text, "utf8");
      if (own.length > 0) own[at % own.length] = to;
      return [own, text] as const;
    });
    fc.assert(
      fc.property(fc.oneof(fc.tuple(bytes, texts), changed), ([stored, expected]) => {
        expect(sameText(stored, expected)).toBe(decoded(stored, expected));
      }),
      { numRuns: 3_000 },
    );
  });

  it("reads a Buffer that is a view into a larger one only over its own bytes", () => {
    const whole = Buffer.from("xx12yy");
    expect(sameText(whole.subarray(2, 4), "12")).toBe(true);
    expect(sameText(whole.subarray(2, 4), "x1")).toBe(false);
    expect(sameText(Buffer.from("é").subarray(0, 2), "é")).toBe(true);
  });
});

describe("sameNumber", () => {
  // Decimal texts near a number's own: its digits, with a leading zero, one digit changed, dropped or added, and any
  // short text at all.
  const number = fc.oneof(fc.nat({ max: 30 }), fc.nat(), fc.maxSafeNat());
  const near = (n: number) =>
    fc.oneof(
      fc.constant(String(n)),
      fc.constant(`0${n}`),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })).map(([at, digit]) => {
        const text = String(n);
        const i = at % text.length;
        return text.slice(0, i) + String(digit) + text.slice(i + 1);
      }),
      fc.constant(String(n).slice(1)),
      fc.constant(`${n}7`),
      fc.string({ maxLength: 4 }),
    );

  it("says bytes are a whole number's text exactly when decoding them gives String(n)", () => {
    fc.assert(
      fc.property(number.chain((n) => fc.tuple(fc.constant(n), near(n))), ([n, text]) => {
        expect(sameNumber(Buffer.from(text, "utf8"), n)).toBe(text === String(n));
      }),
      { numRuns: 5_000 },
    );
  });

  it("matches no bytes for a number that is not a whole number ≥ 0", () => {
    for (const n of [-1, -12, 1.5, Number.NaN]) expect(sameNumber(Buffer.from(String(n)), n)).toBe(false);
    expect(sameNumber(Buffer.from(""), 0)).toBe(false);
    expect(sameNumber(Buffer.from("0"), 0)).toBe(true);
    expect(sameNumber(Buffer.from("xx12yy").subarray(2, 4), 12)).toBe(true);
  });
});
