// bench/instructions.ts --by-function: callgrind's per-instruction counts added up per function through node's perf
// map, named by their place in the source through the bundle's source map. Checked on a real esbuild bundle and a
// callgrind file written out by hand (absolute and relative addresses, a call's inclusive cost to leave out).
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { instructionsByFunction } from "../../../bench/callgrind-functions.js";

const dir = mkdtempSync(join(tmpdir(), "beckon-callgrind-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("instructionsByFunction", () => {
  it("adds each instruction's count to the function whose code holds it, named by its source line", async () => {
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "work.ts"), "export const n = 1;\n\nexport function heavy(x: number): number {\n  return x * 2;\n}\n");
    const bundle = join(dir, "bundle.mjs");
    await build({ entryPoints: [join(dir, "src", "work.ts")], bundle: true, format: "esm", outfile: bundle, sourcemap: true, logLevel: "silent" });
    // Where V8 would say `heavy` starts in the bundle: its line, and the column of its name (1-based both).
    const lines = readFileSync(bundle, "utf8").split("\n");
    const line = lines.findIndex((text) => text.includes("function heavy")) + 1;
    const column = (lines[line - 1] as string).indexOf("heavy") + 1;
    writeFileSync(
      join(dir, "perf.map"),
      [`1000 10 JS:*heavy file://${bundle}:${line}:${column}`, "3000 8 Builtin:StringIndexOf", `4000 4 JS:~get tags file://${bundle}:${line}:${column}`].join("\n"),
    );
    writeFileSync(
      join(dir, "callgrind.out"),
      [
        "version: 1",
        "positions: instr line",
        "events: Ir",
        "fn=(1) 0x0000000000001000",
        "0x1000 0 5",
        "+4 0 7",
        "cfn=(2) Builtins_StringIndexOf",
        "calls=1 0x3000 0",
        "+2 0 100",
        "+2 0 3",
        "* 0 1",
        "fn=(2)",
        "0x3000 0 11",
        "fn=(3) 0x0000000000005000",
        "0x5000 0 2",
        "0x4002 0 6",
        "",
      ].join("\n"),
    );
    const totals = instructionsByFunction(join(dir, "callgrind.out"), join(dir, "perf.map"), bundle, dir);
    expect(Object.fromEntries(totals)).toEqual({
      // 0x1000, 0x1004, 0x1008 and 0x1008 again; the 100 at 0x1006 is what the call cost, counted in the callee.
      "heavy (src/work.ts:3)": 16,
      "Builtin:StringIndexOf": 11,
      "(native code: node, V8, libc)": 2,
      // A name with a space (a getter) keeps it whole.
      "get tags (src/work.ts:3)": 6,
    });
  });
});
