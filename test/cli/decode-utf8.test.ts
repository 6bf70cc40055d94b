// What the commands read is UTF-8 or refused: decodeUtf8 in process, then the executable on such files.
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/cli/decode-utf8.js";
import { beckon } from "./run-beckon.js";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const message = (input: Uint8Array): string => {
  try {
    return decodeUtf8(input, "a.json");
  } catch (error) {
    return (error as Error).message;
  }
};

describe("decodeUtf8", () => {
  it("names the file and the offset of the first byte that does not decode", () => {
    expect(message(bytes(0x22, 0x43, 0x61, 0x66, 0xe9, 0x22))).toBe("a.json: not UTF-8 at byte 4 (save it as UTF-8)");
    // Overlong, a surrogate, past U+10FFFF, a sequence cut short by the end.
    expect(message(bytes(0x41, 0xc0, 0x80))).toMatch(/at byte 1 /);
    expect(message(bytes(0x41, 0x41, 0xed, 0xa0, 0x80))).toMatch(/at byte 2 /);
    expect(message(bytes(0xf4, 0x90, 0x80, 0x80))).toMatch(/at byte 0 /);
    expect(message(bytes(0x41, 0xe2, 0x82))).toMatch(/at byte 1 /);
  });

  it("drops a UTF-8 byte order mark at the start, and says a UTF-16 file is UTF-16", () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x5b, 0x5d), "a.json")).toBe("[]");
    expect(message(bytes(0xff, 0xfe, 0x5b, 0x00))).toBe("a.json: UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it as UTF-8");
    expect(message(bytes(0xfe, 0xff, 0x00, 0x5b))).toMatch(/^a\.json: UTF-16 /);
  });

  it("refuses exactly what the WHATWG decoder refuses, at the start of the first ill-formed sequence (oracle: TextDecoder)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (input) => {
        if (input[0] === 0xff || input[0] === 0xfe) return;
        const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
        let valid = true;
        try {
          fatal.decode(input);
        } catch {
          valid = false;
        }
        const text = message(input);
        const at = /not UTF-8 at byte (\d+) /.exec(text);
        expect(at === null).toBe(valid);
        if (at === null) return;
        const offset = Number(at[1]);
        // Everything before it decodes; the sequence it starts does not (the decoder's first character is U+FFFD).
        expect(() => fatal.decode(input.slice(0, offset))).not.toThrow();
        expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(input.slice(offset)).startsWith("\uFFFD")).toBe(true);
      }),
    );
  });
});

describe.concurrent("beckon on files that are not UTF-8 (the executable)", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "beckon-utf8-"));
  const latin1 = join(dir, "latin1.json");
  writeFileSync(latin1, Buffer.concat([Buffer.from('{"invitations":[{"id":1,"message":"Caf'), bytes(0xe9), Buffer.from('"}]}')]));

  it("import-lhc: exits 1 naming the file and the byte instead of importing U+FFFD as carried over", async () => {
    const run = await beckon(["import-lhc", "--rows", latin1, "--strict"]);
    expect(run).toEqual({ code: 1, stdout: "", stderr: `${latin1}: not UTF-8 at byte 38 (save it as UTF-8)\n` });
  });

  it("validate and explain: the same, for a file and for standard input", async () => {
    const validate = await beckon(["validate", latin1]);
    expect(validate).toMatchObject({ code: 1, stdout: "", stderr: `${latin1}: not UTF-8 at byte 38 (save it as UTF-8)\n` });
    const explain = await beckon(["explain", "valid.json", "-", "--at", "0"], Buffer.from('{"id":"v","url":"https://example.com/caf\xe9"}', "latin1"));
    expect(explain).toMatchObject({ code: 1, stdout: "", stderr: "standard input: not UTF-8 at byte 40 (save it as UTF-8)\n" });
  });

  it("validate: reads a file with a UTF-8 byte order mark; says a UTF-16 file must be UTF-8", async () => {
    const valid = readFileSync(join(import.meta.dirname, "files", "valid.json"), "utf8");
    expect(await beckon(["validate", "-"], `\uFEFF${valid}`)).toMatchObject({ code: 0, stdout: "✓ standard input: 3 invitations, valid\n" });
    const utf16 = Buffer.concat([bytes(0xff, 0xfe), Buffer.from(valid, "utf16le")]);
    const run = await beckon(["validate", "-"], utf16);
    expect(run).toMatchObject({ code: 1, stderr: "standard input: UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it as UTF-8\n" });
  });
});
