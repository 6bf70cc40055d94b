import { readClock } from "../clock.js";
import { quickVisitor } from "../config/quick-visitor.js";
import { safeParseVisitor } from "../config/safe-parse-visitor.js";
import { describeError } from "../config/describe-error.js";
import { readPlain } from "../config/read-plain.js";
import { MAX_VISITOR_STRING_LENGTH } from "../config/visitor-limits.js";
import { ConfigError, type ConfigIssue } from "../config/config-error.js";
import type { Clock, EvaluateOptions, Visitor } from "../types.js";
import type { PurgeOptions } from "./types.js";

// The service's calls take what a widget or a website sent, so each argument is checked before it reaches storage:
// a bad one rejects the call with a ConfigError naming it, never a TypeError from deep inside, and nothing a later
// evaluation would refuse is ever stored (an event value over the visitor string cap would spoil every later check).

/**
 * The visitor snapshot a `check` call was given, validated as `parseVisitor` validates it, as a copy of the service's
 * own: the usual snapshot by hand (`quickVisitor`), anything else by the schema, which lists every problem.
 *
 * @example
 * serviceVisitor({ id: "v1", url: "/pricing" }) // => { id: "v1", url: "/pricing" }
 * serviceVisitor(null)                          // throws ConfigError: (root): expected a visitor object …
 */
export function serviceVisitor(value: unknown): Visitor {
  const quick = quickVisitor(value);
  if (quick !== null) return quick;
  const parsed = safeParseVisitor(value);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/**
 * A visitor id given to a service call: a non-empty string of at most `MAX_VISITOR_STRING_LENGTH` code units.
 *
 * @example
 * serviceVisitorId("v1") // => "v1"
 * serviceVisitorId(42)   // throws ConfigError: visitorId: expected a non-empty string …
 */
export function serviceVisitorId(value: unknown): string {
  return text(value, ["visitorId"], false);
}

/**
 * An event a website logged: `{ name, value? }`, both strings within the visitor string cap, `name` not blank.
 *
 * @example
 * serviceEvent({ name: "login_failed" }) // => { name: "login_failed" }
 * serviceEvent({ name: 5 })              // throws ConfigError: event.name: expected a non-empty string …
 */
export function serviceEvent(value: unknown): { name: string; value?: string } {
  if (!isObject(value, ["event"])) throw invalid(["event"], "invalid_type", "expected an object { name, value? }");
  // Read by name, each once (see serviceCheckOptions).
  const event = value as { name?: unknown; value?: unknown };
  let key = "name";
  let rawName: unknown;
  let given: unknown;
  try {
    rawName = event.name;
    key = "value";
    given = event.value;
  } catch (error) {
    throw unreadable(["event", key], error);
  }
  const name = text(rawName, ["event", "name"], false);
  return given === undefined ? { name } : { name, value: text(given, ["event", "value"], true) };
}

/**
 * A conversion event's name given to `convert`.
 *
 * @example
 * serviceEventName("ordered") // => "ordered"
 */
export function serviceEventName(value: unknown): string {
  return text(value, ["eventName"], true);
}

/**
 * The instant of a call: `at` when given, else the service's clock. A clock that gives no instant rejects the call.
 *
 * @example
 * serviceInstant(1_700_000_000_000, systemClock) // => 1700000000000
 * serviceInstant("soon", systemClock)            // throws ConfigError: at: expected epoch ms, a Date or { now() }
 */
export function serviceInstant(at: Clock | undefined, clock: Clock): number {
  const now = readClock(at ?? clock);
  if (Number.isNaN(now)) {
    throw invalid([at === undefined ? "clock" : "at"], "invalid_value", "expected epoch ms, a Date or { now() } giving one");
  }
  return now;
}

/**
 * The per-call options of `check`, read once into plain values, so nothing a caller's object does later (a getter,
 * a proxy) can reach the service: `pageView` must be a boolean, `at` is read as an instant later, and the evaluation
 * options are copied as plain data (a part that cannot be read is a `ConfigError` naming it).
 *
 * @example
 * serviceCheckOptions({ pageView: true, at: 0 }) // => { pageView: true, at: 0, options: undefined }
 * serviceCheckOptions({ pageView: "yes" })        // throws ConfigError at ["options", "pageView"]
 */
export function serviceCheckOptions(value: unknown): { pageView: boolean; at: Clock | undefined; options: EvaluateOptions | undefined } {
  if (value === undefined) return { pageView: false, at: undefined, options: undefined };
  const given = objectAt(value, ["options"]) as { pageView?: unknown; at?: unknown; options?: unknown };
  // Read by name, each once, rather than through `readFields`: every check comes through here, and a read by a
  // computed key (and the record it fills) costs the engine's generic path each time.
  let key = "pageView";
  let pageView: unknown;
  let at: unknown;
  let options: unknown;
  try {
    pageView = given.pageView;
    key = "at";
    at = given.at;
    key = "options";
    options = given.options;
  } catch (error) {
    throw unreadable(["options", key], error);
  }
  if (pageView !== undefined && typeof pageView !== "boolean") throw invalid(["options", "pageView"], "invalid_type", "expected a boolean");
  const evaluation = options === undefined ? undefined : serviceEvaluateOptions(options, ["options", "options"]);
  return { pageView: pageView === true, at: at as Clock | undefined, options: evaluation };
}

/**
 * Evaluation options given to the service, copied as plain data: every part that cannot be read (a throwing getter,
 * a revoked proxy) or is no data is a `ConfigError` with its path under `path`.
 *
 * @example
 * serviceEvaluateOptions({ operatorsOnline: [] }, ["options"]) // => { operatorsOnline: [] }
 */
export function serviceEvaluateOptions(value: unknown, path: (string | number)[]): EvaluateOptions {
  if (value === undefined) return {};
  const plain = readPlain(objectAt(value, path));
  const issues = [...plain.issues, ...plain.cuts];
  if (!plain.complete || issues.length > 0) {
    throw new ConfigError(issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })), "arguments");
  }
  return plain.value as EvaluateOptions;
}

