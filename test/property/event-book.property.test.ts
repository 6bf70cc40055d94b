// The event book (src/events/event-book.ts) is a shortcut and nothing more: looking a name up in it finds the
// definition `recordEvent` finds by normalising every name (the first whose normal form matches), and logging or
// pruning through it gives what the public functions give.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/conditions/text.js";
import { bookedEvent, eventBook, normalName } from "../../src/events/event-book.js";
import { pruneBookedEvents, pruneEvents } from "../../src/events/prune-events.js";
import { recordBookedEvent, recordEvent } from "../../src/events/record-event.js";
import { compile } from "../../src/index.js";
import type { EventDefinition } from "../../src/types.js";
import { BASE_MS } from "./arbitraries/engine.js";
import { eventInvitationsArb, logArb } from "./arbitraries/events.js";

/** Names in several spellings, so definitions collide after normalising and events find them spelled otherwise. */
const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("login_failed", "Login_Failed", " LOGIN_FAILED", "viewed", "VIEWED ", "birthday", "Birthday", "Ä", "ä", " ä ", "scroll") },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Definitions as a caller may hand them over: duplicates after normalising, and the same name twice, included. */
const definitionsArb: fc.Arbitrary<EventDefinition[]> = fc.array(
  fc.record(
    {
      name: nameArb,
      storeTimeoutSeconds: fc.constantFrom(0, 1, 60),
      filterByValue: fc.boolean(),
    },
    { requiredKeys: ["name"] },
  ),
  { maxLength: 6 },
);

const eventArb = fc.record({ name: nameArb, value: fc.constantFrom("a", "b") }, { requiredKeys: ["name"] });

describe("the event book", () => {
  it("finds the definition recordEvent's own search finds, with the name's normal form", () => {
    fc.assert(
      fc.property(definitionsArb, nameArb, (definitions, name) => {
        const key = normalizeText(name);
        const expected = definitions.find((definition) => normalizeText(definition.name) === key);
        const booked = bookedEvent(eventBook(definitions), name);
        expect(booked?.definition).toBe(expected);
        if (booked !== undefined) expect(booked.key).toBe(key);
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives every name the normal form normalizeText gives it", () => {
    fc.assert(
      fc.property(definitionsArb, fc.oneof(nameArb, fc.string()), (definitions, name) => {
        expect(normalName(eventBook(definitions), name)).toBe(normalizeText(name));
      }),
      { numRuns: 2_000 },
    );
  });

  it("logs an event as recordEvent does, handing back the very log it was given when nothing changes", () => {
    fc.assert(
      fc.property(definitionsArb, logArb, eventArb, fc.integer({ min: -600, max: 600 }), (definitions, log, event, s) => {
        const now = BASE_MS + s * 1000;
        const expected = recordEvent(log, definitions, event, now);
        const booked = recordBookedEvent(log, eventBook(definitions), event, now);
        expect(booked).toEqual(expected);
        expect(booked.log === log).toBe(expected.log === log);
      }),
      { numRuns: 2_000 },
    );
  });

  it("prunes a log as pruneEvents does", () => {
    fc.assert(
      fc.property(eventInvitationsArb, definitionsArb, logArb, fc.integer({ min: -600, max: 600 }), (invitations, definitions, log, s) => {
        const ruleset = compile(invitations);
        const now = BASE_MS + s * 1000;
        expect(pruneBookedEvents(log, ruleset, now, eventBook(definitions))).toEqual(pruneEvents(log, ruleset, now));
      }),
      { numRuns: 500 },
    );
  });

  it("reads the definitions once: a later change to the array is not seen", () => {
    const definitions: EventDefinition[] = [{ name: "viewed" }];
    const book = eventBook(definitions);
    definitions.push({ name: "login_failed" });
    expect(bookedEvent(book, "login_failed")).toBeUndefined();
    expect(bookedEvent(book, " Viewed ")?.definition).toBe(definitions[0]);
  });
});
