// `beckon schema`, spawned as a user runs it: the invitations JSON Schema on standard output or into a file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { beckon } from "./run-beckon.js";

const root = join(import.meta.dirname, "..", "..");
const committed = readFileSync(join(root, "schema.json"), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "beckon-schema-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


// A spawned process through tsx takes seconds on a loaded machine: these run side by side, with room to spare.
describe.concurrent("beckon schema", { timeout: 90_000 }, () => {
  it("prints schema.json, byte for byte, and exits 0", async () => {
    const run = await beckon(["schema"]);
    expect(run).toEqual({ code: 0, stdout: committed, stderr: "" });
  });

  it("--out writes the same bytes into the file and prints nothing", async () => {
    const run = await beckon(["schema", "--out", join(scratch, "invitations.schema.json")]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(scratch, "invitations.schema.json"), "utf8")).toBe(committed);
  });

  it("--out into a folder that does not exist names the file and exits 1", async () => {
    const target = join(scratch, "missing", "dir", "schema.json");
    const run = await beckon(["schema", "--out", target]);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr.startsWith(`${target}: cannot be written (`)).toBe(true);
    expect(run.stderr).toContain("ENOENT");
  });

  it("--json, which every command takes, prints the same schema", async () => {
    const [plain, json] = await Promise.all([beckon(["schema"]), beckon(["schema", "--json"])]);
    expect(json).toEqual({ code: 0, stdout: plain.stdout, stderr: "" });
  });

  it("refuses an argument it does not take with a usage error, exit code 2", async () => {
    const run = await beckon(["schema", "invitations.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("too many arguments");
  });

  it("--help says what it prints and takes", async () => {
    const run = await beckon(["schema", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("JSON Schema (draft 2020-12)");
    expect(run.stdout).toContain("--out <file>");
  });
});
