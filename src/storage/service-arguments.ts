import { readClock } from "../clock.js";
import { safeParseVisitor } from "../config/safe-parse-visitor.js";
import { MAX_VISITOR_STRING_LENGTH } from "../config/visitor-limits.js";
import { ConfigError, type ConfigIssue } from "../errors.js";
import type { Clock, Visitor } from "../types.js";

// The service's calls take what a widget or a website sent, so each argument is checked before it reaches storage:
// a bad one rejects the call with a ConfigError naming it, never a TypeError from deep inside, and nothing a later
// evaluation would refuse is ever stored (an event value over the visitor string cap would spoil every later check).

/**
 * The visitor snapshot a `check` call was given, validated as `parseVisitor` validates it.
 *
 * @example
 * serviceVisitor({ id: "v1", url: "/pricing" }) // => { id: "v1", url: "/pricing" }
 * serviceVisitor(null)                          // throws ConfigError: (root): expected a visitor object …
 */
export function serviceVisitor(value: unknown): Visitor {
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
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(["event"], "invalid_type", "expected an object { name, value? }");
  }
  const event = value as { name?: unknown; value?: unknown };
  const name = text(event.name, ["event", "name"], false);
  const given = event.value;
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
 * The per-call options object: absent, or a plain object.
 *
 * @example
 * serviceOptions(undefined) // => {}
 */
export function serviceOptions<T extends object>(value: T | undefined): T | Record<string, never> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(["options"], "invalid_type", "expected an options object");
  }
  return value;
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

function invalid(path: (string | number)[], code: ConfigIssue["code"], message: string): ConfigError {
  return new ConfigError([{ code, path, message }], "arguments");
}
