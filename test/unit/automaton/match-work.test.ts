import { describe, expect, it } from "vitest";
import { buildNfa } from "../../../src/automaton/build-nfa.js";
import { charClasses } from "../../../src/automaton/char-classes.js";
import { MATCH_BUDGET, matchWork } from "../../../src/automaton/match-work.js";
import { parseGlob } from "../../../src/conditions/parse-glob.js";
import { checkRegex } from "../../../src/conditions/regex.js";
import { checkGlob, GLOB_INPUT_LENGTH, widenedGlobs } from "../../../src/conditions/url-glob.js";
import { MAX_VISITOR_STRING_LENGTH } from "../../../src/config/visitor-limits.js";
import { ConfigError, parseInvitations } from "../../../src/index.js";
import type { Pattern } from "../../../src/automaton/pattern.js";

/** The NFA a URL glob is matched with, its trailing `*` widened. */
function globNfa(glob: string) {
  const items = widenedGlobs(glob).map((g) => (parseGlob(g) as { pattern: Pattern }).pattern);
  const nfa = buildNfa(items.length === 1 ? (items[0] as Pattern) : { type: "alt", items }, 4096);
  if (nfa === null) throw new Error("too large");
  return nfa;
}

// Globs and regexes written for real sites, several with many alternatives or classes.
const REAL_GLOBS = [
  "{/en,/de,/fr,/es,/it,/nl,/pl,/pt,/sv,/da,/fi,/no}/{products,categories,collections}/**/*.html",
  "**/*{checkout,cart,basket,payment,order,confirm,thank-you,receipt}*/**",
  "*.example.com/**/{cart,checkout,basket}/*",
  "/blog/[0-9][0-9][0-9][0-9]/[0-9][0-9]/*",
  "/**/*.{pdf,doc,docx,xls,xlsx,ppt,pptx,zip}",
  "/*/*/*/*/*/*/*/*/*/*/*/*",
  "/**/a/**/b/**/c/**/d/**",
  "/????-??-??/*",
  "/+([0-9])/*",
  "/{en,de,fr}/products/*/reviews/**",
];
const REAL_REGEXES = [
  "^(?:[a-z0-9._%+-]+)@(?:[a-z0-9-]+\\.)+[a-z]{2,}$",
  "^(?:\\+?\\d{1,3}[-. ]?)?\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]?\\d{4}$",
  "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  "^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$",
  "(?:^|,)\\s*(?:vip|beta|gold)\\s*(?:,|$)",
  "^[^@]{1,64}@[^@]{1,255}$",
  "^.{0,255}$",
];

describe("matchWork and the parse-time cost cap", () => {
  it("measures URL globs on the visitor's URL cap", () => {
    expect(GLOB_INPUT_LENGTH).toBe(MAX_VISITOR_STRING_LENGTH);
  });

  it("accepts globs and regexes written for real sites, many of them through their small DFA", () => {
    for (const glob of REAL_GLOBS) expect(checkGlob(glob), glob).toBeNull();
    for (const regex of REAL_REGEXES) expect(checkRegex(regex), regex).toBeNull();
    const nfa = globNfa(REAL_GLOBS[1] as string);
    const work = matchWork(nfa, () => charClasses(nfa), false, GLOB_INPUT_LENGTH, false);
    expect(work.dfa).not.toBeNull();
    expect(work.work).toBe(GLOB_INPUT_LENGTH);
  });

  it("refuses the patterns whose every bound is over a millisecond, naming the cost", () => {
    for (const glob of [`/*a${"?".repeat(1020)}`, `/*a${"[ab]".repeat(255)}`, `/*${"a*".repeat(511)}`, `${"**/a/".repeat(170)}**`]) {
      expect(checkGlob(glob), glob.slice(0, 20)).toMatch(/^pattern is too costly to match: on a 8192-character page one match could cost about \d+\.\d ms/);
    }
    for (const regex of ["(?:a|b|ab|ba){400}c", "a[ab]{4000}c"]) {
      expect(checkRegex(regex)).toEqual({ code: "unsafe_regex", message: expect.stringMatching(/^regex is too costly to match: on a 2048-character value/) });
    }
  });

  it("reports a refused pattern at its path when a set is read", () => {
    const set = [{ id: "a", message: "Hi", urls: ["/pricing", `/*a${"?".repeat(1020)}`], attributes: [{ key: "q", op: "regex", value: "(?:a|b|ab|ba){400}c" }] }];
    let error: unknown;
    try {
      parseInvitations(set);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.map((i) => [i.code, i.path]);
    expect(issues).toContainEqual(["invalid_glob", [0, "urls", 1]]);
    expect(issues).toContainEqual(["unsafe_regex", [0, "attributes", 0, "value"]]);
  });

  it("grows with the input until the simulation's bound passes the budget, then only when the DFA is too large", () => {
    const chain = globNfa(`/*a${"?".repeat(100)}`);
    const classes = () => charClasses(chain);
    const short = matchWork(chain, classes, false, 1000, false).work;
    expect(matchWork(chain, classes, false, 2000, false).work).toBe(2 * short);
    // The DFA of `*a` then 100 `?` has 2^101 states: no input length makes it complete.
    expect(matchWork(chain, classes, false, 1e9, false).dfa).toBeNull();
    // Tried even within the budget when asked to be precise (lint): a small DFA costs a lookup per code unit.
    const docs = globNfa("/docs/*");
    expect(matchWork(docs, () => charClasses(docs), false, GLOB_INPUT_LENGTH, true).work).toBe(GLOB_INPUT_LENGTH);
    expect(matchWork(docs, () => charClasses(docs), false, GLOB_INPUT_LENGTH, false).work).toBeLessThanOrEqual(MATCH_BUDGET);
  });
});
