import picomatch from "picomatch/posix.js";
import { describe, expect, it } from "vitest";
import { globBrace } from "../../../src/conditions/glob-brace.js";
import { globBracket } from "../../../src/conditions/glob-bracket.js";
import { globTokens } from "../../../src/conditions/glob-tokens.js";
import { compileGlob } from "../../../src/conditions/url-glob.js";

const OPTIONS = { dot: true, nonegate: true };

describe("globTokens", () => {
  it.each([
    ["/a{b}c", "/a{b}c"],
    ["/a{b}c", "/abc"],
    ["/a{b*}c", "/a{bxx}c"],
    ["/a{b*}c", "/abxxc"],
    ["/a{b,c}d", "/abd"],
    ["/a{b,c}d", "/a{b,c}d"],
    ["/x{a..c}", "/xb"],
    ["/x{c..a}", "/xb"],
    ["/[ab]", "/[ab]"],
    ["/[a-b]", "/[a-b]"],
    ["/[]a]", "/]"],
    ["/[^]a]", "/b"],
    ["/[\\]]", "/]"],
    ["/[[:digit:]x]", "/7"],
  ])("reads %j as micromatch does on %j", (glob, page) => {
    expect(compileGlob(glob)(page)).toBe(picomatch.makeRe(glob, OPTIONS).test(page));
  });

  it.each([
    ["/a{b", 'Missing closing: "}"'],
    ["/a(b", 'Missing closing: ")"'],
    ["/a*(b", 'Missing closing: ")"'],
    ["/a[b", 'Missing closing: "]"'],
    ["/a]", 'Missing opening: "["'],
    ["/a)", 'Missing opening: "("'],
  ])("refuses the unbalanced %j with micromatch's message", (glob, message) => {
    expect(globTokens(glob, false)).toBe(`${message} - use "\\\\${message.at(-2)}" to match literal characters`);
  });
});

describe("globBracket", () => {
  it("returns the class and where the glob goes on", () => {
    expect(globBracket("a[bc]d", 1)).toEqual({ token: { t: "class", ranges: [0x62, 0x63], literal: "[bc]" }, end: 5 });
  });

  it("keeps no literal reading for a class with special characters", () => {
    expect(globBracket("[a-c]", 0)).toEqual({ token: { t: "class", ranges: [0x61, 0x63], literal: null }, end: 5 });
  });

  it("reads past a POSIX name and an escaped ] to the closing bracket", () => {
    expect(globBracket("[[:digit:]\\]]z", 0)).toMatchObject({ end: 13 });
  });
});

describe("globBrace", () => {
  it("refuses ranges other than one character to one", () => {
    expect(globBrace("1..10", [[]], false)).toMatch(/ranges in braces are not supported in "\{1\.\.10\}"/);
    expect(globBrace("a..c,x", [[], []], true)).toMatch(/ranges in braces are not supported/);
  });
});
