// The `beckon` executable, spawned as a user runs it (the source entry through tsx; scripts/smoke-dist.mjs runs the
// built dist/cli.js the same way), against the files in test/cli/files/: output and exit codes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { beckon } from "./run-beckon.js";

const root = join(import.meta.dirname, "..", "..");
const files = join(import.meta.dirname, "files");


// A spawned process costs about half a second on an idle machine, several seconds on a busy one (a CI host running
// other work): these run side by side, each with room for a dozen spawns.
describe.concurrent("beckon (the executable)", { timeout: 120_000 }, () => {
  it("validate: a valid file exits 0 and says so", async () => {
    const run = await beckon(["validate", "valid.json"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("✓ valid.json: 3 invitations, valid\n");
  });

  it("validate: reads the wrapped form { $schema, invitations } an editor checks against beckon/schema.json", async () => {
    const run = await beckon(["validate", "wrapped-misspelt.json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✗ wrapped-misspelt.json: 2 invitations, 1 problem");
    expect(run.stdout).toContain('invitations[0].postion  unknown key "postion" — did you mean "position"?  (unknown_key)');
  });

  it("validate: lists every problem with its path and code, suggests the key meant, and exits 1", async () => {
    const run = await beckon(["validate", "misspelt.json", "--events", "events.json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[0].postion  unknown key "postion" — did you mean "position"?  (unknown_key)');
    expect(run.stdout).toContain('[0].schedule.days.monday  unknown key "monday" — did you mean "mon"?  (unknown_key)');
    expect(run.stdout).toMatch(/events\.json: 2 event definitions, 1 problem\n {2}\[1\]\.name .*\(duplicate_id\)/);
    // Not a terminal: no colour codes.
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("validate: the same file as invitations and --events is a usage error (its two results would be mixed)", async () => {
    for (const events of ["valid.json", "./valid.json"]) {
      const run = await beckon(["validate", "valid.json", "--events", events]);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toContain("the invitations file and --events name the same file");
    }
  });

  it("validate --json: the same findings as data", async () => {
    const run = await beckon(["validate", "misspelt.json", "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; findings: { path: unknown[]; code: string; hint?: string; file: string }[] };
    expect(report.valid).toBe(false);
    expect(report.findings.map(({ path, code, hint, file }) => ({ path, code, hint, file }))).toEqual([
      { path: [0, "postion"], code: "unknown_key", hint: 'did you mean "position"?', file: "misspelt.json" },
      { path: [0, "schedule", "days", "monday"], code: "unknown_key", hint: 'did you mean "mon"?', file: "misspelt.json" },
    ]);
  });

  it("validate -: reads the file from standard input", async () => {
    const run = await beckon(["validate", "-"], readFileSync(join(files, "valid.json"), "utf8"));
    expect(run).toMatchObject({ code: 0, stdout: "✓ standard input: 3 invitations, valid\n" });
  });

  it("exits 1 naming the file when it is missing or not JSON", async () => {
    const missing = await beckon(["validate", "nowhere.json"]);
    expect(missing).toMatchObject({ code: 1, stdout: "", stderr: "nowhere.json: cannot be read (no such file)\n" });
    const broken = await beckon(["validate", "broken.json"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^broken\.json: not JSON \(/);
  });

  it("validate: an --events file that cannot be read is reported after the invitations' problems, not instead of them", async () => {
    const run = await beckon(["validate", "misspelt.json", "--events", "nowhere.json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[0].postion  unknown key "postion"');
    expect(run.stderr).toBe("nowhere.json: cannot be read (no such file)\n");
    const json = await beckon(["validate", "misspelt.json", "--events", "nowhere.json", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, findings: [{ path: [0, "postion"] }, { path: [0, "schedule", "days", "monday"] }] });
  });

  it("exits 2 for a usage error: an unknown command, an unknown option, a missing argument, a bad value", async () => {
    const cases = [["frobnicate"], ["validate", "valid.json", "--colour"], ["explain", "valid.json"], ["explain", "valid.json", "ana.json", "--at", "tomorrow"], ["explain", "valid.json", "ana.json", "--trigger", "wave"]];
    const runs = await Promise.all(cases.map((args) => beckon(args)));
    runs.forEach((run, i) => {
      expect({ args: cases[i], code: run.code, stdout: run.stdout }).toEqual({ args: cases[i], code: 2, stdout: "" });
      expect(run.stderr).toContain("--help");
    });
  });

  it("exits 2 for an --at outside a Date's range (±8.64e15 ms), on explain, lint and --json alike", async () => {
    const cases = [
      ["explain", "valid.json", "ana.json", "--at", "8640000000000001"],
      ["explain", "valid.json", "ana.json", "--at", "-8640000000000001", "--json"],
      ["lint", "valid.json", "--at", "99999999999999999999"],
      ["lint", "valid.json", "--at", "8640000000000001", "--json"],
    ];
    const runs = await Promise.all(cases.map((args) => beckon(args)));
    runs.forEach((run, i) => {
      expect({ args: cases[i], code: run.code, stdout: run.stdout }).toEqual({ args: cases[i], code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^beckon: --at must be epoch milliseconds or an ISO 8601 instant with Z or an offset \(.*\), not "/);
    });
  });

  it("exits 2 for an --at that is not an ISO 8601 instant with an offset: none (the machine's zone), free text, a day that does not exist", async () => {
    const bad = ["2026-12-02T18:00", "Dec 2", "2026-02-30T00:00:00Z", "2026-12-02T24:00:00Z", "2026-12-02"];
    const runs = await Promise.all(bad.flatMap((at) => [beckon(["explain", "valid.json", "ana.json", "--at", at]), beckon(["lint", "valid.json", "--at", at, "--json"])]));
    runs.forEach((run, i) => {
      expect({ at: bad[Math.floor(i / 2)], code: run.code, stdout: run.stdout }).toEqual({ at: bad[Math.floor(i / 2)], code: 2, stdout: "" });
      expect(run.stderr).toContain(`--at must be epoch milliseconds or an ISO 8601 instant with Z or an offset`);
    });
    const offset = await beckon(["explain", "valid.json", "ana.json", "--at", "2026-12-02T20:00:00+02:00", "--options", "vilnius.json"]);
    expect(offset.stdout).toContain("at         2026-12-02 20:00:00 +02:00 (Europe/Vilnius)");
  });

  it("exits 2 for an --trigger idle:<seconds> too large for a number (400 digits), rather than blaming the options", async () => {
    const trigger = `idle:${"9".repeat(400)}`;
    const runs = await Promise.all([beckon(["explain", "valid.json", "ana.json", "--at", "0", "--trigger", trigger]), beckon(["explain", "valid.json", "ana.json", "--at", "0", "--trigger", `${trigger}.5`, "--json"])]);
    for (const run of runs) {
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^beckon: --trigger must be exitIntent or idle:<seconds>, not "idle:9{400}/);
    }
  });

  it("exits 2 when standard input (-) is named for two files, on every command and whichever arguments name it", async () => {
    const cases = [
      ["validate", "-", "--events", "-"],
      ["explain", "-", "-", "--at", "0"],
      ["explain", "valid.json", "-", "--at", "0", "--options", "-"],
      ["simulate", "-", "journey.json", "--options", "-"],
      ["simulate", "journey-invitations.json", "-", "--events", "-"],
      ["simulate", "-", "journey.json", "--events", "-", "--json"],
    ];
    const valid = readFileSync(join(files, "valid.json"), "utf8");
    const runs = await Promise.all(cases.map((args) => beckon(args, valid)));
    runs.forEach((run, i) => {
      expect({ args: cases[i], code: run.code, stdout: run.stdout }).toEqual({ args: cases[i], code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^beckon: only one of the files can be read from standard input \(-\)\n/);
    });
  });

  it("answers --help on every command with exit 0", async () => {
    const runs = await Promise.all([[], ["validate"], ["explain"], ["lint"]].map((command) => beckon([...command, "--help"])));
    for (const run of runs) expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: beckon/) });
  });

  it("explain: the decision, recheckAt in the options' time zone, and every invitation's reasons", async () => {
    const run = await beckon(["explain", "valid.json", "ana.json", "--at", "2026-12-02T18:00:00Z", "--options", "vilnius.json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("at         2026-12-02 20:00:00 +02:00 (Europe/Vilnius)");
    expect(run.stdout).toContain("decision   selected hello (lowest_position)");
    expect(run.stdout).toContain("message    Hello Ana");
    // pricing-help waits for 20 s on site; Ana has 5: it becomes eligible 15 s later.
    expect(run.stdout).toContain("recheckAt  2026-12-02 20:00:15 +02:00 (Europe/Vilnius)");
    expect(run.stdout).toMatch(/pricing-help +no +time_on_site/);
    expect(run.stdout).toMatch(/hello +yes +eligible, selected/);
  });

  it("explain --trigger and --json: a dynamic invitation fires, as data", async () => {
    const run = await beckon(["explain", "valid.json", "ana.json", "--at", "1796234400000", "--trigger", "exitIntent", "--json"]);
    expect(run.code).toBe(0);
    const { decision, candidates } = JSON.parse(run.stdout) as { decision: { invitation: string; status: string }; candidates: { invitationId: string }[] };
    expect(decision).toMatchObject({ status: "selected", invitation: "leaving" });
    // Rank order: position, then time on site (leaving needs none, pricing-help 20 s), then id.
    expect(candidates.map((c) => c.invitationId)).toEqual(["leaving", "pricing-help", "hello"]);
  });

  it("explain: an invalid visitor is invalid input, exit 1 with its problems", async () => {
    const run = await beckon(["explain", "valid.json", "valid.json", "--at", "0"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("valid.json (root): expected a visitor object");
  });

  it("explain: an options file's unknown keys and unusable values are listed with their paths, exit 1, nothing run", async () => {
    const run = await beckon(["explain", "valid.json", "ana.json", "--at", "0", "--options", "options-misspelt.json"]);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr.trim().split("\n")).toEqual([
      'options-misspelt.json timeZon: unknown option; did you mean "timeZone"? (unknown_key)',
      'options-misspelt.json suppressAfterCloseSecond: unknown option; did you mean "suppressAfterCloseSeconds"? (unknown_key)',
      "options-misspelt.json seed: expected a text (invalid_value)",
    ]);
  });

  it("lint: a placeholder in a URL attribute is a finding with the invitation id, exit 1; none, exit 0", async () => {
    const run = await beckon(["lint", "unsafe.json", "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      findings: [{ invitationId: "docs", code: "placeholder_in_url", severity: "warning", path: [0, "message"] }],
    });
    expect(await beckon(["lint", "valid.json"])).toMatchObject({ code: 0, stdout: "✓ valid.json: nothing found\n" });
  });
});
