import { describe, expect, it } from "vitest";
import type { Pattern } from "../../../src/automaton/pattern.js";
import { parseRegex } from "../../../src/conditions/parse-regex.js";

const chars = (...ranges: number[]): Pattern => ({ type: "chars", ranges });
const code = (char: string): number => char.charCodeAt(0);

function parsed(source: string): Pattern {
  const result = parseRegex(source);
  if (!result.ok) throw new Error(`refused ${source}: ${result.message}`);
  return result.pattern;
}

describe("parseRegex", () => {
  it("folds case into literal characters, as the i flag does", () => {
    expect(parsed("a")).toEqual(chars(code("A"), code("A"), code("a"), code("a")));
    expect(parsed("7")).toEqual(chars(code("7"), code("7")));
  });

  it("reads sequences, alternatives and the empty alternative", () => {
    expect(parsed("1|2")).toEqual({ type: "alt", items: [chars(0x31, 0x31), chars(0x32, 0x32)] });
    expect(parsed("12")).toEqual({ type: "seq", items: [chars(0x31, 0x31), chars(0x32, 0x32)] });
    expect(parsed("1|")).toEqual({ type: "alt", items: [chars(0x31, 0x31), { type: "seq", items: [] }] });
    expect(parsed("")).toEqual({ type: "seq", items: [] });
  });

  it.each([
    ["1*", 0, Infinity],
    ["1+", 1, Infinity],
    ["1?", 0, 1],
    ["1{3}", 3, 3],
    ["1{2,}", 2, Infinity],
    ["1{2,5}", 2, 5],
    ["1*?", 0, Infinity],
    ["1{2,5}?", 2, 5],
  ])("reads the quantifier of %j, lazy or not", (source, min, max) => {
    expect(parsed(source)).toEqual({ type: "repeat", item: chars(0x31, 0x31), min, max });
  });

  it("reads a brace that starts no quantifier as a literal (Annex B)", () => {
    expect(parsed("1{,2}")).toEqual({
      type: "seq",
      items: [chars(0x31, 0x31), chars(0x7b, 0x7b), chars(0x2c, 0x2c), chars(0x32, 0x32), chars(0x7d, 0x7d)],
    });
  });

  it("treats capturing, non-capturing and named groups as plain groups", () => {
    for (const source of ["(1)", "(?:1)", "(?<n>1)"]) expect(parsed(source)).toEqual(chars(0x31, 0x31));
  });

  it("reads anchors and word boundaries as assertions", () => {
    expect(parsed("^$\\b\\B")).toEqual({
      type: "seq",
      items: ["start", "end", "word", "notWord"].map((kind) => ({ type: "assert", kind })),
    });
  });

  it.each([
    ["\\x41", [0x41, 0x41, 0x61, 0x61]],
    ["\\u0031", [0x31, 0x31]],
    ["\\n", [0x0a, 0x0a]],
    ["\\cJ", [0x0a, 0x0a]],
    ["\\0", [0, 0]],
    ["\\101", [0x41, 0x41, 0x61, 0x61]],
    ["\\1", [1, 1]],
    ["\\8", [0x38, 0x38]],
    ["\\k", [0x4b, 0x4b, 0x6b, 0x6b]],
    ["\\-", [0x2d, 0x2d]],
    ["\\d", [0x30, 0x39]],
    ["[\\b]", [0x08, 0x08]],
    ["[\\c1]", [0x11, 0x11]],
    ["[\\d-]", [0x2d, 0x2d, 0x30, 0x39]],
    ["[\\d-!]", [0x21, 0x21, 0x2d, 0x2d, 0x30, 0x39]],
    ["[--/]", [0x2d, 0x2f]],
    ["[]", []],
    ["[^]", [0, 0xffff]],
    ["[^\\0-\\uffef]", [0xfff0, 0xffff]],
    ["[^a-y]", [0, 0x40, 0x5a, 0x60, 0x7a, 0xffff]],
  ])("reads the escape or class %j as JavaScript does", (source, ranges) => {
    expect(parsed(source)).toEqual(chars(...ranges));
  });

  it("reads \\c before a non-letter as a backslash followed by c (Annex B)", () => {
    expect(parsed("\\c*")).toEqual({
      type: "seq",
      items: [chars(0x5c, 0x5c), { type: "repeat", item: chars(0x43, 0x43, 0x63, 0x63), min: 0, max: Infinity }],
    });
  });

  it.each([
    ["(a)\\1", "\\1"],
    ["\\2(a)(b)", "\\2"],
    ["(?<n>a)\\k<n>", "\\k<n>"],
  ])("refuses the back-reference in %j as unsafe_regex", (source, reference) => {
    const result = parseRegex(source);
    expect(result).toMatchObject({ ok: false, code: "unsafe_regex" });
    expect(result.ok ? "" : result.message).toContain(`back-reference ${reference}`);
  });

  it.each(["a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(?:(?=a))*"])("refuses the look-around in %j as unsafe_regex", (source) => {
    const result = parseRegex(source);
    expect(result).toMatchObject({ ok: false, code: "unsafe_regex" });
    expect(result.ok ? "" : result.message).toContain("look-around");
  });

  it("refuses inline modifiers, which some runtimes accept and others do not, as invalid_regex", () => {
    expect(parseRegex("(?i:a)")).toMatchObject({ ok: false, code: "invalid_regex" });
  });
});
