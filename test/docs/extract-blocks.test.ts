import { describe, expect, it } from "vitest";
import { extractBlocks } from "./extract-blocks.js";
import { instrumentPrints, printedAsPromised, printExpectations } from "./printed-lines.js";

const page = [
  "# A page", //                                         1
  "```ts", //                                            2
  'import { evaluate } from "beckon";', //                3
  "```", //                                              4
  "<!-- check: types-only — needs Redis -->", //         5
  "```typescript", //                                    6
  "await redis.ping();", //                              7
  "```", //                                              8
  "<!-- check: run — with a set", //                     9
  "const json = [];", //                                 10
  "-->", //                                              11
  "* a list item:", //                                   12
  "", //                                                 13
  "```sh", //                                            14
  "npm test", //                                         15
  "```", //                                              16
  "  ```js", //                                          17
  "  console.log(1);", //                                18
  "  ```", //                                            19
].join("\n");

describe("extractBlocks", () => {
  it("finds ts, typescript and js blocks with their first code line, indented ones included", () => {
    const { blocks } = extractBlocks(page, "docs/x.md");
    expect(blocks.map((b) => [b.line, b.language, b.code, b.mode])).toEqual([
      [3, "ts", 'import { evaluate } from "beckon";', "run"],
      [7, "ts", "await redis.ping();", "types-only"],
      [18, "js", "console.log(1);", "run"],
    ]);
    expect(blocks[1]?.reason).toBe("needs Redis");
  });

  it("reports a check comment that stands before no ts/js block, and keeps it off the next block", () => {
    const { blocks, problems } = extractBlocks(page, "docs/x.md");
    expect(problems).toEqual([{ file: "docs/x.md", line: 9, message: expect.stringMatching(/right before a ts\/js fence/) }]);
    expect(blocks[2]?.prelude).toBe("");
  });

  it("reads a prelude and refuses an unknown mode or a missing reason", () => {
    const text = "<!-- check: run — given json\nconst json = 1;\n-->\n```ts\njson;\n```\n<!-- check: skip -->\n```ts\nx\n```\n<!-- check: later -->\n```ts\ny\n```";
    const { blocks, problems } = extractBlocks(text, "p.md");
    expect(blocks[0]).toMatchObject({ mode: "run", reason: "given json", prelude: "const json = 1;", line: 5 });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [7, '"check: skip" needs a reason after a dash'],
      [11, 'unknown check mode "later" (run, types-only or skip)'],
    ]);
  });
});

describe("printExpectations", () => {
  it("takes a trailing comment or a comment line below a one-line console.log", () => {
    const code = 'console.log(a); // 2\nconsole.log("https://x");\n// https://x\nconsole.log(b);\nfoo(); // not printed';
    expect([...printExpectations(code)]).toEqual([
      [0, "2"],
      [1, "https://x"],
    ]);
  });

  it("hands each promising line's arguments to the hook with its line", () => {
    expect(instrumentPrints("console.log(a, b); // 1 2\nconsole.log(c);", new Map([[0, "1 2"]]))).toBe(
      "__beckonDocPrint(0, a, b); // 1 2\nconsole.log(c);",
    );
  });

  it("compares exactly, or by the start when the comment ends in an ellipsis", () => {
    expect(printedAsPromised("suppressed", "suppressed")).toBe(true);
    expect(printedAsPromised("suppressed!", "suppressed")).toBe(false);
    expect(printedAsPromised("Need help? Rita can help.", "Need help? …")).toBe(true);
    expect(printedAsPromised("Need a hand?", "Need help? …")).toBe(false);
  });
});
