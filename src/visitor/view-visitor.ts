import { referrerHost } from "../conditions/referrer-host.js";
import { normalizeDepartment, normalizeText } from "../conditions/text.js";
import { normalizePage, type PageUrl } from "../conditions/normalize-page.js";
import type {
  AttributeValue,
  CurrentInvitation,
  Device,
  InvitationState,
  Visitor,
  VisitorEvent,
} from "../types.js";

/**
 * A visitor snapshot normalised once per evaluation, so each condition compares ready-made values. Fields the
 * snapshot leaves out, or gives in an unusable form, take their documented default (SPEC §3): evaluation treats
 * garbage like missing data and never throws.
 */
export interface VisitorView {
  id: string;
  timeOnSite: number;
  pageviews: number;
  visits: number;
  page: PageUrl | null;
  referrerHost: string;
  language: string;
  locale: string;
  identifier: string;
  department: string | undefined;
  tags: ReadonlySet<string>;
  device: Device;
  attributes: Readonly<Record<string, AttributeValue>>;
  visibleAttributes: Readonly<Record<string, AttributeValue>>;
  /** Event timestamps by normalised event name, oldest first. */
  events: ReadonlyMap<string, readonly number[]>;
  chatActive: boolean;
  lastChatAt: number | undefined;
  nick: string | undefined;
  lastVisitAt: number | undefined;
  /** From `visitor.state` (SPEC §8). */
  current: CurrentInvitation | undefined;
  suppressedUntil: number | undefined;
  sessionExcluded: ReadonlySet<string>;
  seenOnce: ReadonlySet<string>;
}

const EMPTY: Readonly<Record<string, AttributeValue>> = Object.freeze({});
const DEVICES: ReadonlySet<string> = new Set(["desktop", "mobile", "tablet"]);

/**
 * Normalises a visitor snapshot, or returns `null` when it is not a visitor at all (not an object, or no string id).
 *
 * @example
 * viewVisitor({ id: "v1", language: " ENG " })?.language // => "eng"
 */
export function viewVisitor(visitor: Visitor): VisitorView | null {
  if (typeof visitor !== "object" || visitor === null || typeof visitor.id !== "string") return null;
  const chat = isObject(visitor.chat) ? visitor.chat : {};
  return {
    id: visitor.id,
    timeOnSite: nonNegative(visitor.timeOnSite, 0),
    pageviews: nonNegative(visitor.pageviews, 1),
    visits: nonNegative(visitor.visits, 1),
    page: typeof visitor.url === "string" ? normalizePage(visitor.url) : null,
    referrerHost: typeof visitor.referrer === "string" ? referrerHost(visitor.referrer) : "",
    language: text(visitor.language),
    locale: typeof visitor.locale === "string" ? visitor.locale.trim() : "",
    identifier: text(visitor.identifier),
    department: department(visitor.department),
    tags: new Set(Array.isArray(visitor.tags) ? visitor.tags.filter(isString).map(normalizeText) : []),
    device: typeof visitor.device === "string" && DEVICES.has(visitor.device) ? visitor.device : "desktop",
    attributes: isObject(visitor.attributes) ? visitor.attributes : EMPTY,
    visibleAttributes: isObject(visitor.visibleAttributes) ? visitor.visibleAttributes : EMPTY,
    events: indexEvents(visitor.events),
    chatActive: chat.active === true,
    lastChatAt: finite(chat.lastStartedAt),
    nick: typeof chat.nick === "string" ? chat.nick : undefined,
    lastVisitAt: finite(visitor.lastVisitAt),
    ...viewState(visitor.state),
  };
}

type StateView = Pick<VisitorView, "current" | "suppressedUntil" | "sessionExcluded" | "seenOnce">;

function viewState(state: InvitationState | undefined): StateView {
  const s: Partial<InvitationState> = isObject(state) ? state : {};
  return {
    current: viewCurrent(s.current),
    suppressedUntil: finite(s.suppressedUntil),
    sessionExcluded: stringSet(s.sessionExcluded),
    seenOnce: stringSet(s.seenOnce),
  };
}

/** The current invitation with every unusable field dropped (or `undefined` when it names no invitation). */
function viewCurrent(current: unknown): CurrentInvitation | undefined {
  if (!isObject(current)) return undefined;
  const c = current as Partial<CurrentInvitation>;
  if (typeof c.invitationId !== "string") return undefined;
  const closedAt = finite(c.closedAt);
  const expiresAt = finite(c.expiresAt);
  return {
    invitationId: c.invitationId,
    variationId: typeof c.variationId === "string" ? c.variationId : c.invitationId,
    assignedAt: finite(c.assignedAt) ?? 0,
    shownPageviews: finite(c.shownPageviews) ?? 0,
    ...(closedAt === undefined ? {} : { closedAt }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
}

function stringSet(values: unknown): ReadonlySet<string> {
  return new Set(Array.isArray(values) ? values.filter(isString) : []);
}

function indexEvents(events: readonly VisitorEvent[] | undefined): ReadonlyMap<string, readonly number[]> {
  const byName = new Map<string, number[]>();
  if (!Array.isArray(events)) return byName;
  for (const event of events as unknown[]) {
    if (!isObject(event)) continue;
    const { name, at } = event as Partial<VisitorEvent>;
    if (typeof name !== "string" || finite(at) === undefined) continue;
    const key = normalizeText(name);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [at as number]);
    else list.push(at as number);
  }
  for (const list of byName.values()) list.sort((a, b) => a - b);
  return byName;
}

function department(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return normalizeDepartment(value);
  if (typeof value === "string" && value.trim() !== "") return normalizeDepartment(value);
  return undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? normalizeText(value) : "";
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isObject(value: unknown): value is Record<string, never> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
