// `beckon simulate`, spawned as a user runs it (the source entry through tsx) against the files in test/cli/files/:
// the timeline, its JSON, the journey's problems and the exit codes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { beckon } from "./run-beckon.js";

const files = join(import.meta.dirname, "files");


const EXAMPLE = ["simulate", "journey-invitations.json", "journey.json", "--options", "journey-options.json", "--events", "journey-events.json"];

interface TimelineJson {
  start: number;
  end: number;
  stepsLeft: number;
  truncated: boolean;
  entries: { at: number; step: number | null; what: { kind: string }; decision: { status: string; invitationId: string | null; recheckAt: number | null } }[];
}

// A spawned process costs about half a second: these run side by side.
// The machine running the suite may be busy (a spawn has taken 90 s at a load of 60 on two cores): generous time per
// test, and no spawn waits for another inside one.
describe.concurrent("beckon simulate (the executable)", { timeout: 300_000 }, () => {
  it("prints one line per check: the instant in the options' time zone, what happened, the decision, the next recheckAt", async () => {
    const run = await beckon([...EXAMPLE, "--until", "1h"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("times in Europe/Vilnius");
    expect(lines[2]).toMatch(/^2026-12-02 11:00:00 \+02:00 +arrives on https:\/\/example\.com\/ +none \(no_eligible_invitation\), armed leaving +2026-12-02 11:01:00 \+02:00$/);
    expect(lines[3]).toMatch(/^2026-12-02 11:01:00 \+02:00 +recheck +selected hello \(lowest_position\), armed leaving +never$/);
    expect(run.stdout).toMatch(/2026-12-02 11:02:20 \+02:00 +closed +none \(suppressed\) +2026-12-02 11:07:20 \+02:00/);
    // --until: after the last step the clock jumps to the recheckAt, where the event's invitation appears.
    expect(run.stdout).toMatch(/2026-12-02 11:07:20 \+02:00 +recheck +selected trial-nudge \(lowest_position\), armed leaving +never\nend 2026-12-02 12:00:00 \+02:00\n$/);
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("--json: the timeline as data, every recheck at the previous line's recheckAt and none past the end", async () => {
    const run = await beckon([...EXAMPLE, "--until", "1h", "--json"]);
    expect(run.code).toBe(0);
    const timeline = JSON.parse(run.stdout) as TimelineJson;
    expect(timeline).toMatchObject({ start: Date.parse("2026-12-02T09:00:00Z"), end: Date.parse("2026-12-02T10:00:00Z"), stepsLeft: 0, truncated: false });
    expect(timeline.entries.map((e) => e.what.kind)).toEqual(["start", "recheck", "shown", "closed", "page", "shown", "closed", "event", "trigger", "recheck"]);
    timeline.entries.forEach((entry, i) => {
      expect(entry.at).toBeLessThanOrEqual(timeline.end);
      if (entry.what.kind === "recheck") expect(entry.at).toBe(timeline.entries[i - 1]?.decision.recheckAt);
    });
  });

  it("without --until stops at the last step", async () => {
    const plain = await beckon(EXAMPLE);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain("trial-nudge");
    expect(plain.stdout).toContain("end 2026-12-02 11:02:20 +02:00");
  });

  it("a short --until leaves later steps out and says so", async () => {
    const short = await beckon([...EXAMPLE, "--until", "90s"]);
    expect(short.code).toBe(0);
    // The first step, a three-minute wait, already passes the end: it and the eight after it are not run.
    expect(short.stdout).toContain("end 2026-12-02 11:01:30 +02:00\n9 steps after the end not run\n");
  });

  it("lists every problem of a journey with its path and code, and exits 1", async () => {
    const run = await beckon(["simulate", "journey-invitations.json", "journey-broken.json"]);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "journey-broken.json start: expected an ISO 8601 instant with an offset (2026-12-02T09:00:00Z, …+02:00) or epoch milliseconds, got \"2026-12-02 09:00\" (invalid_date)",
      'journey-broken.json steps[0].for: expected a duration: seconds as a number, or text such as "90s", "5m", "1h30m", got "soon" (invalid_value)',
      'journey-broken.json steps[1].do: expected one of "wait", "page", "event", "shown", "closed", "chatStarted", "conversion", "newSession", "trigger", got "jump" (invalid_value)',
      "journey-broken.json steps[2].url: missing, expected a string (required)",
      'journey-broken.json steps[3].after: expected a duration of more than 30 minutes (a session ends after 30 minutes without activity), got "10m" (too_small)',
      "journey-broken.json visitor.timeOnSite: expected a number ≥ 0, got -5 (negative_number)",
    ]);
  });

  it("lists the problems of every file at once: invitations, journey and event definitions", async () => {
    const run = await beckon(["simulate", "misspelt.json", "journey-broken.json", "--events", "events.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('misspelt.json [0].postion: unknown key "postion" (unknown_key)');
    expect(run.stderr).toContain("journey-broken.json steps[2].url: missing");
    expect(run.stderr).toContain("events.json [1].name: name");
  });

  it("reads one of the files from standard input for -", async () => {
    const journey = readFileSync(join(files, "journey.json"), "utf8");
    const run = await beckon(["simulate", "journey-invitations.json", "-", "--events", "journey-events.json"], journey);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^times in UTC\n/);
    expect(run.stdout).toMatch(/2026-12-02 09:01:00 \+00:00 +recheck +selected hello/);
  });

  it("exits 2 for a usage error: a bad --until, both files on standard input, a missing argument", async () => {
    const cases = [
      ["simulate", "journey-invitations.json", "journey.json", "--until", "soon"],
      ["simulate", "journey-invitations.json", "journey.json", "--until", "30"],
      ["simulate", "journey-invitations.json", "journey.json", "--until", "400d"],
      ["simulate", "-", "-"],
      ["simulate", "journey-invitations.json"],
    ];
    const runs = await Promise.all(cases.map((args) => beckon(args)));
    runs.forEach((run, i) => {
      expect({ args: cases[i], code: run.code, stdout: run.stdout }).toEqual({ args: cases[i], code: 2, stdout: "" });
      expect(run.stderr).toContain("--help");
    });
  });

  it("exits 1 for a missing file or options that are not evaluation options", async () => {
    const [missing, badOptions, wrongOptions] = await Promise.all([
      beckon(["simulate", "journey-invitations.json", "nowhere.json"]),
      beckon(["simulate", "journey-invitations.json", "journey.json", "--options", "journey-events.json"]),
      beckon(["simulate", "journey-invitations.json", "journey.json", "--options", "journey-bad-options.json"]),
    ]);
    expect(missing).toMatchObject({ code: 1, stderr: "nowhere.json: cannot be read (no such file)\n" });
    expect(badOptions).toMatchObject({ code: 1, stdout: "" });
    expect(badOptions.stderr).toContain("journey-events.json: expected an options object");
    expect(wrongOptions).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "journey-bad-options.json timeZone: expected an IANA time zone such as Europe/Vilnius (invalid_value)\n" +
        "journey-bad-options.json operatorsOnline: expected a list of operators, each { id, name?, departments? } (invalid_value)\n",
    });
  });

  it("answers --help with exit 0", async () => {
    const run = await beckon(["simulate", "--help"]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: beckon simulate \[options\] <invitations> <journey>/) });
    expect(run.stdout).toContain("--until <duration>");
  });
});
