import fc from "fast-check";
import type { Journey, JourneyStep } from "../config/journey-schema.js";
import type { Invitation } from "../types.js";
import { arbitraryVisitor } from "./arbitrary-visitor.js";
import { pageForPattern } from "./page-for-pattern.js";
import { PAGES, TESTING_BASE_MS } from "./vocabulary.js";

/** What the journey arbitrary may be told. */
export interface JourneyArbitraryOptions {
  /** The journey starts at this instant (epoch ms). Default 2026-11-26T10:00Z. */
  readonly around?: number;
  /** Aim at these invitations: the visitor is aimed at them, and pages, events and conversions come from them often. */
  readonly aimedAt?: readonly Invitation[];
  /** At most this many steps. Default 12. */
  readonly maxSteps?: number;
}

const triggerArb = fc.oneof(
  fc.constant({ type: "exitIntent" as const }),
  fc.constantFrom(5, 30).map((seconds) => ({ type: "idle" as const, seconds })),
);

function stepArb(pages: readonly string[], events: readonly string[], goals: readonly string[]): fc.Arbitrary<JourneyStep> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.constantFrom("30s", "5m", "1h", "1h30m")).map((wait) => ({ do: "wait" as const, for: wait })) },
    { weight: 3, arbitrary: fc.constantFrom(...pages).map((url) => ({ do: "page" as const, url })) },
    { weight: 2, arbitrary: fc.constantFrom(...events).map((name) => ({ do: "event" as const, name })) },
    { weight: 1, arbitrary: fc.constantFrom({ do: "shown" as const }, { do: "closed" as const }, { do: "chatStarted" as const }) },
    { weight: 1, arbitrary: fc.constantFrom(...goals).map((event) => ({ do: "conversion" as const, event })) },
    { weight: 1, arbitrary: fc.constantFrom("45m", "2h", "1d").map((after) => ({ do: "newSession" as const, after })) },
    { weight: 1, arbitrary: triggerArb.map((trigger) => ({ do: "trigger" as const, trigger })) },
  );
}

/**
 * A valid journey for `beckon simulate` (`safeParseJourney` accepts every one): a start, a fresh visitor (no state)
 * and up to `maxSteps` steps — waits, page views, events, the widget's shown / closed / chat started, conversions,
 * new sessions and triggers. Given `aimedAt`, the visitor is aimed at those invitations and the pages, event names
 * and conversion goals come from their conditions.
 *
 * @example
 * fc.sample(arbitraryJourney({ maxSteps: 2 }), 1)
 * // => [{ start: 1795687200000, visitor: { id: "v2", … }, steps: [{ do: "wait", for: "5m" }, { do: "shown" }] }]
 */
export function arbitraryJourney(options: JourneyArbitraryOptions = {}): fc.Arbitrary<Journey> {
  const around = options.around ?? TESTING_BASE_MS;
  const set = options.aimedAt ?? [];
  const pages = [...PAGES.filter((page) => page !== ""), ...set.flatMap((i) => (i.urls ?? []).flatMap((p) => pageForPattern(p) ?? []))];
  const events = ["login_failed", "birthday", ...set.flatMap((i) => (i.events ?? []).map((e) => e.event))];
  const goals = ["ordered", "signup", ...set.flatMap((i) => (i.conversion === undefined ? [] : [i.conversion.event]))];
  const visitorOptions = options.aimedAt === undefined ? { around } : { around, aimedAt: options.aimedAt };
  return fc.record({
    start: fc.constantFrom(around, new Date(around).toISOString()),
    visitor: arbitraryVisitor(visitorOptions).map(({ state: _state, ...visitor }) => visitor),
    steps: fc.array(stepArb(pages, events, goals), { maxLength: options.maxSteps ?? 12 }),
  });
}
