// `beckon lint`'s analyses, spawned as a user runs it (the source entry through tsx) against test/cli/files/lint-*.json:
// output, --json, --at and exit codes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { beckon } from "./run-beckon.js";

interface Report {
  findings: { invitationId: string; code: string; severity: string; path: (string | number)[]; message: string }[];
}

const AT = ["--at", "2026-12-02T18:00:00Z"];
const files = join(import.meta.dirname, "files");

// A spawned process costs about half a second on a quiet machine and ten on a loaded one: generous time, side by side.
describe.concurrent("beckon lint (the executable)", { timeout: 120_000 }, () => {
  it("reports a global fallback above specific invitations: each one it shadows, as an error, exit 1", async () => {
    const run = await beckon(["lint", "lint-shadowed.json", ...AT]);
    expect(run).toMatchObject({ code: 1, stderr: "" });
    expect(run.stdout.split("\n")).toEqual([
      "! lint-shadowed.json: 2 findings",
      expect.stringMatching(/^ {2}pricing-help \[1\] {2}error {2}never wins: "fallback" \(position 0, time on site 0 s\) .* {2}\(shadowed\)$/),
      expect.stringMatching(/^ {2}docs \[2\] {2}error {2}never wins: "fallback" .* {2}\(shadowed\)$/),
      "",
    ]);
  });

  it("--json: every new code with the invitation id, severity and path", async () => {
    const run = await beckon(["lint", "lint-problems.json", "--json", ...AT]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map(({ invitationId, code, severity, path }) => [invitationId, code, severity, path])).toEqual([
      ["winter-sale", "never_active", "error", [0, "schedule"]],
      ["weekends", "never_active", "error", [1, "schedule"]],
      ["big-teams", "contradictory_conditions", "error", [2, "attributes"]],
      ["search", "url_pattern_matches_nothing", "warning", [3, "urls", 0]],
      ["search", "url_matches_nothing", "error", [3, "urls"]],
      ["lt-only", "missing_translation", "warning", [4, "translations"]],
      ["lt-only", "missing_translation", "warning", [4, "variations", 0, "translations"]],
      ["lt-only", "variation_weights_all_zero", "warning", [4, "variations"]],
      ["slow", "slow_pattern", "warning", [5, "urls", 0]],
      ["split-a", "tie_settled_by_hash", "info", [6]],
      ["split-b", "tie_settled_by_hash", "info", [7]],
    ]);
    for (const f of report.findings) expect(f.message.length).toBeGreaterThan(20);
  });

  it("--at: a period is never active only once it has ended by the instant given", async () => {
    const before = JSON.parse((await beckon(["lint", "lint-problems.json", "--json", "--at", "2026-01-15T12:00:00Z"])).stdout) as Report;
    expect(before.findings.filter((f) => f.invitationId === "winter-sale")).toEqual([]);
    const after = JSON.parse((await beckon(["lint", "lint-problems.json", "--json", "--at", String(Date.UTC(2026, 1, 5))])).stdout) as Report;
    expect(after.findings.filter((f) => f.invitationId === "winter-sale").map((f) => f.code)).toEqual(["never_active"]);
  });

  it("exits 0 when only info findings are left, and prints them", async () => {
    const run = await beckon(["lint", "lint-ties.json", ...AT]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ lint-ties\.json: nothing to fix, 2 notes\n {2}offer-a \[0\] {2}info {2}ties with "offer-b" /);
  });

  it("gives paths in the file for the wrapped form { $schema, invitations }, as validate does", async () => {
    const wrapped = JSON.stringify({ $schema: "./node_modules/beckon/schema.json", invitations: JSON.parse(readFileSync(join(files, "unsafe.json"), "utf8")) as unknown });
    const [text, json] = await Promise.all([beckon(["lint", "-", ...AT], wrapped), beckon(["lint", "-", ...AT, "--json"], wrapped)]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^ {2}docs invitations\[0\]\.message {2}warning /m);
    expect(JSON.parse(json.stdout)).toMatchObject({ findings: [{ invitationId: "docs", code: "placeholder_in_url", path: ["invitations", 0, "message"] }] });
  });

  it("exits 2 for a bad --at", async () => {
    const run = await beckon(["lint", "lint-ties.json", "--at", "yesterday"]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toContain("--at must be epoch milliseconds or an ISO 8601 instant with Z or an offset");
  });
});
