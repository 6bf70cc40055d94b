/**
 * `beckon/testing`: fast-check arbitraries for the property tests of code that uses beckon — invitation sets,
 * visitors (optionally aimed at a set, so they meet its conditions), states, evaluation options, instants and journeys
 * for `beckon simulate`. They draw from small shared vocabularies, so generated visitors and invitations meet often.
 * fast-check is an optional peer dependency: install it (`npm install -D fast-check`) to use this entry point.
 * docs/testing.md shows the properties users write with them.
 *
 * @example
 * import fc from "fast-check";
 * import { evaluate } from "beckon";
 * import { arbitraryInstant, arbitraryVisitor } from "beckon/testing";
 *
 * fc.assert(fc.property(arbitraryVisitor({ aimedAt: invitations }), arbitraryInstant(), (visitor, at) => {
 *   const decision = evaluate(ruleset, visitor, at);
 *   return decision.status !== "selected" || decision.invitation.id !== "pricing-help" || visitor.url?.includes("/pricing");
 * }));
 */
export type { InvitationArbitraryOptions } from "./arbitrary-invitations.js";
export type { VisitorArbitraryOptions } from "./arbitrary-visitor.js";
export type { JourneyArbitraryOptions } from "./arbitrary-journey.js";
export type { Journey, JourneyStep } from "../config/journey-schema.js";
export { TESTING_BASE_MS } from "./vocabulary.js";
export { arbitraryInvitation, arbitraryInvitations } from "./arbitrary-invitations.js";
export { arbitrarySchedule } from "./arbitrary-schedule.js";
export { arbitraryVisitor } from "./arbitrary-visitor.js";
export { aimVisitor } from "./aim-visitor.js";
export { pageForPattern } from "./page-for-pattern.js";
export { arbitraryState } from "./arbitrary-state.js";
export { arbitraryEvaluateOptions } from "./arbitrary-evaluate-options.js";
export { arbitraryInstant } from "./arbitrary-instant.js";
export { arbitraryJourney } from "./arbitrary-journey.js";
