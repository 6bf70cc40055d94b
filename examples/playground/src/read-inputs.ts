/** Reads the page's fields into what beckon evaluates, or the issues that stop it, each at its path in its field. */
import {
  safeParseInvitations,
  safeParseJourney,
  safeParseVisitor,
  type ConfigIssue,
  type EvaluateOptions,
  type Invitation,
  type Journey,
  type Visitor,
} from "beckon";
import type { Field, PlaygroundTexts } from "./example.js";

/** One problem with a field: where in it (`[0].urls[1]`, `(root)`), what, and beckon's issue code. */
export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/** The issues of every field (an empty list for a field that is fine). */
export type FieldIssues = Record<Field, FieldIssue[]>;

/** What one evaluation takes. */
export interface Scenario {
  invitations: Invitation[];
  visitor: Visitor;
  at: number;
  options: EvaluateOptions;
}

/** The fields read: the scenario when the first four are fine, the journey when the steps are too. */
export interface Reading {
  scenario: Scenario | null;
  journey: Journey | null;
  issues: FieldIssues;
}

/**
 * Parses every field and validates it with beckon's own parsers (`safeParseInvitations`, `safeParseVisitor`,
 * `safeParseJourney`), collecting every issue rather than stopping at the first.
 *
 * @example
 * readInputs({ ...EXAMPLE, invitations: '[{ "id": "a" }]' }).issues.invitations
 * // => [{ path: "[0].message", message: "missing, expected a string", code: "required" }]
 */
export function readInputs(texts: PlaygroundTexts): Reading {
  const invitations = readJson(texts.invitations, readInvitations);
  const visitor = readJson(texts.visitor, safeParseVisitor);
  const at = readInstant(texts.instant);
  const options = readJson(texts.options, readOptions);
  const issues: FieldIssues = {
    invitations: invitations.issues,
    visitor: visitor.issues,
    instant: at.issues,
    options: options.issues,
    steps: [],
  };
  if (invitations.value === null || visitor.value === null || at.value === null || options.value === null) {
    // The journey needs the visitor and the instant; its text can still be checked for being JSON.
    issues.steps = readJson(texts.steps, (steps) => ({ success: true, data: steps })).issues;
    return { scenario: null, journey: null, issues };
  }
  const scenario = { invitations: invitations.value, visitor: visitor.value, at: at.value, options: options.value };
  const journey = readJson(texts.steps, (steps) => safeParseJourney({ start: scenario.at, visitor: scenario.visitor, steps }));
  issues.steps = journey.issues;
  return { scenario, journey: journey.value, issues };
}

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: readonly ConfigIssue[] } };

interface Read<T> {
  value: T | null;
  issues: FieldIssue[];
}

function readJson<T>(text: string, parse: (value: unknown) => Parsed<T>): Read<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { value: null, issues: [{ path: "(root)", message: `not JSON: ${(error as Error).message}`, code: "invalid_json" }] };
  }
  const parsed = parse(value);
  if (parsed.success) return { value: parsed.data, issues: [] };
  return { value: null, issues: parsed.error.issues.map((issue) => ({ ...issue, path: formatPath(issue.path) })) };
}

/**
 * An invitations file in either form: the list itself, or `{ "$schema": "…", "invitations": [ … ] }` (the form that
 * lets an editor find beckon's schema); issues of the wrapped list are at their path in the file.
 */
function readInvitations(value: unknown): Parsed<Invitation[]> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, "invitations")) {
    return safeParseInvitations(value);
  }
  const file = value as Record<string, unknown>;
  const extra = Object.keys(file).filter((key) => key !== "$schema" && key !== "invitations");
  const parsed = safeParseInvitations(file["invitations"]);
  if (parsed.success && extra.length === 0) return parsed;
  const issues: ConfigIssue[] = extra.map((key) => ({ code: "unknown_key", path: [key], message: `unknown key ${JSON.stringify(key)}` }));
  if (!parsed.success) issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: ["invitations", ...issue.path] })));
  return { success: false, error: { issues } };
}

/** Every option evaluation reads: the compiler checks this list against `EvaluateOptions`. */
const OPTION_KEYS: Record<keyof EvaluateOptions, true> = {
  operatorsOnline: true,
  requireOperatorOnline: true,
  suppressAfterCloseSeconds: true,
  suppressAfterChatSeconds: true,
  timeZone: true,
  escape: true,
  defaultOperatorName: true,
  seed: true,
  trigger: true,
};

/**
 * The options' shape and keys: evaluation ignores a key it does not know, so a misspelt one is reported here. Their
 * values are checked by evaluation itself (`invalid_options`, see `runScenario`).
 */
function readOptions(value: unknown): Parsed<EvaluateOptions> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { success: false, error: { issues: [{ code: "invalid_type", path: [], message: "expected an object" }] } };
  }
  const unknown = Object.keys(value).filter((key) => !Object.hasOwn(OPTION_KEYS, key));
  if (unknown.length === 0) return { success: true, data: value as EvaluateOptions };
  const issues = unknown.map((key) => ({ code: "unknown_key" as const, path: [key], message: `unknown option ${JSON.stringify(key)}` }));
  return { success: false, error: { issues } };
}

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 instant with its offset (without one it would be this browser's local time), or epoch ms. */
function readInstant(text: string): Read<number> {
  const trimmed = text.trim();
  const ms = /^-?\d+$/.test(trimmed) ? Number(trimmed) : OFFSET.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15) return { value: ms, issues: [] };
  const message = `expected an ISO 8601 instant with an offset, such as "2026-12-02T20:00:00+02:00" or "2026-12-02T18:00:00Z", or epoch milliseconds; got ${JSON.stringify(text)}`;
  return { value: null, issues: [{ path: "(root)", message, code: "invalid_value" }] };
}

/** `[3].schedule.days.mon[0].end`, as beckon's own messages write a path; `(root)` for the whole value. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(root)";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}
