// printable: what the executable writes, with control characters from the input files shown rather than obeyed.
import { describe, expect, it } from "vitest";
import { printable } from "../../src/cli/printable.js";
import { paint } from "../../src/cli/paint.js";
import { beckon } from "./run-beckon.js";

describe("printable", () => {
  it("escapes C0 (but tab and line feed), DEL, C1 and the bidi controls, as JSON escapes them", () => {
    const text = "a\u0000b\u0007c\td\ne\rf\u001b[2Jg\u007fh\u0085i\u202ej\u2066k";
    const shown = printable(text, false);
    expect(shown).toBe("a\\u0000b\\u0007c\td\ne\\u000df\\u001b[2Jg\\u007fh\\u0085i\\u202ej\\u2066k");
    // Inside a JSON string the escapes read back as the characters: --json output stays the same data.
    expect(JSON.parse(printable(JSON.stringify({ id: "x\u0085\u202e" }), false))).toEqual({ id: "x\u0085\u202e" });
    expect(printable("plain text, ünïcödé, 漢字\n", false)).toBe("plain text, ünïcödé, 漢字\n");
  });

  it("keeps the command's own colours when colour is on, and escapes any other escape sequence", () => {
    const p = paint(true);
    const line = `${p.bad("2 problems")} ${p.strong("id")} ${p.dim("x")} ${p.good("ok")}`;
    expect(printable(line, true)).toBe(line);
    expect(printable(`${p.bad("id\u001b[8m")}`, true)).toBe(`${p.bad("id\\u001b[8m")}`);
    expect(printable(line, false)).not.toContain("\u001b");
  });

  it("is what the executable writes: an invitation id with escape sequences is shown, not obeyed", async () => {
    const run = await beckon(["lint", "-", "--at", "0"], JSON.stringify([{ id: "a\u001b[2J", message: "Hi", urls: ["*"] }, { id: "b\u009b31m", message: "Plans?", position: 1, urls: ["/pricing"] }]));
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u001b\u009b]/);
    expect(run.stdout).toContain("a\\u001b[2J");
    expect(run.stdout).toContain("b\\u009b31m");
  });
});
