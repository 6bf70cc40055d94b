/**
 * Arbitraries for the event log (docs/semantics.md: Events): a small vocabulary of names written in several spellings, so definitions,
 * conditions and records meet often; stored instants on whole seconds around {@link BASE_MS}, so records land exactly
 * on window and store-timeout edges; and invitation sets from the engine arbitraries given richer event conditions.
 */
import fc from "fast-check";
import type { EventCondition, EventDefinition, Invitation, VisitorEvent } from "../../../src/types.js";
import { BASE_MS, invitationsArb } from "./engine.js";

/** The names definitions and conditions use; events and records may also say `scroll`, which none of them knows. */
const NAMES = ["birthday", "login_failed", "viewed"] as const;

/** How a website may spell a name when it logs it. */
const SPELLINGS: Record<string, readonly string[]> = {
  birthday: ["birthday", "Birthday", " BIRTHDAY "],
  login_failed: ["login_failed", "Login_Failed"],
  viewed: ["viewed", "VIEWED"],
  scroll: ["scroll"],
};

const spelledNameArb: fc.Arbitrary<string> = fc
  .constantFrom(...NAMES, "scroll")
  .chain((name) => fc.constantFrom(...(SPELLINGS[name] ?? [name])));

const valueArb: fc.Arbitrary<string | undefined> = fc.option(fc.constantFrom("a", "b", "A"), { nil: undefined });

/** `{ name, value? }` without a key holding `undefined`. */
const withValue = <T extends { name: string }>(base: T, value: string | undefined): T & { value?: string } =>
  value === undefined ? base : { ...base, value };

/** An event as the website reports it. */
export const eventArb: fc.Arbitrary<{ name: string; value?: string }> = fc
  .tuple(spelledNameArb, valueArb)
  .map(([name, value]) => withValue({ name }, value));

/** A valid definition list: each name at most once, spelled as configured. */
export const definitionsArb = (
  storeTimeouts: readonly (number | undefined)[] = [undefined, 0, 1, 60],
): fc.Arbitrary<EventDefinition[]> =>
  fc.subarray([...NAMES]).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .record({ storeTimeoutSeconds: fc.constantFrom(...storeTimeouts), filterByValue: fc.option(fc.boolean()) })
          .map(({ storeTimeoutSeconds, filterByValue }) => ({
            name,
            ...(storeTimeoutSeconds === undefined ? {} : { storeTimeoutSeconds }),
            ...(filterByValue === null ? {} : { filterByValue }),
          })),
      ),
    ),
  );

/** Milliseconds between two reports: under a second and a half, or whole seconds up to 90. */
const stepArb = fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 90 }).map((s) => s * 1000));

/** Events reported in turn, each with the instant it arrived (steps of 0–90 s, sub-second ones frequent). */
export const reportsArb: fc.Arbitrary<{ event: { name: string; value?: string }; now: number }[]> = fc
  .array(fc.tuple(eventArb, stepArb), { maxLength: 25 })
  .map((steps) => {
    let now = BASE_MS;
    return steps.map(([event, step]) => ({ event, now: (now += step) }));
  });

/** Seconds from {@link BASE_MS}: mostly the last few minutes, where short windows still count them, or on an edge. */
const offsetArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -180, max: 15 }) },
  { weight: 2, arbitrary: fc.integer({ min: -7200, max: 600 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, -2, -59, -60, -61, -1799, -1800, -1801, -3599, -3600, -3601) },
);

/** A stored log: any order, ties and records after {@link BASE_MS} included. */
export const logArb: fc.Arbitrary<VisitorEvent[]> = fc.array(
  fc
    .tuple(spelledNameArb, offsetArb, valueArb)
    .map(([name, seconds, value]) => withValue({ name, at: BASE_MS + seconds * 1000 }, value)),
  { maxLength: 24 },
);

/** An event condition on one of the names, windows on and around the instants {@link logArb} uses. */
export const eventConditionArb: fc.Arbitrary<EventCondition> = fc
  .record({
    event: spelledNameArb,
    minCount: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 5 })),
    withinSeconds: fc.option(fc.constantFrom(0, 1, 60, 1800, 3600), { nil: undefined }),
  })
  .map(({ withinSeconds, ...rest }) => (withinSeconds === undefined ? rest : { ...rest, withinSeconds }));

/** A valid invitation set whose standard and inject invitations often carry up to three event conditions. */
export const eventInvitationsArb: fc.Arbitrary<Invitation[]> = invitationsArb.chain((invitations) =>
  fc.tuple(
    ...invitations.map((invitation) =>
      invitation.kind === "dynamic"
        ? fc.constant(invitation)
        : fc
            .array(eventConditionArb, { maxLength: 3 })
            .map((events) => (events.length === 0 ? invitation : { ...invitation, events })),
    ),
  ),
);

/** Invitations with event conditions and nothing else to fail on, so the log alone often decides. */
export const eventOnlyInvitationsArb: fc.Arbitrary<Invitation[]> = fc
  .array(
    fc.record({
      position: fc.integer({ min: 0, max: 2 }),
      enabled: fc.constantFrom(true, true, true, false),
      events: fc.array(eventConditionArb, { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((invitations) => invitations.map((invitation, i) => ({ id: `ev-${i}`, message: "Hi", ...invitation })));

/** The `maxPerName` option: absent, or small enough to cut into {@link logArb}. */
export const maxPerNameArb: fc.Arbitrary<number | undefined> = fc.option(fc.integer({ min: 0, max: 4 }), {
  nil: undefined,
});
