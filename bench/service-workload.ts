/**
 * The invitation set and the calls of the service benchmarks (bench/service.ts over real storage, bench/service-cpu.ts
 * without I/O), so both measure the same workload.
 */
import type { Invitation } from "../src/index.js";
import type { Beckon } from "../src/storage/index.js";

export type Workload = "check" | "logEvent" | "session";

/** A small realistic set: a pricing invitation after some time on site, an event invitation, a fallback. */
export const invitations: Invitation[] = [
  { id: "pricing-help", position: 1, urls: ["/pricing*"], timeOnSite: 20, message: "Need help choosing a plan?" },
  {
    id: "login-trouble",
    position: 2,
    events: [{ event: "login_failed", minCount: 3, withinSeconds: 600 }],
    message: "Trouble signing in?",
  },
  { id: "hello", position: 10, pageviews: 2, message: "Hi! Any questions?" },
];
export const events = [{ name: "login_failed", storeTimeoutSeconds: 1 }, { name: "viewed_plan", filterByValue: true }];

export const T0 = Date.UTC(2026, 11, 2, 10);

/** The n-th call a visitor makes in a workload; `session` is a widget's mix over a visit. */
export function call(server: Beckon, workload: Workload, visitorId: string, n: number): Promise<unknown> {
  const at = T0 + n * 5_000;
  const snapshot = { id: visitorId, url: "https://example.com/pricing", timeOnSite: n * 5, pageviews: 1 + (n >> 2) };
  if (workload === "check") return server.check(snapshot, { at });
  if (workload === "logEvent") return server.logEvent(visitorId, { name: "viewed_plan", value: `plan-${n % 3}` }, at);
  switch (n % 8) {
    case 0:
      return server.check(snapshot, { at, pageView: true });
    case 1:
    case 3:
    case 6:
      return server.check(snapshot, { at });
    case 2:
      return server.logEvent(visitorId, { name: "login_failed" }, at);
    case 4:
      return server.shown(visitorId, at);
    case 5:
      return server.closed(visitorId, at);
    default:
      return server.logEvent(visitorId, { name: "viewed_plan", value: `plan-${n % 3}` }, at);
  }
}
