import { normalizePage, type PageUrl } from "../conditions/normalize-page.js";
import { referrerHost } from "../conditions/referrer-host.js";
import { normalizeDepartment, normalizeText } from "../conditions/text.js";
import type {
  AttributeValue,
  CurrentInvitation,
  Device,
  InvitationState,
  Visitor,
  VisitorEvent,
} from "../types.js";

const EMPTY: Readonly<Record<string, AttributeValue>> = Object.freeze({});
const DEVICES: ReadonlySet<string> = new Set(["desktop", "mobile", "tablet"]);

/** The parts of the visitor's state the rules before selection read (SPEC §8). */
export interface StateView {
  current: CurrentInvitation | undefined;
  suppressedUntil: number | undefined;
  sessionExcluded: ReadonlySet<string>;
  seenOnce: ReadonlySet<string>;
}

/**
 * A visitor snapshot normalised for evaluation, so each condition compares ready-made values. Fields the snapshot
 * leaves out, or gives in an unusable form, take their documented default (SPEC §3): evaluation treats garbage like
 * missing data and never throws. The costlier fields (page, referrer, tags, event index) are worked out on first use
 * only: most evaluations never need most of them.
 */
export class VisitorView {
  readonly id: string;
  readonly timeOnSite: number;
  readonly pageviews: number;
  readonly visits: number;
  readonly language: string;
  readonly locale: string;
  readonly identifier: string;
  readonly department: string | undefined;
  readonly device: Device;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly visibleAttributes: Readonly<Record<string, AttributeValue>>;
  readonly chatActive: boolean;
  readonly lastChatAt: number | undefined;
  readonly nick: string | undefined;
  readonly lastVisitAt: number | undefined;
  readonly current: CurrentInvitation | undefined;
  readonly suppressedUntil: number | undefined;
  private readonly raw: Visitor;
  private readonly rawState: Partial<InvitationState>;
  private pageMemo: PageUrl | null | undefined;
  private referrerMemo: string | undefined;
  private tagsMemo: ReadonlySet<string> | undefined;
  private eventsMemo: ReadonlyMap<string, readonly number[]> | undefined;
  private excludedMemo: ReadonlySet<string> | undefined;
  private seenOnceMemo: ReadonlySet<string> | undefined;

  constructor(visitor: Visitor, state?: StateView) {
    const chat = isObject(visitor.chat) ? visitor.chat : {};
    this.raw = visitor;
    this.id = visitor.id;
    this.timeOnSite = nonNegative(visitor.timeOnSite, 0);
    this.pageviews = nonNegative(visitor.pageviews, 1);
    this.visits = nonNegative(visitor.visits, 1);
    this.language = text(visitor.language);
    this.locale = typeof visitor.locale === "string" ? visitor.locale.trim() : "";
    this.identifier = text(visitor.identifier);
    this.department = department(visitor.department);
    this.device = typeof visitor.device === "string" && DEVICES.has(visitor.device) ? visitor.device : "desktop";
    this.attributes = isObject(visitor.attributes) ? visitor.attributes : EMPTY;
    this.visibleAttributes = isObject(visitor.visibleAttributes) ? visitor.visibleAttributes : EMPTY;
    this.chatActive = chat.active === true;
    this.lastChatAt = finite(chat.lastStartedAt);
    this.nick = typeof chat.nick === "string" ? chat.nick : undefined;
    this.lastVisitAt = finite(visitor.lastVisitAt);
    this.rawState = isObject(visitor.state) ? visitor.state : {};
    this.current = state === undefined ? viewCurrent(this.rawState.current) : state.current;
    this.suppressedUntil = state === undefined ? finite(this.rawState.suppressedUntil) : state.suppressedUntil;
    if (state !== undefined) {
      this.excludedMemo = state.sessionExcluded;
      this.seenOnceMemo = state.seenOnce;
    }
  }

  /** The current page as `host/path` and path (SPEC §4.3), or `null` when unknown. */
  get page(): PageUrl | null {
    if (this.pageMemo === undefined) this.pageMemo = typeof this.raw.url === "string" ? normalizePage(this.raw.url) : null;
    return this.pageMemo;
  }

  /** The current page's host (with its port), or `undefined` when the page is unknown or a bare path. */
  get host(): string | undefined {
    const page = this.page;
    if (page === null || page.hostPath === page.path) return undefined;
    const slash = page.hostPath.indexOf("/");
    return slash === -1 ? page.hostPath : page.hostPath.slice(0, slash);
  }

  /** The referrer's host with one leading `www.` stripped (SPEC §4.2), `""` when there is none. */
  get referrerHost(): string {
    this.referrerMemo ??= typeof this.raw.referrer === "string" ? referrerHost(this.raw.referrer) : "";
    return this.referrerMemo;
  }

  /** The visitor's tags, normalised. */
  get tags(): ReadonlySet<string> {
    this.tagsMemo ??= new Set(Array.isArray(this.raw.tags) ? this.raw.tags.filter(isString).map(normalizeText) : []);
    return this.tagsMemo;
  }

  /** Event timestamps by normalised event name, oldest first. */
  get events(): ReadonlyMap<string, readonly number[]> {
    this.eventsMemo ??= indexEvents(this.raw.events);
    return this.eventsMemo;
  }

  /** Invitations excluded for this session. */
  get sessionExcluded(): ReadonlySet<string> {
    this.excludedMemo ??= stringSet(this.rawState.sessionExcluded);
    return this.excludedMemo;
  }

  /** Invitations the visitor closed or chatted from (for `oncePerVisitor`). */
  get seenOnce(): ReadonlySet<string> {
    this.seenOnceMemo ??= stringSet(this.rawState.seenOnce);
    return this.seenOnceMemo;
  }

  /** The same visitor with its state replaced (after an expiry was settled). */
  withState(state: StateView): VisitorView {
    return new VisitorView(this.raw, state);
  }
}

/**
 * Normalises a visitor snapshot, or returns `null` when it is not a visitor at all (not an object, or no string id).
 *
 * @example
 * viewVisitor({ id: "v1", language: " ENG " })?.language // => "eng"
 */
export function viewVisitor(visitor: Visitor): VisitorView | null {
  if (typeof visitor !== "object" || visitor === null || typeof visitor.id !== "string") return null;
  return new VisitorView(visitor);
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

function stringSet(values: unknown): ReadonlySet<string> {
  return new Set(Array.isArray(values) ? values.filter(isString) : []);
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
