/**
 * The reference model of the visitor lifecycle, written from README (Events, The visitor's life) and README (never by calling beckon): its
 * data, the lookups every part of it shares, and the close and expiry that several host calls end in. The host calls
 * themselves are in transitions.ts; what the rules before selection decide is in expectation.ts.
 */
import type { ConversionRecord, Invitation, VisitorEvent } from "../../../src/index.js";
import { PAGES, URL_PATTERNS, type LifecycleWorld, type Page } from "../arbitraries/lifecycle.js";

/** Only page views are activity: a page view more than this long after the previous one starts a new session. */
export const SESSION_GAP_MS = 30 * 60_000;

/** How an invitation on screen stopped being on screen with a pause (a chat is not a close: it has no cooldown). */
export type CloseCause = "closed" | "expired" | "limit";

export interface ModelCurrent {
  id: string;
  variationId: string;
  assignedAt: number;
  shownPageviews: number;
  expiresAt?: number;
  closedAt?: number;
  /** Index of this assignment's conversion record, or null. */
  record: number | null;
}

/** One close, expiry, page-view-limit hide or release of an invitation: what law 3 checks against. */
export interface CloseMark {
  id: string;
  at: number;
  until: number;
  session: number;
  /** A nextOnUrlChange release ended this close's pause early (its session exclusion still holds). */
  cooldownVoid: boolean;
}

export interface Model {
  world: LifecycleWorld;
  byId: ReadonlyMap<string, Invitation>;
  now: number;
  url: string;
  lastActivity: number;
  timeOnSite: number;
  visits: number;
  session: number;
  chatActive: boolean;
  lastChatAt: number | undefined;
  current: ModelCurrent | null;
  closePauseEnd: number;
  closes: CloseMark[];
  seenOnce: Set<string>;
  sessionExcluded: Set<string>;
  events: VisitorEvent[];
  conversions: ConversionRecord[];
  lastRecheckAt: number | null;
}

export function newModel(world: LifecycleWorld): Model {
  return {
    world,
    byId: new Map(world.invitations.map((inv) => [inv.id, inv])),
    now: world.start,
    url: world.startUrl,
    lastActivity: world.start,
    timeOnSite: 0,
    visits: 1,
    session: 1,
    chatActive: false,
    lastChatAt: undefined,
    current: null,
    closePauseEnd: Number.NEGATIVE_INFINITY,
    closes: [],
    seenOnce: new Set(),
    sessionExcluded: new Set(),
    events: [],
    conversions: [],
    lastRecheckAt: null,
  };
}

export function invitationOf(m: Model, id: string): Invitation {
  const inv = m.byId.get(id);
  if (inv === undefined) throw new Error(`model: unknown invitation ${id}`);
  return inv;
}

export function cooldownMsOf(m: Model, inv: Invitation): number {
  return (inv.cooldownSeconds ?? m.world.options.suppressAfterCloseSeconds) * 1000;
}

export function chatPauseEnd(m: Model): number {
  if (m.lastChatAt === undefined) return Number.NEGATIVE_INFINITY;
  return m.lastChatAt + m.world.options.suppressAfterChatSeconds * 1000;
}

export function pageOf(url: string): Page {
  const page = PAGES.find((p) => p.url === url);
  if (page === undefined) throw new Error(`model: unknown page ${url}`);
  return page;
}

export function urlsAllow(urls: readonly string[] | undefined, page: Page): boolean {
  if (urls === undefined || urls.length === 0) return true;
  const test = (pattern: string): boolean => (URL_PATTERNS[pattern] as (p: Page) => boolean)(page);
  const positive = urls.filter((u) => !u.startsWith("!"));
  const negative = urls.filter((u) => u.startsWith("!"));
  return (positive.length === 0 || positive.some(test)) && !negative.some(test);
}

export const norm = (text: string): string => text.trim().toLowerCase();

/** Marks the current invitation closed at `at`, with its pause, exclusion and once-rule. */
export function closeInModel(m: Model, at: number, cause: CloseCause): void {
  const current = m.current;
  if (current === null || current.closedAt !== undefined) return;
  const inv = invitationOf(m, current.id);
  current.closedAt = at;
  const until = at + cooldownMsOf(m, inv);
  m.closePauseEnd = Math.max(m.closePauseEnd, until);
  m.closes.push({ id: inv.id, at, until, session: m.session, cooldownVoid: false });
  if (inv.hideForSessionAfterClose === true) m.sessionExcluded.add(inv.id);
  if (cause === "closed" && inv.oncePerVisitor === true) m.seenOnce.add(inv.id);
}

/**
 * Expiry is a fact of time: the model applies it as soon as the clock reaches expiresAt, in the session running
 * then — whenever src gets round to recording it.
 */
export function settleModel(m: Model): void {
  const current = m.current;
  if (current === null || current.closedAt !== undefined || current.expiresAt === undefined) return;
  if (current.expiresAt > m.now) return;
  closeInModel(m, current.expiresAt, "expired");
}

export function lastMarkOf(m: Model, id: string): CloseMark | undefined {
  return m.closes.filter((mark) => mark.id === id).at(-1);
}

/** Moves the record of one assignment (never another record of the same invitation) when its status allows. */
export function moveRecord(m: Model, index: number | null, to: "shown" | "closed" | "chatStarted"): void {
  const record = index === null ? undefined : m.conversions[index];
  if (record === undefined) return;
  const allowed = to === "shown" ? record.status === "sent" : record.status === "sent" || record.status === "shown";
  if (allowed) record.status = to;
}
