import type { ConfigIssue } from "../config/config-error.js";
import { evaluate, type EvaluateOptions } from "../index.js";
import { didYouMean } from "./did-you-mean.js";

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