/** The batch size `purgeVisitors` uses when none is given. */
export const DEFAULT_PURGE_BATCH_SIZE = 1_000;
/** The largest batch size `purgeVisitors` accepts: a step stays a short statement. */
export const MAX_PURGE_BATCH_SIZE = 100_000;

/**
 * The options of `purgeVisitors`, read once: `inactiveForSeconds` a finite number above 0, `batchSize` (default
 * 1 000) a whole number from 1 to 100 000. A bad one rejects with a ConfigError at `["options", name]` before any
 * visitor is touched, on every adapter alike.
 *
 * @example
 * servicePurgeOptions({ inactiveForSeconds: 86_400 }) // => { inactiveForSeconds: 86400, batchSize: 1000 }
 * servicePurgeOptions({ inactiveForSeconds: 0 })      // throws ConfigError at ["options", "inactiveForSeconds"]
 */
export function servicePurgeOptions(value: unknown): Required<PurgeOptions> {
  const path = ["options"];
  const { inactiveForSeconds, batchSize } = readFields(objectAt(value, path), ["inactiveForSeconds", "batchSize"], path);
  if (typeof inactiveForSeconds !== "number" || !Number.isFinite(inactiveForSeconds) || inactiveForSeconds <= 0) {
    throw invalid([...path, "inactiveForSeconds"], "invalid_value", "expected a finite number of seconds above 0");
  }
  if (batchSize === undefined) return { inactiveForSeconds, batchSize: DEFAULT_PURGE_BATCH_SIZE };
  if (typeof batchSize !== "number" || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_PURGE_BATCH_SIZE) {
    throw invalid([...path, "batchSize"], "invalid_value", `expected a whole number from 1 to ${MAX_PURGE_BATCH_SIZE}`);
  }
  return { inactiveForSeconds, batchSize };
}

function objectAt(value: unknown, path: (string | number)[]): object {
  if (!isObject(value, path)) throw invalid(path, "invalid_type", "expected an object");
  return value;
}

/** An object that is no array; a revoked proxy (on which even `Array.isArray` throws) is a ConfigError at `path`. */
function isObject(value: unknown, path: (string | number)[]): value is object {
  if (typeof value !== "object" || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch (error) {
    throw unreadable(path, error);
  }
}

/** Reads the named fields of a caller's object once; a getter or proxy that throws is a ConfigError at `path`. */
function readFields<K extends string>(value: object, keys: readonly K[], path: (string | number)[]): Record<K, unknown> {
  const read = {} as Record<K, unknown>;
  for (const key of keys) {
    try {
      read[key] = (value as Record<string, unknown>)[key];
    } catch (error) {
      throw unreadable([...path, key], error);
    }
  }
  return read;
}

function text(value: unknown, path: (string | number)[], blankAllowed: boolean): string {
  if (typeof value !== "string" || (!blankAllowed && value.trim() === "")) {
    throw invalid(path, "invalid_type", `expected a ${blankAllowed ? "" : "non-empty "}string`);
  }
  if (value.length > MAX_VISITOR_STRING_LENGTH) {
    throw invalid(path, "too_big", `expected a string of at most ${MAX_VISITOR_STRING_LENGTH} UTF-16 code units, got ${value.length}`);
  }
  return value;
}

/** A caller's value that threw when read (a getter, a proxy trap, a revoked proxy), at `path`. */
function unreadable(path: (string | number)[], error: unknown): ConfigError {
  return invalid(path, "invalid_value", `could not be read: ${describeError(error)}`);
}

function invalid(path: (string | number)[], code: ConfigIssue["code"], message: string): ConfigError {
  return new ConfigError([{ code, path, message }], "arguments");
}
