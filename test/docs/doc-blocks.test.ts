// Every ts/js code block of README.md and docs/ type-checks against the source, and every block not marked otherwise
// runs, so no example in the docs rots. How a block is marked: CONTRIBUTING.md, "Code blocks in the docs".
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { removeBlockModules, typeCheckBlocks, writeBlockModules, type BlockModule } from "./check-blocks.js";
import { extractBlocks, type DocBlock } from "./extract-blocks.js";
import { formatPrint, PRINT_HOOK, printedAsPromised } from "./printed-lines.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** README.md and every Markdown page under docs/, in a stable order. */
function pages(): string[] {
  const docs = readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".md"))
    .map((path) => relative(ROOT, join(ROOT, "docs", path)))
    .sort();
  return ["README.md", ...docs];
}

const extracted = pages().map((page) => extractBlocks(readFileSync(join(ROOT, page), "utf8"), page));
const blocks = extracted.flatMap((page) => page.blocks);
const problems = extracted.flatMap((page) => page.problems);
const named = (mode: DocBlock["mode"]): [string, number][] =>
  blocks.flatMap((block, index): [string, number][] => (block.mode === mode ? [[`${block.file}:${block.line}`, index]] : []));

describe("the code blocks of README.md and docs/", () => {
  let modules: BlockModule[] = [];
  let errors = new Map<BlockModule, string[]>();
  const moduleOf = (index: number): BlockModule => {
    const module = modules[index];
    if (module === undefined) throw new Error(`no module for block ${index}`);
    return module;
  };

  beforeAll(() => {
    modules = writeBlockModules(blocks, ROOT);
    errors = typeCheckBlocks(modules, ROOT);
  }, 600_000);
  afterAll(() => removeBlockModules(modules));

  it("finds the blocks of README.md and of the docs pages", () => {
    expect(blocks.filter((block) => block.file === "README.md").length).toBeGreaterThan(0);
    expect(new Set(blocks.map((block) => block.file)).size).toBeGreaterThan(3);
  });

  it("obeys every check comment: a known mode, a reason when not run, right before a ts/js block", () => {
    expect(problems).toEqual([]);
  });

  it.each([...named("run"), ...named("types-only")])("%s type-checks", (_name, index) => {
    expect(errors.get(moduleOf(index))).toEqual([]);
  });

  it.each(named("skip"))("%s is skipped, so it must not be TypeScript (else mark it types-only)", (_name, index) => {
    expect(errors.get(moduleOf(index)), "this block type-checks: mark it types-only, or run it").not.toEqual([]);
  });

  it.each(named("run"))(
    "%s runs and prints what its comments say",
    async (_name, index) => {
      const module = moduleOf(index);
      for (const method of ["log", "info", "warn", "error"] as const) {
        vi.spyOn(console, method).mockImplementation(() => undefined);
      }
      const printed = new Map<number, string[]>();
      const hook = (line: number, ...args: unknown[]): void => {
        printed.set(line, [...(printed.get(line) ?? []), formatPrint(args)]);
      };
      vi.stubGlobal(PRINT_HOOK, hook);
      try {
        await import(pathToFileURL(module.runPath).href);
      } finally {
        vi.unstubAllGlobals();
      }
      for (const [line, promised] of module.prints) {
        const where = `${module.block.file}:${module.block.line + line}`;
        const texts = printed.get(line) ?? [];
        expect(texts, `${where} never printed`).not.toEqual([]);
        for (const text of texts) expect(printedAsPromised(text, promised), `${where} printed "${text}", not "${promised}"`).toBe(true);
      }
    },
    120_000,
  );
});
