// beckon matches URL globs with picomatch, micromatch's engine, so the core has no Node built-ins. This law keeps
// the promise README makes — micromatch semantics — by comparing with micromatch itself on generated globs.
import fc from "fast-check";
import micromatch from "micromatch";
import { describe, expect, it } from "vitest";
import { checkGlob, compileGlob } from "../../src/conditions/url-glob.js";

const segment = fc.constantFrom("shop", "example.com", "a", "b", "pricing", "x-1", ".well-known", "");
const globPart = fc.oneof(
  segment,
  fc.constantFrom("*", "**", "?", "a*", "*b", "{a,b}", "{pricing,plans}", "[ab]", "[!a]", "x?", "@(a|b)", "+(a)"),
);
const glob = fc.array(globPart, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));
// Normalised pages are never empty (the root is "/"), and micromatch refuses to match an empty string at all.
const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/")).filter((p) => p !== "");

describe("URL globs (properties)", () => {
  it("match exactly as micromatch does, with dot files and no negation", () => {
    fc.assert(
      fc.property(glob, fc.array(path, { minLength: 1, maxLength: 8 }), (pattern, paths) => {
        fc.pre(checkGlob(pattern) === null);
        const matches = compileGlob(pattern);
        for (const input of paths) {
          expect(matches(input), `${pattern} on ${input}`).toBe(micromatch.isMatch(input, pattern, { dot: true, nonegate: true }));
        }
      }),
    );
  });

  it("refuse exactly the globs micromatch refuses with strict brackets", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "[", "]", "{", "}", "(", ")", "*", "/", ","), { minLength: 1, maxLength: 6 }), (chars) => {
        const pattern = chars.join("");
        let refused = false;
        try {
          micromatch.makeRe(pattern, { strictBrackets: true });
        } catch {
          refused = true;
        }
        fc.pre(pattern.trim() !== "" && pattern.trim() !== "!");
        expect(checkGlob(pattern) !== null).toBe(refused);
      }),
    );
  });
});
