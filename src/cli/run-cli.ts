import { Command, CommanderError } from "commander";
import { explainCommand } from "./explain-command.js";
import { parseInstant } from "./format-instant.js";
import { EXIT, InputError, UsageError, type CliIo } from "./io.js";
import { importLhcCommand, type ImportLhcOptions } from "./import-lhc-command.js";
import { lintCommand } from "./lint-command.js";
import { simulateCommand } from "./simulate-command.js";
import { parseDuration } from "../config/parse-duration.js";
import { MAX_JOURNEY_DURATION_MS } from "../config/journey-schema.js";
import { schemaCommand } from "./schema-command.js";
import { validateCommand } from "./validate-command.js";

/** The version the executable reports; the package's own. */
declare const BECKON_VERSION: string | undefined;

/**
 * Runs the `beckon` command line on `argv` (the words after the program name) and resolves its exit code: 0 when
 * all is well, 1 for findings or invalid input, 2 for a usage error. Nothing in here exits the process or reads it:
 * the executable hands in its streams, tests hand in strings.
 *
 * @example
 * await runCli(["validate", "invitations.json"], io) // => 0
 */
export async function runCli(argv: readonly string[], io: CliIo, now: () => number = Date.now): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("beckon")
    .description("Check, explain, simulate and lint proactive chat invitations (beckon).")
    .version(typeof BECKON_VERSION === "string" ? BECKON_VERSION : "development", "-v, --version")
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command("validate")
    .description("validate an invitations file (and event definitions): every problem with its path, code and message")
    .argument("<invitations>", "invitations JSON file, or - for standard input")
    .option("--events <file>", "event definitions JSON file")
    .option("--json", "print JSON instead of text")
    .action(async (file: string, options: { events?: string; json?: boolean }) => {
      code = await validateCommand(io, file, options);
    });

  program
    .command("explain")
    .description("the decision for a visitor, and why each invitation did or did not win")
    .argument("<invitations>", "invitations JSON file, or - for standard input")
    .argument("<visitor>", "visitor snapshot JSON file")
    .option("--at <instant>", "the instant: ISO 8601 with Z or an offset, or epoch milliseconds (default: now)")
    .option("--options <file>", "evaluation options JSON file (time zone, operators online, …)")
    .option("--trigger <trigger>", "a dynamic trigger that fired: exitIntent or idle:<seconds>")
    .option("--json", "print JSON instead of text")
    .action(async (invitations: string, visitor: string, options: { at?: string; options?: string; trigger?: string; json?: boolean }) => {
      const at = options.at === undefined ? now() : atOption(options.at);
      code = await explainCommand(io, { invitations, visitor, at, ...pick(options, "options", "trigger", "json") });
    });

  program
    .command("simulate")
    .description("play a visitor's journey over time: one line per check with what happened, the decision and the next recheckAt")
    .argument("<invitations>", "invitations JSON file, or - for standard input")
    .argument("<journey>", "journey JSON file (docs/journey.md), or - for standard input")
    .option("--until <duration>", "after the last step, keep rechecking at each recheckAt until this long after the start (90s, 30m, 1h30m, 2d)")
    .option("--options <file>", "evaluation options JSON file (time zone, operators online, …)")
    .option("--events <file>", "event definitions JSON file, for the journey's events")
    .option("--json", "print the timeline as JSON instead of text")
    .action(async (invitations: string, journey: string, options: { until?: string; options?: string; events?: string; json?: boolean }) => {
      const untilMs = options.until === undefined ? undefined : parseDuration(options.until);
      if (options.until !== undefined && (untilMs === undefined || untilMs > MAX_JOURNEY_DURATION_MS)) {
        throw new UsageError(`--until must be a duration of at most 366 days such as 90s, 30m, 1h30m or 2d, not ${JSON.stringify(options.until)}`);
      }
      code = await simulateCommand(io, { invitations, journey, ...(untilMs === undefined ? {} : { untilMs }), ...pick(options, "options", "events", "json") });
    });

  program
    .command("lint")
    .description("find what validation accepts but is probably a mistake: invitations that can never be shown (shadowed, never active, contradictory), dead or slow patterns, ties, missing translations, unsafe placeholders")
    .argument("<invitations>", "invitations JSON file, or - for standard input")
    .option("--at <instant>", "judge schedules from this instant: ISO 8601 with Z or an offset, or epoch milliseconds (default: now)")
    .option("--json", "print JSON instead of text")
    .action(async (file: string, options: { at?: string; json?: boolean }) => {
      const at = options.at === undefined ? now() : atOption(options.at);
      code = await lintCommand(io, { file, at, ...pick(options, "json") });
    });

  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of an invitations file, for editors and form builders")
    .option("--out <file>", "write it to this file instead")
    .option("--json", "accepted as by every command: the schema is JSON already")
    .action(async (options: { out?: string; json?: boolean }) => {
      code = await schemaCommand(io, pick(options, "out"));
    });

  program
    .command("import-lhc")
    .description("import Live Helper Chat's proactive invitations from its database (or its rows as JSON), with a report of what differs")
    .option("--mysql <url>", "a live LHC database: mysql://user:password@host:3306/database (needs the mysql2 package)")
    .option("--rows <file>", "LHC's rows exported as JSON: { invitations, departments, events, variables }")
    .option("--prefix <prefix>", "LHC's table prefix", "lh_")
    .option("--time-zone <zone>", "the IANA time zone LHC's server runs its schedules in (e.g. Europe/Vilnius)")
    .option("--out <file>", "write the invitations here (default: standard output, the report then on standard error)")
    .option("--events-out <file>", "write the event definitions here")
    .option("--strict", "exit 1 when anything could not be carried over exactly")
    .option("--json", "print the report as JSON instead of text (where the text would go)")
    .action(async (options: ImportLhcOptions) => {
      code = await importLhcCommand(io, options);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    return failure(error, io);
  }
}

function failure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with code 0; commander has already written what it had to say.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.err(`beckon: ${error.message}\n(add --help for usage)\n`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    io.err(`${error.message}\n`);
    return EXIT.findings;
  }
  throw error;
}

/** `--at`, or the usage error saying what it must be. */
function atOption(text: string): number {
  const at = parseInstant(text);
  if (at === undefined) throw new UsageError(`--at must be epoch milliseconds or an ISO 8601 instant with Z or an offset (2026-12-02T18:00:00Z, 2026-12-02T20:00:00+02:00), not ${JSON.stringify(text)}`);
  return at;
}

function pick<T extends object, K extends keyof T>(value: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
