/*
 * Model-based test of the visitor lifecycle (fast-check `fc.commands`): random sequences of the host calls a chat
 * server makes — time passing, page views, events, checks (evaluate + applyDecision), shows, closes, chats and
 * conversions — run against the pure API ("real": visitor + state + event log, the clock, the last activity) and
 * against a small reference model written from README (Events, The visitor's life) and README (never by calling beckon).
 *
 * The model (lifecycle/model.ts, transitions.ts, expectation.ts) tracks: the current invitation (closed or not, when
 * it expires), every close / expiry / page-view-limit hide with its cooldown and session, the pause end from closes,
 * the chat (active, last start), seenOnce, the session exclusions, the session number, time on site, the event log
 * and the conversion records. It predicts everything but the hash choices (a tie between equally ranked invitations,
 * a variation): those it learns from the decision after checking that the choice was allowed. The harness
 * (harness.ts) drives beckon as README's host flow does; the laws are in laws.ts, the commands in commands.ts.
 *
 * DECISIONS (where the README is silent, the model takes these):
 * - Only page views are activity: a new session starts on a page view more than 30 minutes after the previous one.
 * - A reload (the same URL again) counts for showLimit but is not a navigation (no urlBound withdrawal, no release).
 * - A chat consumes the current invitation, open or closed: it leaves the state, without a cooldown and without a
 *   session exclusion (README: only oncePerVisitor applies); the pause is suppressAfterChatSeconds.
 * - A page-view-limit hide and an expiry move no conversion record; only recordShown / recordClosed /
 *   recordChatStarted do, and only the record of the assignment on screen, once per step: a second Show, or a Show
 *   after expiresAt, moves nothing.
 * - nextOnUrlChange ends the pause of the invitation it releases, so that invitation may come back before its
 *   cooldown when the visitor returns to its pages (as LHC does). Law 3's cooldown clause therefore skips a close that
 *   was released; its session clause still holds through the exclusion added on release.
 * - A new session withdraws an invitation on screen unless it has an expiresAt: that one stays until it expires. An
 *   expiry belongs to the session running when the clock reaches expiresAt, recorded or not: its pause outlives the
 *   session, its hideForSessionAfterClose exclusion does not.
 * - An invitation still current in a later session is rendered for the visitor as they are now (a returning
 *   visitor gets its returningMessage), with the variation stored at assignment.
 *
 * The fixed replay (lifecycle/replay.ts) keeps the steps that caught findings F1–F6 in src, now fixed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lifecycleWorldArb } from "./arbitraries/lifecycle.js";
import { commandsArb } from "./lifecycle/commands.js";
import { ALL_LAWS, setup, type Law, type Real } from "./lifecycle/harness.js";
import { REPLAY, REPLAY_TRACE, REPLAY_WORLD } from "./lifecycle/replay.js";

function holds(law: Law): void {
  fc.assert(
    fc.property(lifecycleWorldArb, commandsArb, (world, commands) => {
      fc.modelRun(() => setup(world, new Set([law])), commands);
    }),
  );
}

describe("visitor lifecycle, model-based (fc.commands)", () => {
  it("replays a fixed journey through the same harness with every law checked", () => {
    let real: Real | undefined;
    fc.modelRun(() => {
      const started = setup(structuredClone(REPLAY_WORLD), ALL_LAWS);
      real = started.real;
      return started;
    }, REPLAY);
    expect(real?.trace).toEqual(REPLAY_TRACE);
  });

  it("never holds two current invitations: a Check while one stands keeps it and answers current", () => {
    holds("oneCurrent");
  });

  it("offers nothing while the visitor chats, within the chat pause, or before a close's pause ends", () => {
    holds("quiet");
  });

  it("never offers a closed invitation before its cooldown, after oncePerVisitor, or in its hidden session", () => {
    holds("cooldown");
  });

  it("recheckAt never lies: with only time passing the decision is the same at every instant before it", () => {
    holds("recheck");
  });

  it("reducers and evaluate never mutate their deep-frozen input and return it or a fresh object", () => {
    holds("immutable");
  });

  it("answers status current only for the model's standing invitation, its stored variation and its message", () => {
    holds("currentStatus");
  });

  it("offers the best-ranked invitation the model finds eligible whenever nothing blocks", () => {
    holds("selection");
  });

  it("moves the state exactly as the model does: current, exclusions, seenOnce, conversions and event log", () => {
    holds("model");
  });
});
