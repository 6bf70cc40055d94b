// The laws of the event log (docs/api.md: Events): recordEvent is a pure reducer whose outcome says exactly what it did, store
// timeout 0 keeps one record per name (and value), and pruneEvents never changes what evaluation decides.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/conditions/text.js";
import { pruneEvents } from "../../src/events/prune-events.js";
import { recordEvent } from "../../src/events/record-event.js";
import { evaluate, explain, safeParseInvitations } from "../../src/index.js";
import type { EventDefinition, VisitorEvent } from "../../src/types.js";
import { BASE_MS, optionsArb, visitorArb } from "./arbitraries/engine.js";
import {
  definitionsArb,
  eventArb,
  eventInvitationsArb,
  eventOnlyInvitationsArb,
  logArb,
  maxPerNameArb,
  reportsArb,
} from "./arbitraries/events.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

type ReportedEvent = { name: string; value?: string };

/** The log after every report in turn, starting from no log. */
function replay(definitions: readonly EventDefinition[], reports: { event: ReportedEvent; now: number }[]) {
  return reports.reduce<VisitorEvent[]>((log, { event, now }) => recordEvent(log, definitions, event, now).log, []);
}

/** Often {@link BASE_MS} itself (where the generated logs put records on window edges), else close to it. */
const nowArb = fc
  .oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: -20, max: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: -600, max: 600 }) },
  )
  .map((s) => BASE_MS + s * 1000);

/** Instants from `now` on: the same instant, window edges in whole seconds, and arbitrary later ones. */
const laterArb = fc.array(fc.oneof(fc.constantFrom(1, 1000, 60_000, 1_800_000, 3_600_000), fc.nat(8_000_000)), {
  maxLength: 3,
});

const pruneInputArb = fc.record({
  invitations: fc.oneof(eventInvitationsArb, eventOnlyInvitationsArb),
  visitor: fc.oneof(visitorArb, fc.constant({ id: "v1" })),
  events: logArb,
  now: nowArb,
  later: laterArb,
  maxPerName: maxPerNameArb,
  options: optionsArb,
});

const pruneOptions = (maxPerName: number | undefined) => (maxPerName === undefined ? {} : { maxPerName });

/** The record an event becomes: the definition's name, the instant, and the event's value if it has one. */
function recordOf(definitions: readonly EventDefinition[], event: ReportedEvent, at: number) {
  const name = definitions.find((d) => normalizeText(d.name) === normalizeText(event.name))?.name;
  return event.value === undefined ? { name, at } : { name, at, value: event.value };
}

describe("recordEvent (properties)", () => {
  it("never mutates its inputs (deep-frozen inputs give the same result)", () => {
    fc.assert(
      fc.property(definitionsArb(), logArb, eventArb, nowArb, (definitions, log, event, now) => {
        const expected = recordEvent(structuredClone(log), structuredClone(definitions), structuredClone(event), now);
        const frozen = deepFreeze(structuredClone({ log, definitions, event }));
        expect(recordEvent(frozen.log, frozen.definitions, frozen.event, now)).toEqual(expected);
        expect(frozen).toEqual({ log, definitions, event });
      }),
    );
  });

  it("with store timeout 0 a log it builds never holds two records of one name (and value, with filterByValue)", () => {
    fc.assert(
      fc.property(definitionsArb([0, undefined]), reportsArb, (definitions, reports) => {
        const log = replay(definitions, reports);
        const keys = log.map((record) => {
          const definition = definitions.find((d) => normalizeText(d.name) === normalizeText(record.name));
          return JSON.stringify([normalizeText(record.name), definition?.filterByValue === true ? record.value : null]);
        });
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it("says appended exactly when the log grew by one record, the event's, at the end", () => {
    fc.assert(
      fc.property(definitionsArb(), logArb, eventArb, nowArb, (definitions, log, event, now) => {
        const result = recordEvent(log, definitions, event, now);
        const grew = result.log.length === log.length + 1 && log.every((record, i) => result.log[i] === record);
        expect(result.outcome === "appended").toBe(grew);
        if (grew) expect(result.log.at(-1)).toEqual(recordOf(definitions, event, now));
      }),
    );
  });

  it("says refreshed exactly when the log kept its length and exactly one record changed, into the event's", () => {
    fc.assert(
      fc.property(definitionsArb(), logArb, eventArb, nowArb, (definitions, log, event, now) => {
        const result = recordEvent(log, definitions, event, now);
        const changed = result.log.flatMap((record, i) => (record === log[i] ? [] : [record]));
        const refreshed = result.log.length === log.length && changed.length === 1;
        expect(result.outcome === "refreshed").toBe(refreshed);
        if (refreshed) expect(changed[0]).toEqual(recordOf(definitions, event, now));
      }),
    );
  });

  it("says unknown_event exactly when no definition has the event's name, and then returns the log itself", () => {
    fc.assert(
      fc.property(definitionsArb(), logArb, eventArb, nowArb, (definitions, log, event, now) => {
        const result = recordEvent(log, definitions, event, now);
        const known = definitions.some((d) => normalizeText(d.name) === normalizeText(event.name));
        expect(result.outcome === "unknown_event").toBe(!known);
        if (!known) expect(result.log).toBe(log);
      }),
    );
  });
});

describe("pruneEvents (properties)", () => {
  it("generated invitation sets with event conditions are valid", () => {
    fc.assert(
      fc.property(fc.oneof(eventInvitationsArb, eventOnlyInvitationsArb), (invitations) => {
        const parsed = safeParseInvitations(invitations);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }),
    );
  });

  it("never changes a decision, now or at any later instant", () => {
    fc.assert(
      fc.property(pruneInputArb, ({ invitations, visitor, events, now, later, maxPerName, options }) => {
        const pruned = { ...visitor, events: pruneEvents(events, invitations, now, pruneOptions(maxPerName)) };
        const full = { ...visitor, events };
        for (const t of [now, ...later.map((ms) => now + ms)]) {
          expect(evaluate(invitations, pruned, t, options)).toEqual(evaluate(invitations, full, t, options));
        }
      }),
    );
  });

  it("never changes an explanation at the instant it pruned for", () => {
    fc.assert(
      fc.property(pruneInputArb, ({ invitations, visitor, events, now, maxPerName, options }) => {
        const pruned = { ...visitor, events: pruneEvents(events, invitations, now, pruneOptions(maxPerName)) };
        expect(explain(invitations, pruned, now, options)).toEqual(
          explain(invitations, { ...visitor, events }, now, options),
        );
      }),
    );
  });

  it("keeps a subsequence of the log, in order, and never mutates it", () => {
    fc.assert(
      fc.property(pruneInputArb, ({ invitations, events, now, maxPerName }) => {
        const frozen = deepFreeze(structuredClone(events));
        const pruned = pruneEvents(frozen, invitations, now, pruneOptions(maxPerName));
        let from = 0;
        for (const record of pruned) {
          const found = frozen.indexOf(record, from);
          expect(found).toBeGreaterThanOrEqual(from);
          from = found + 1;
        }
        expect(frozen).toEqual(events);
      }),
    );
  });

  it("is idempotent: pruning a pruned log changes nothing", () => {
    fc.assert(
      fc.property(pruneInputArb, ({ invitations, events, now, maxPerName }) => {
        const once = pruneEvents(events, invitations, now, pruneOptions(maxPerName));
        expect(pruneEvents(once, invitations, now, pruneOptions(maxPerName))).toEqual(once);
      }),
    );
  });
});
