/**
 * The journey format `beckon simulate` plays (docs/journey.md): a start instant, a visitor snapshot and steps.
 * Journeys arrive as files from anyone, so every part is bounded: the number of steps, each duration, and the
 * strings and lists of the snapshot as in `parseVisitor`.
 */
import * as z from "zod/mini";
import type { Trigger, Visitor } from "../types.js";
import { describeValue } from "./describe-value.js";
import { expected } from "./expected.js";
import { nonEmptyStringSchema, numberSchema, optional, stringSchema } from "./field-schemas.js";
import { triggerSchema } from "./invitation-schema.js";
import { parseDuration } from "./parse-duration.js";
import { parseIsoInstant } from "./parse-iso-instant.js";
import { reportIssue } from "./report-issue.js";
import { visitorSchema } from "./visitor-schema.js";

/** The most steps a journey may have: 1 000. */
export const MAX_JOURNEY_STEPS = 1_000;

/** The longest single duration in a journey (a wait, a new session's absence) and `--until`: 366 days, in ms. */
export const MAX_JOURNEY_DURATION_MS = 366 * 86_400_000;

/** A session ends after this long without activity (the service's rule): a new session's absence must be longer. */
const SESSION_TIMEOUT_MS = 1_800_000;

/** The latest (and, negated, earliest) instant a `Date` can hold, in epoch ms. */
export const MAX_INSTANT_MS = 8.64e15;

/** A duration: seconds as a number, or text such as `"90s"`, `"5m"`, `"1h30m"` (see `parseDuration`). */
export type Duration = number | string;

/** One thing that happens in a journey, told apart by `do`. */
export type JourneyStep =
  | { do: "wait"; for: Duration }
  | { do: "page"; url: string; referrer?: string; title?: string }
  | { do: "event"; name: string; value?: string }
  | { do: "shown" }
  | { do: "closed" }
  | { do: "chatStarted" }
  | { do: "conversion"; event: string }
  | { do: "newSession"; after?: Duration; url?: string; referrer?: string; title?: string }
  | { do: "trigger"; trigger: Trigger };

/** A visitor's journey: where it starts, who the visitor is then, and what happens after. */
export interface Journey {
  /** ISO 8601 instant with an offset (`"2026-12-02T09:00:00Z"`), or epoch ms. */
  start: string | number;
  visitor: Visitor;
  steps: JourneyStep[];
}

/**
 * The milliseconds a valid duration stands for (a number is seconds).
 *
 * @example
 * durationMs(90)     // => 90000
 * durationMs("1h")   // => 3600000
 */
export function durationMs(duration: Duration): number {
  return typeof duration === "number" ? duration * 1000 : (parseDuration(duration) ?? Number.NaN);
}

/**
 * The epoch ms of a valid journey start.
 *
 * @example
 * startMs("2026-12-02T18:00:00Z") // => 1796234400000
 */
export function startMs(start: string | number): number {
  return typeof start === "number" ? start : Date.parse(start);
}

const DURATION = 'a duration: seconds as a number, or text such as "90s", "5m", "1h30m"';

/** A duration of at least `minMs` (exclusive when `above`) and at most {@link MAX_JOURNEY_DURATION_MS}. */
function durationSchema(minMs: number, above: boolean, minText: string) {
  return z.union([numberSchema, stringSchema], { error: expected(DURATION) }).check(
    z.superRefine((value, ctx) => {
      const ms = durationMs(value);
      if (Number.isNaN(ms)) return reportIssue(ctx, "invalid_value", `expected ${DURATION}, got ${describeValue(value)}`);
      if (above ? ms <= minMs : ms < minMs) {
        const code = ms < 0 ? "negative_number" : "too_small";
        return reportIssue(ctx, code, `expected a duration ${minText}, got ${describeValue(value)}`);
      }
      if (ms > MAX_JOURNEY_DURATION_MS) reportIssue(ctx, "too_big", `expected a duration of at most 366 days, got ${describeValue(value)}`);
    }),
  );
}

const INSTANT = "an ISO 8601 instant with an offset (2026-12-02T09:00:00Z, …+02:00) or epoch milliseconds";

/** The start: an instant a `Date` can hold, never local time of whatever machine runs the simulation. */
const startSchema = z.union([numberSchema, stringSchema], { error: expected(INSTANT) }).check(
  z.superRefine((value, ctx) => {
    const ms = typeof value === "number" ? value : (parseIsoInstant(value) ?? Number.NaN);
    if (!Number.isFinite(ms) || Math.abs(ms) > MAX_INSTANT_MS) reportIssue(ctx, "invalid_date", `expected ${INSTANT}, got ${describeValue(value)}`);
  }),
);

const pageFields = { url: stringSchema, referrer: optional(stringSchema), title: optional(stringSchema) };

/**
 * One step, by its `do`.
 *
 * @example
 * journeyStepSchema.safeParse({ do: "wait", for: "30s" }).success // => true
 */
export const journeyStepSchema = z.discriminatedUnion("do", [
  z.strictObject({ do: z.literal("wait"), for: durationSchema(0, false, "≥ 0") }),
  z.strictObject({ do: z.literal("page"), ...pageFields }),
  z.strictObject({ do: z.literal("event"), name: nonEmptyStringSchema, value: optional(stringSchema) }),
  z.strictObject({ do: z.literal("shown") }),
  z.strictObject({ do: z.literal("closed") }),
  z.strictObject({ do: z.literal("chatStarted") }),
  z.strictObject({ do: z.literal("conversion"), event: nonEmptyStringSchema }),
  z.strictObject({
    do: z.literal("newSession"),
    after: optional(durationSchema(SESSION_TIMEOUT_MS, true, "of more than 30 minutes (a session ends after 30 minutes without activity)")),
    url: optional(stringSchema),
    referrer: optional(stringSchema),
    title: optional(stringSchema),
  }),
  z.strictObject({ do: z.literal("trigger"), trigger: triggerSchema }),
]);

/**
 * A journey, exactly the `Journey` interface: nothing defaulted, unknown keys refused.
 *
 * @example
 * journeySchema.safeParse({ start: 0, visitor: { id: "v" }, steps: [] }).success // => true
 */
export const journeySchema = z.strictObject(
  {
    start: startSchema,
    visitor: visitorSchema,
    steps: z.array(journeyStepSchema, { error: expected("an array of steps") }).check(
      z.maxLength(MAX_JOURNEY_STEPS, { error: (issue) => `expected at most ${MAX_JOURNEY_STEPS} steps, got ${(issue.input as unknown[]).length}` }),
    ),
  },
  { error: expected("a journey object { start, visitor, steps }") },
);

// The schema's output is the hand-written type, both ways: the compiler fails here when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SAME: Same<z.output<typeof journeySchema>, Journey> = true;
void SAME;
