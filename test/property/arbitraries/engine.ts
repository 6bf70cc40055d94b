// Arbitraries for whole-engine properties. They live in src/testing/ (published as beckon/testing), so every run of
// these properties also exercises what users get; the names here are the ones the project's tests always used.
import {
  arbitraryEvaluateOptions,
  arbitraryInstant,
  arbitraryInvitation,
  arbitraryInvitations,
  arbitrarySchedule,
  arbitraryState,
  arbitraryVisitor,
  TESTING_BASE_MS,
} from "../../../src/testing/index.js";

/** 2026-11-26T10:00:00Z, a Thursday: the middle of the instants generated. */
export const BASE_MS = TESTING_BASE_MS;

export const scheduleArb = arbitrarySchedule();

/** One valid invitation with the given id. */
export const invitationArb = (id: string) => arbitraryInvitation(id);

/** A valid invitation set: unique ids, 0–10 invitations. */
export const invitationsArb = arbitraryInvitations();

/** A visitor's lifecycle state: sometimes a current invitation, a suppression, conversion records, exclusions. */
export const stateArb = arbitraryState();

/** A valid visitor snapshot around {@link BASE_MS}. */
export const visitorArb = arbitraryVisitor();

/** Evaluation options, sometimes with operator presence, a seed, a trigger. */
export const optionsArb = arbitraryEvaluateOptions();

/** An evaluation instant within two days of {@link BASE_MS}. */
export const instantArb = arbitraryInstant();
