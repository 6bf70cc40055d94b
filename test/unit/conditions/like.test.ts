import { describe, expect, it } from "vitest";
import { compileLike } from "../../../src/conditions/compile-like.js";
import { matchLike } from "../../../src/conditions/match-like.js";

function like(value: string, text: string): boolean {
  return matchLike(compileLike(value), text);
}

describe("compileLike", () => {
  it("splits groups on && and alternatives on commas, words on boundaries", () => {
    expect(compileLike("help*, live chat && *price").groups).toEqual([
      [
        [{ core: "help", anyPrefix: false, anySuffix: true }],
        [
          { core: "live", anyPrefix: false, anySuffix: false },
          { core: "chat", anyPrefix: false, anySuffix: false },
        ],
      ],
      [[{ core: "price", anyPrefix: true, anySuffix: false }]],
    ]);
  });

  it("drops alternatives and groups without words", () => {
    expect(compileLike("help, , && ").groups).toEqual([[[{ core: "help", anyPrefix: false, anySuffix: false }]]]);
    expect(compileLike("").groups).toEqual([]);
  });
});

describe("matchLike", () => {
  it.each([
    ["help", "I need help", true],
    ["help", "HELP", true],
    ["help", "visit the helpdesk", false],
    ["help", "self-help", false],
    ["help*", "visit the helpdesk", true],
    ["help*", "help", true],
    ["help*", "self-help", false],
    ["*desk", "the helpdesk", true],
    ["*desk", "desktop", false],
    ["*elp*", "the helpdesk", true],
    ["*", "anything", true],
    ["*", "  ", false],
  ])("%j against %j → %j", (value, text, expected) => {
    expect(like(value, text)).toBe(expected);
  });

  it.each([
    ['say "help"', true],
    ["help, please", true],
    ["help's", true],
    ["help: now", true],
    ["help; now", true],
    ["help.", true],
    ["help?", true],
    ["help!", true],
    ["(help)", true],
    ["'help'", true],
    ["help-me", false],
    ["help/me", false],
  ])("treats punctuation as word boundaries in %j → %j", (text, expected) => {
    expect(like("help", text)).toBe(expected);
  });

  it.each([
    ["price, cost", "what does it cost?", true],
    ["price, cost", "what is the price", true],
    ["price, cost", "how much", false],
  ])("matches any comma alternative: %j against %j → %j", (value, text, expected) => {
    expect(like(value, text)).toBe(expected);
  });

  it.each([
    ["price && team", "price for a team", true],
    ["price && team", "price for one", false],
    ["price, cost && team*, group", "the cost for teams", true],
    ["price, cost && team*, group", "the cost for one", false],
  ])("needs every && group: %j against %j → %j", (value, text, expected) => {
    expect(like(value, text)).toBe(expected);
  });

  it.each([
    ["live chat", "Is live chat available?", true],
    ["live chat", "live, chat", true],
    ["live chat", "live video chat", false],
    ["live chat", "chat live", false],
    ["live cha*", "a LIVE CHATBOT", true],
  ])("needs the words of an alternative consecutively: %j against %j → %j", (value, text, expected) => {
    expect(like(value, text)).toBe(expected);
  });

  it.each([
    ["* chat", "live chat", true],
    ["* chat", "chat", false],
    ["*a* *b*", "xax ybb", true],
    ["*a* *b*", "xbx yaa", false],
    ["aa* *aa", "baa aab", false],
    ["aa* *aa", "baa aab aab baa", true],
    ["live chat, chat", "chat live", true],
  ])("finds wildcard and repeated words in sequence: %j against %j → %j", (value, text, expected) => {
    expect(like(value, text)).toBe(expected);
  });

  it("decides a long text with many alternatives", () => {
    const value = Array.from({ length: 200 }, (_, i) => `word${i}*`).join(", ");
    expect(like(value, `${"lorem ipsum ".repeat(50_000)}word199x`)).toBe(true);
    expect(like(value, "lorem ipsum ".repeat(50_000))).toBe(false);
  });

  it("compares with Unicode-aware lower-casing", () => {
    expect(like("ŽALIAS", "labai žalias")).toBe(true);
  });

  it("reads LHC's typo and regex syntax as text", () => {
    expect(like("help$", "help")).toBe(false);
    expect(like("/hel+p/", "hellp")).toBe(false);
  });

  it("matches nothing when the value has no word", () => {
    expect(like("", "help")).toBe(false);
    expect(like(" , && ", "help")).toBe(false);
  });
});
