import type { ConfigIssue } from "../config/config-error.js";
import { evaluate, type EvaluateOptions } from "../index.js";
import { didYouMean } from "./did-you-mean.js";
import { InputError, type CliIo } from "./io.js";
import { issueLines, label, readJson } from "./read-json.js";

/** What each evaluation option must be, as the problems say it (docs/api.md: Evaluation options). */
const EXPECTED: { readonly [K in keyof Required<EvaluateOptions>]: string } = {
  operatorsOnline: "a list of operators, each { id, name?, departments? }",
  requireOperatorOnline: "true or false",
  suppressAfterCloseSeconds: "seconds, a number of at least 0",
  suppressAfterChatSeconds: "seconds, a number of at least 0",
  timeZone: "an IANA time zone such as Europe/Vilnius",
  escape: '"html" or "none"',
  defaultOperatorName: "a text",
  seed: "a text",
  trigger: '{ "type": "exitIntent" } or { "type": "idle", "seconds": … }',
};

const KNOWN = Object.keys(EXPECTED);

/** Does evaluation take this one option? It checks options before anything else, so an empty set answers. */
const usable = (key: string, value: unknown): boolean => evaluate([], { id: "v" }, 0, { [key]: value }).reason !== "invalid_options";

/**
 * The problems of an evaluation options file, each with its path: a key that is no option (with the option it
 * probably meant), and each option evaluation would refuse — `null` too, which JSON writes for a value left out by
 * mistake and which would otherwise silently mean the default. Empty when `evaluate` takes the options as written.
 *
 * @example
 * optionsFileIssues({ timeZon: "Europe/Vilnius" }) // => [{ code: "unknown_key", path: ["timeZon"], message: 'unknown option; did you mean "timeZone"?' }]
 * optionsFileIssues({ timeZone: "Mars/Base" })     // => [{ code: "invalid_value", path: ["timeZone"], message: "expected an IANA time zone such as Europe/Vilnius" }]
 */
export function optionsFileIssues(options: Readonly<Record<string, unknown>>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (!KNOWN.includes(key)) {
      const meant = didYouMean(key, KNOWN);
      issues.push({ code: "unknown_key", path: [key], message: `unknown option${meant === undefined ? "" : `; did you mean "${meant}"?`}` });
    } else if (value === null || !usable(key, value)) {
      issues.push({ code: "invalid_value", path: [key], message: `expected ${EXPECTED[key as keyof EvaluateOptions]}` });
    }
  }
  return issues;
}

/**
 * A command's `--options` file (none: no options): the options, and its problems as lines for the command's report
 * ({@link optionsFileIssues}; none when `evaluate` takes them as written). A file that is not a JSON object is
 * refused at once.
 *
 * @example
 * const { options, problems } = await readOptionsFile(io, "options.json");
 */
export async function readOptionsFile(io: CliIo, path: string | undefined): Promise<{ options: EvaluateOptions; problems: string[] }> {
  if (path === undefined) return { options: {}, problems: [] };
  const given = await readJson(io, path);
  if (typeof given !== "object" || given === null || Array.isArray(given)) throw new InputError(`${label(path)}: expected an options object`);
  const issues = optionsFileIssues(given as Record<string, unknown>);
  return { options: given as EvaluateOptions, problems: issues.length === 0 ? [] : issueLines(path, issues) };
}
