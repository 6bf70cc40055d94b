import picomatch from "picomatch/posix.js";
import { describe, expect, it } from "vitest";
import { checkGlob, compileGlob } from "../../../src/conditions/url-glob.js";

const picomatchAccepts = (glob: string): boolean => {
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return true;
  } catch {
    return false;
  }
};

describe("a brace without a comma", () => {
  it("is literal text, so a parenthesis opened inside it may close after it, as picomatch reads it", () => {
    // FC_SEED=-1717950466 of test/property/url-glob.property.test.ts found `{(})`: refused here, accepted by picomatch.
    expect(checkGlob("{(})")).toBeNull();
    expect(picomatchAccepts("{(})")).toBe(true);
    expect(compileGlob("{(})")("{}")).toBe(true);
    expect(compileGlob("{(})")("{(})")).toBe(false);
    expect(checkGlob("({)}")).toBeNull();
    expect(compileGlob("({)}")("{}")).toBe(true);
  });

  it("matches what picomatch matches", () => {
    const cases: [string, string[]][] = [
      ["{(})", ["{}", "{(})", "{()}", "}", "{"]],
      ["({)}", ["{}", "({)}", "{"]],
      ["a{(b}|c)", ["a{b}", "a{c", "a{b", "a{c}", "ab"]],
      ["{(a,b)}", ["{a,b}", "{a}", "a"]],
      ["{**}", ["{a/b}", "{}", "a/b"]],
    ];
    for (const [glob, pages] of cases) {
      const oracle = picomatch.makeRe(glob, { strictBrackets: true, dot: true });
      for (const page of pages) expect(compileGlob(glob)(page), `${glob} on ${page}`).toBe(oracle.test(page));
    }
  });

  it("still needs its parentheses balanced", () => {
    expect(checkGlob("{(}")).toMatch(/Missing closing: "\)"/);
    expect(checkGlob("{)}")).toMatch(/Missing opening: "\("/);
    expect(checkGlob("{(}}")).toMatch(/Missing closing: "\)"/);
    expect(picomatchAccepts("{(}")).toBe(false);
    expect(picomatchAccepts("{)}")).toBe(false);
  });
});
