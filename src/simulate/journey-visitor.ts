import { isNewSession } from "../state/is-new-session.js";
import type { Visitor } from "../types.js";

/**
 * The snapshot a host sends at each check of a journey (docs/journey.md, "The visitor snapshot"): time on site grows
 * with the clock, a page view moves `url` to `previousUrl` and counts, and a check more than 30 minutes after the
 * last one is a new session, as the service counts sessions (visits + 1, time on site from 0, one page view,
 * `lastVisitAt` the last check). The state and event log are the service's, not the snapshot's.
 */
export class JourneyVisitor {
  private snapshot: Visitor;
  private sessionStart: number;
  private secondsBefore: number;
  private lastCheckAt: number | undefined;

  constructor(visitor: Visitor, start: number) {
    const { state: _state, events: _events, ...rest } = visitor;
    this.snapshot = rest;
    this.sessionStart = start;
    this.secondsBefore = visitor.timeOnSite ?? 0;
  }

  /** The visitor moves to a page; counted at the next check. */
  visit(url: string | undefined, referrer: string | undefined, keepPrevious: boolean): void {
    const { previousUrl: _previous, ...rest } = this.snapshot;
    const previousUrl = keepPrevious ? this.snapshot.url : undefined;
    this.snapshot = {
      ...rest,
      ...(previousUrl === undefined ? {} : { previousUrl }),
      ...(url === undefined ? {} : { url }),
      ...(referrer === undefined ? {} : { referrer }),
    };
  }

  /** A chat started now. */
  chatStarted(now: number): void {
    this.snapshot = { ...this.snapshot, chat: { ...this.snapshot.chat, lastStartedAt: now } };
  }

  /** The snapshot for a check at `now`, and whether that check begins a new session. */
  check(now: number, pageView: boolean, first: boolean): { visitor: Visitor; newSession: boolean } {
    const newSession = this.lastCheckAt !== undefined && isNewSession(this.lastCheckAt, now);
    if (newSession) {
      this.snapshot = { ...this.snapshot, visits: (this.snapshot.visits ?? 1) + 1, lastVisitAt: this.lastCheckAt as number, pageviews: 1 };
      this.sessionStart = now;
      this.secondsBefore = 0;
    } else if (pageView && !first) {
      this.snapshot = { ...this.snapshot, pageviews: (this.snapshot.pageviews ?? 1) + 1 };
    }
    this.lastCheckAt = now;
    this.snapshot = { ...this.snapshot, timeOnSite: this.secondsBefore + (now - this.sessionStart) / 1000 };
    return { visitor: this.snapshot, newSession };
  }

  /** The current page, if the snapshot has one. */
  get url(): string | null {
    return this.snapshot.url ?? null;
  }
}
