import { SourceMap } from "node:module";
import { describe, expect, it } from "vitest";
import { constBindings, encodeValue, shiftMappings } from "../../../scripts/const-bindings.mjs";

/** Runs an ES module's text and returns what `run` exports called with no argument. */
async function run(text: string): Promise<unknown> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(text)}`)) as { run: () => unknown };
  return module.run();
}

describe("constBindings (the ES module build's top-level bindings made constant)", () => {
  it("makes a var never assigned again and a function declaration constant, keeping what the module does", async () => {
    const text = "var a = 1, b = { c: 2 };\nfunction f(x) { return x + a + b.c; }\nexport function run() { return f(3); }\n";
    const out = constBindings(text);
    expect(out.text).toBe("const a=1, b = { c: 2 };\nconst f = function f(x) { return x + a + b.c; };\nexport function run() { return f(3); }\n");
    expect(await run(out.text)).toBe(await run(text));
  });

  it("leaves a binding that something assigns, even inside a function, but not one an inner declaration shadows", () => {
    const text = [
      "var counter = 0;",
      "var shadowed = 1;",
      "function bump() { counter++; }",
      "function local() { let shadowed = 0; shadowed = 2; return shadowed; }",
      "function reassigned() {}",
      "reassigned = null;",
      "var [x, y] = [1, 2];",
      "function swap() { [x] = [3]; }",
      "",
    ].join("\n");
    const out = constBindings(text).text;
    expect(out).toContain("var counter = 0;");
    expect(out).toContain("const shadowed=1;");
    expect(out).toContain("const bump = function bump()");
    expect(out).toContain("\nfunction reassigned() {}");
    expect(out).toContain("var [x, y] = [1, 2];");
  });

  it("leaves what code running at load reads before its declaration, directly or through a function", async () => {
    const text = [
      "var early = helper();",
      "function helper() { return later() + constant; }",
      "function later() { return 1; }",
      "var constant = 2;",
      "function unused() { return 3; }",
      "export function run() { return early + unused(); }",
      "",
    ].join("\n");
    const out = constBindings(text).text;
    // `helper` and `later` run before they are declared (hoisting); `constant` is read (as undefined) before its own.
    expect(out).toContain("\nfunction helper()");
    expect(out).toContain("\nfunction later()");
    expect(out).toContain("var constant = 2;");
    expect(out).toContain("const unused = function unused()");
    expect(await run(out)).toBe(await run(text));
  });

  it("counts a class's methods as run at load only once load-time code names the class or its static parts may call them", async () => {
    const text = [
      'function name(target, value) { Object.defineProperty(target, "name", { value }); return target; }',
      'var View = class { static { name(this, "View"); } read() { return helper(); } };',
      'var Eager = class { static { this.value = first(); } };',
      'var Odd = class { static { name(fourth(), "odd"); } };',
      "var Made = class { constructor() { this.v = second(); } };",
      "var made = new Made();",
      "class Plain { m() { return third(); } }",
      "function helper() { return 1; }",
      'name(helper, "helper");',
      "function first() { return 2; }",
      'name(first, "first");',
      "function second() { return 3; }",
      "function third() { return 4; }",
      "function fourth() { return function () {}; }",
      "export function run() { return [new View().read(), Eager.value, made.v, new Plain().m()]; }",
      "",
    ].join("\n");
    const out = constBindings(text).text;
    // Only the naming block runs when View and Plain are defined; Eager's and Odd's static blocks and the construction of Made do run.
    expect(out).toContain("const helper = function helper()");
    expect(out).toContain("const third = function third()");
    expect(out).toContain("\nfunction first()");
    expect(out).toContain("\nfunction second()");
    expect(out).toContain("\nfunction fourth()");
    expect(await run(out)).toEqual([1, 2, 3, 4]);
    expect(await run(text)).toEqual([1, 2, 3, 4]);
  });

  it("keeps a source map pointing at the same code after the lines grew", () => {
    const text = "var a = 1;\nfunction f() { return a; } f();\n";
    // One segment per token of interest: line 0 at `var`(0) and `a`(4); line 1 at `function`(0), `f`(9), `return`(15), `f`(29).
    const segment = (generatedColumn: number, sourceLine: number, sourceColumn: number) => ({ generatedColumn, sourceLine, sourceColumn });
    const lines = [
      [segment(0, 0, 0), segment(4, 0, 4)],
      [segment(0, 1, 0), segment(9, 1, 9), segment(15, 1, 15), segment(29, 1, 29)],
    ];
    const mappings = encode(lines);
    const { text: out, grew } = constBindings(text);
    expect(out).toBe("const a=1;\nconst f = function f() { return a; }; f();\n");
    const shifted = new SourceMap({ version: 3, file: "x.js", sources: ["x.ts"], sourceRoot: "", sourcesContent: [], names: [], mappings: shiftMappings(mappings, text, grew) });
    const at = (line: number, column: number) => shifted.findEntry(line, column) as { originalLine: number; originalColumn: number };
    // `a` on line 0 (was column 4, now 6 after `const `), `function` (now 10), `return` (now 25), the call `f` (now 40).
    expect(at(0, 6)).toMatchObject({ originalLine: 0, originalColumn: 4 });
    expect(at(1, 10)).toMatchObject({ originalLine: 1, originalColumn: 0 });
    expect(at(1, 25)).toMatchObject({ originalLine: 1, originalColumn: 15 });
    expect(at(1, 40)).toMatchObject({ originalLine: 1, originalColumn: 29 });
  });
});

/** A source map's `mappings` for segments [generated column, source line, source column] per line (source 0); node's `SourceMap` reads them back. */
function encode(lines: { generatedColumn: number; sourceLine: number; sourceColumn: number }[][]): string {
  let sourceLine = 0;
  let sourceColumn = 0;
  return lines
    .map((segments) => {
      let column = 0;
      return segments
        .map((s) => {
          const text = encodeValue(s.generatedColumn - column) + encodeValue(0) + encodeValue(s.sourceLine - sourceLine) + encodeValue(s.sourceColumn - sourceColumn);
          column = s.generatedColumn;
          sourceLine = s.sourceLine;
          sourceColumn = s.sourceColumn;
          return text;
        })
        .join(",");
    })
    .join(";");
}
