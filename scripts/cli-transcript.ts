// Writes docs/cli.md: a real terminal session of each `beckon` command, run on the files in test/cli/files/.
// test/cli/transcript.test.ts runs the same session and fails when docs/cli.md no longer matches it, so the page
// stays true. Regenerate with `npm run docs:cli`.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const files = join(root, "test", "cli", "files");

/** The commands shown, each with a line saying why a reader would run it (and, for a long output, how many lines of it). */
const SESSION: [string, string[], number?][] = [
  ["Check a file: every problem with its path and code, and the key a misspelt one was meant to be.", ["validate", "misspelt.json"]],
  ["A valid file, with its event definitions (a duplicate name is refused).", ["validate", "valid.json", "--events", "events.json"]],
  ["Why did this visitor get what they got, and when can it change? (`recheckAt` in the options' time zone)", ["explain", "valid.json", "ana.json", "--at", "2026-12-02T18:00:00Z", "--options", "vilnius.json"]],
  ["The same as data, with the exit-intent trigger fired.", ["explain", "valid.json", "ana.json", "--at", "2026-12-02T18:00:00Z", "--trigger", "exitIntent", "--json"]],
  [
    "A visitor's journey over time ([journey.md](journey.md)): one line per check, and with `--until` the clock jumps from one `recheckAt` to the next after the last step.",
    ["simulate", "journey-invitations.json", "journey.json", "--options", "journey-options.json", "--events", "journey-events.json", "--until", "1h"],
  ],
  ["What validation accepts but is probably a mistake.", ["lint", "unsafe.json"]],
  ["Invitations that can never be shown: a global fallback placed above specific ones shadows them ([lint.md](lint.md) lists every code).", ["lint", "lint-shadowed.json", "--at", "2026-12-02T18:00:00Z"]],
  ["Judged from an instant: a period that has ended, a week without windows, contradictory attributes, a dead URL pattern, missing translations, a slow pattern, a tie the hash settles.", ["lint", "lint-problems.json", "--at", "2026-12-02T18:00:00Z"]],
  ["The JSON Schema of an invitations file, for editors and form builders (its first lines; see [schema.md](schema.md)).", ["schema"], 12],
  ["Move from Live Helper Chat ([migrating-from-lhc.md](migrating-from-lhc.md)): import its rows exported as JSON (`--mysql <url>` reads a live database). The invitations go to standard output (or `--out`), the report of what was not carried over and what LHC does differently to standard error.", ["import-lhc", "--rows", "lhc-export.json", "--time-zone", "Europe/Vilnius"]],
];

/**
 * Runs the session and returns the page.
 *
 * @example
 * const page = cliTranscript(); // => "# The beckon command …"
 */
export function cliTranscript(): string {
  const parts = [
    "# The `beckon` command: a session",
    "",
    "Produced by `scripts/cli-transcript.ts` on the files in [test/cli/files](../test/cli/files); `npm test` checks that",
    "this page still matches what the command prints. Exit codes: 0 all is well, 1 findings or invalid input, 2 a",
    "usage error.",
    "",
  ];
  for (const [why, args, lines] of SESSION) {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/index.ts"), ...args], {
      cwd: files,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    const full = `${run.stdout}${run.stderr}`.trimEnd();
    const output = lines === undefined ? full : [...full.split("\n").slice(0, lines), "…"].join("\n");
    parts.push(why, "", "```console", `$ npx beckon ${args.join(" ")}`, output, `$ echo $?`, String(run.status), "```", "");
  }
  return `${parts.join("\n").trimEnd()}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(root, "docs", "cli.md"), cliTranscript());
  console.log("wrote docs/cli.md");
}
