/**
 * A fixed journey played through the same harness as the random runs, with every law checked. It keeps the steps
 * that once caught findings F1–F6 in src (fixed since), so each stays covered as a regression:
 * F1 a second Show moves no other record — not even an older, never-shown one of the same invitation;
 * F2 a chat consumes the current invitation, so a nextOnUrlChange release can no longer end the chat's pause;
 * F3 a new session keeps an expired-but-unsettled invitation, so its expiry's pause still applies (while its session
 *    exclusion ends with the session it expired in);
 * F4 Show after expiresAt moves no record;
 * F5 applyDecision records the expiry of the invitation it replaces (its session exclusion);
 * F6 recheckAt for a timeOnSite threshold is never late by float noise.
 */
import type { LifecycleWorld } from "../arbitraries/lifecycle.js";
import {
  Advance,
  ChatEnd,
  ChatStart,
  Check,
  Close,
  Convert,
  LogEvent,
  PageView,
  Show,
  WaitForRecheck,
  type Step,
} from "./commands.js";

/** The world of the fixed replay: distinct positions (no hash ties), each invitation the vehicle of some findings. */
export const REPLAY_WORLD: LifecycleWorld = {
  visitorId: "v1",
  invitations: [
    // Closed, then consumed by a chat before the visitor leaves its pages (F2).
    {
      id: "a",
      position: 0,
      urls: ["/pricing*"],
      urlBound: true,
      nextOnUrlChange: true,
      hideForSessionAfterClose: true,
      cooldownSeconds: 120,
      conversion: { event: "ordered", withinSeconds: 600 },
      message: "Hello from a",
    },
    // Time-on-site threshold (F6), withdrawn then shown twice (F1), hidden after its page-view limit.
    {
      id: "b",
      position: 1,
      timeOnSite: 5,
      urls: ["!/blog*"],
      urlBound: true,
      showLimit: 2,
      cooldownSeconds: 60,
      conversion: { event: "signup", withinSeconds: 3600 },
      message: "Hello from b",
    },
    // Expires, is shown after expiry (F4), replaced while unsettled (F5).
    {
      id: "c",
      position: 2,
      events: [{ event: "viewed", minCount: 1 }],
      hideForSessionAfterClose: true,
      expiresAfterSeconds: 30,
      cooldownSeconds: 0,
      conversion: { event: "ordered", withinSeconds: 600 },
      message: "Hello from c",
    },
    // Expires with a long cooldown, then a new session starts (F3).
    {
      id: "d",
      position: 3,
      oncePerVisitor: true,
      hideForSessionAfterClose: true,
      expiresAfterSeconds: 60,
      cooldownSeconds: 3600,
      message: "Hello from d",
    },
  ],
  definitions: [{ name: "viewed", storeTimeoutSeconds: 1 }, { name: "ordered" }],
  options: { suppressAfterCloseSeconds: 300, suppressAfterChatSeconds: 60 },
  start: Date.parse("2026-11-26T09:00:00Z"),
  startUrl: "https://example.com/",
};

const page = (path: string): PageView => new PageView(`https://example.com${path}`);

export const REPLAY: readonly Step[] = [
  new Advance(4999), // F6: at 4.999 s on site the probe wants b at 5 s: recheckAt is exactly 1 ms away
  new Advance(1),
  new Check(), // b (record 0)
  page("/blog"), // b withdrawn, its record 0 stays "sent"
  page("/"),
  new Check(), // b again, in the same millisecond (record 1)
  new Show(), // record 1 "shown"
  new Show(), // F1: nothing moves; record 0, of the same invitation and instant, stays "sent"
  page("/pricing"),
  page("/pricing/plans"), // b hidden past showLimit 2: paused 60 s
  new Check(),
  new WaitForRecheck(-1),
  new Check(),
  new WaitForRecheck(0),
  new Check(), // a, the very millisecond the pause ends
  new Show(),
  new Close(), // a paused 120 s, excluded for the session
  new Advance(10_000),
  new ChatStart(), // F2: the chat consumes the closed a; the state's pause is now the longer of both
  new Advance(10_000),
  page("/blog"), // F2: a is gone, so nothing is released and no pause ends
  new Check(),
  new ChatEnd(),
  new Check(),
  new WaitForRecheck(0), // the chat pause is over, a's close pause is not
  new LogEvent({ name: "viewed" }),
  new Check(),
  new WaitForRecheck(0),
  new Check(), // c
  new Advance(30_000), // c expires, nothing settles it
  new Show(), // F4: c is no longer on screen, its record stays "sent"
  new Check(), // F5: d replaces the unsettled c, whose expiry excludes it for the session
  new Advance(60_000), // d expires: pause for an hour
  new Advance(1_800_001),
  page("/"), // F3: a new session keeps the unsettled expiry of d and its pause, not its session exclusion
  new Check(),
  new WaitForRecheck(0),
  new Check(), // the new session lifted c's exclusion; b outranks it, with 30 min on site
  new Convert("ordered"),
  new Convert("ORDERED"),
  new Close(),
  new Check(),
];

/** What each Check of the replay decides. */
export const REPLAY_TRACE: readonly string[] = [
  "selected:b",
  "selected:b",
  "none:suppressed",
  "none:suppressed",
  "selected:a",
  "none:chat_active",
  "none:recent_chat",
  "none:suppressed",
  "selected:c",
  "selected:d",
  "none:suppressed",
  "selected:b",
  "none:suppressed",
];
