import fc from "fast-check";
import type { Invitation, Visitor } from "../types.js";
import { aimVisitor } from "./aim-visitor.js";
import { arbitraryState } from "./arbitrary-state.js";
import { compact, rarely } from "./optional.js";
import { ATTRIBUTE_KEYS, DEPARTMENTS, IDENTIFIERS, LANGUAGES, PAGES, TAGS, TESTING_BASE_MS } from "./vocabulary.js";

/** What the visitor arbitrary may be told. */
export interface VisitorArbitraryOptions {
  /** Events, chats, previous visits and states are generated before this instant (epoch ms). Default 2026-11-26T10:00Z. */
  readonly around?: number;
  /**
   * Aim at these invitations: four visitors in five are built to meet one of them (picked at random) at `around`,
   * the fifth is an ordinary one. Without it, visitors are drawn from the vocabularies `arbitraryInvitations` uses.
   */
  readonly aimedAt?: readonly Invitation[];
}

function attributeValue(around: number) {
  return fc.oneof(
    fc.constantFrom("pro", "basic", "I need help", "helpdesk pricing", "<script>alert(1)</script>", "{nick}"),
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: -400, max: 400 }).map((d) => Math.floor(around / 1000) + d),
    fc.constant(null),
  );
}

function ordinaryVisitor(around: number): fc.Arbitrary<Visitor> {
  return fc
    .record(
      {
        id: fc.constantFrom("v1", "v2", "v3", "visitor-42"),
        timeOnSite: fc.integer({ min: 0, max: 60 }),
        pageviews: fc.integer({ min: 1, max: 4 }),
        visits: fc.integer({ min: 1, max: 3 }),
        url: fc.constantFrom(...PAGES),
        referrer: fc.constantFrom("", "https://www.google.com/search", "bing.com/x"),
        language: fc.constantFrom("", ...LANGUAGES),
        locale: fc.constantFrom("", "lt-LT", "en-US"),
        identifier: fc.constantFrom("", ...IDENTIFIERS),
        department: fc.constantFrom(...DEPARTMENTS),
        tags: fc.subarray([...TAGS]),
        device: fc.constantFrom("desktop" as const, "mobile" as const, "tablet" as const),
        attributes: fc.dictionary(fc.constantFrom(...ATTRIBUTE_KEYS), attributeValue(around), { maxKeys: 4 }),
        visibleAttributes: fc.dictionary(fc.constantFrom("city", "note"), attributeValue(around), { maxKeys: 2 }),
        events: fc.array(
          fc.record({ name: fc.constantFrom("login_failed", "birthday"), at: fc.integer({ min: -3600, max: 0 }).map((s) => around + s * 1000) }),
          { maxLength: 5 },
        ),
        chat: fc
          .record({
            active: rarely(fc.boolean(), 4),
            lastStartedAt: rarely(fc.integer({ min: 1, max: 200 }).map((h) => around - h * 3_600_000), 2),
            nick: rarely(fc.constantFrom("Ann", "<b>Bob</b>"), 1),
          })
          .map(compact),
        lastVisitAt: fc.integer({ min: 1, max: 7200 }).map((s) => around - s * 1000),
        state: rarely(arbitraryState({ around }), 2),
      },
      { requiredKeys: ["id"] },
    )
    .map(compact);
}

/**
 * A valid visitor snapshot (`parseVisitor` accepts every one): time on site, pages, language, tags, attributes, an
 * event log, a chat history and sometimes a state, around `around`. Given `aimedAt`, most visitors meet one of those
 * invitations' conditions (see {@link VisitorArbitraryOptions.aimedAt}), so a property about what a set does for its
 * visitors is not tested only on visitors it ignores.
 *
 * @example
 * fc.assert(fc.property(arbitraryVisitor({ aimedAt: invitations }), (visitor) => {
 *   const decision = evaluate(ruleset, visitor, TESTING_BASE_MS);
 *   return decision.status !== "selected" || decision.invitation.id !== "pricing-help" || visitor.url?.includes("/pricing");
 * }));
 */
export function arbitraryVisitor(options: VisitorArbitraryOptions = {}): fc.Arbitrary<Visitor> {
  const around = options.around ?? TESTING_BASE_MS;
  const ordinary = ordinaryVisitor(around);
  const targets = options.aimedAt ?? [];
  if (targets.length === 0) return ordinary;
  const aimed = fc
    .tuple(ordinary, fc.constantFrom(...targets).chain((invitation) => aimVisitor(invitation, around)))
    .map(([visitor, fields]): Visitor => {
      const { state: _state, lastVisitAt: _lastVisitAt, ...rest } = visitor;
      return { ...rest, ...fields };
    });
  return fc.oneof({ weight: 1, arbitrary: ordinary }, { weight: 4, arbitrary: aimed });
}
