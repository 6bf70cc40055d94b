import { indexAttributes } from "../conditions/attribute-index.js";
import { normalizePage, type PageUrl } from "../conditions/normalize-page.js";
import type { AttributeSource } from "../conditions/read-attribute-value.js";
import { referrerHost } from "../conditions/referrer-host.js";
import { normalizeDepartment, normalizeText } from "../conditions/text.js";
import { VISITOR_FIELDS } from "../fields.js";
import type {
  AttributeValue,
  ChatHistory,
  CurrentInvitation,
  Device,
  InvitationState,
  Visitor,
  VisitorEvent,
} from "../types.js";
import { checkSnapshot } from "./check-snapshot.js";
import { indexEvents } from "./index-events.js";
import { readSnapshot, type SnapshotFields } from "./read-snapshot.js";
import type { NameSet } from "../lib/name-set.js";

const EMPTY: Readonly<Record<string, AttributeValue>> = Object.freeze({});
// Read-only stand-ins for a missing chat history or state, shared rather than built per view.
const NO_CHAT: Partial<ChatHistory> = Object.freeze({});
const NO_STATE: Partial<InvitationState> = Object.freeze({});
// The documented defaults, read once from the field table rather than on every view.
const TIME_ON_SITE = VISITOR_FIELDS.timeOnSite.default;
const PAGEVIEWS = VISITOR_FIELDS.pageviews.default;
const VISITS = VISITOR_FIELDS.visits.default;
const DEVICE = VISITOR_FIELDS.device.default;

/** The parts of the visitor's state the rules before selection read (docs/api.md: The visitor's life). */
export interface StateView {
  current: CurrentInvitation | undefined;
  suppressedUntil: number | undefined;
  sessionExcluded: ReadonlySet<string>;
  seenOnce: ReadonlySet<string>;
}

/**
 * A visitor snapshot normalised for evaluation, so each condition compares ready-made values. Fields the snapshot
 * leaves out, or gives in an unusable form, take their documented default (docs/api.md: Visitor snapshot): evaluation treats garbage like
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
  private readonly fields: SnapshotFields;
  private readonly rawState: Partial<InvitationState>;
  private pageMemo: PageUrl | null | undefined = undefined;
  private referrerMemo: string | undefined = undefined;
  private tagsMemo: ReadonlySet<string> | undefined = undefined;
  private eventsMemo: ReadonlyMap<string, readonly number[]> | undefined = undefined;
  private excludedMemo: ReadonlySet<string> | undefined = undefined;
  private seenOnceMemo: ReadonlySet<string> | undefined = undefined;
  private attributeMemo: AttributeSource | undefined = undefined;

  /**
   * @param eventNames the normalised event names any condition of the ruleset looks at (`null`: all of them); records
   * of other events are never indexed.
   */
  constructor(
    visitor: Visitor,
    id: string,
    fields: SnapshotFields,
    private readonly eventNames: NameSet | null,
    state?: StateView,
  ) {
    const f = fields;
    const chat = isObject(f.chat) ? (f.chat as Partial<ChatHistory>) : NO_CHAT;
    this.raw = visitor;
    this.fields = f;
    this.id = id;
    this.timeOnSite = nonNegative(f.timeOnSite, TIME_ON_SITE);
    this.pageviews = nonNegative(f.pageviews, PAGEVIEWS);
    this.visits = nonNegative(f.visits, VISITS);
    this.language = text(f.language);
    this.locale = typeof f.locale === "string" ? f.locale.trim() : "";
    this.identifier = text(f.identifier);
    this.department = department(f.department);
    this.device = f.device === "mobile" || f.device === "tablet" ? f.device : DEVICE;
    this.attributes = isObject(f.attributes) ? (f.attributes as Record<string, AttributeValue>) : EMPTY;
    this.visibleAttributes = isObject(f.visibleAttributes) ? (f.visibleAttributes as Record<string, AttributeValue>) : EMPTY;
    this.chatActive = chat.active === true;
    this.lastChatAt = finite(chat.lastStartedAt);
    this.nick = typeof chat.nick === "string" ? chat.nick : undefined;
    this.lastVisitAt = finite(f.lastVisitAt);
    this.rawState = isObject(f.state) ? (f.state as Partial<InvitationState>) : NO_STATE;
    this.current = state === undefined ? viewCurrent(this.rawState.current) : state.current;
    this.suppressedUntil = state === undefined ? finite(this.rawState.suppressedUntil) : state.suppressedUntil;
    if (state !== undefined) {
      this.excludedMemo = state.sessionExcluded;
      this.seenOnceMemo = state.seenOnce;
    }
  }

  /** The current page as `host/path` and path (docs/semantics.md: URL patterns), or `null` when unknown. */
  get page(): PageUrl | null {
    if (this.pageMemo === undefined) this.pageMemo = typeof this.fields.url === "string" ? normalizePage(this.fields.url) : null;
    return this.pageMemo;
  }

  /** The current page's host (with its port), or `undefined` when the page is unknown or a bare path. */
  get host(): string | undefined {
    const page = this.page;
    return page === null || page.host === "" ? undefined : page.host;
  }

  /** The first segment of the current page's path (`""` on the home page), or `undefined` when the page is unknown. */
  get segment(): string | undefined {
    const page = this.page;
    if (page === null) return undefined;
    const slash = page.path.indexOf("/", 1);
    return slash === -1 ? page.path.slice(1) : page.path.slice(1, slash);
  }

  /** The referrer's host with one leading `www.` stripped (docs/semantics.md: Referrer), `""` when there is none. */
  get referrerHost(): string {
    // Most visitors come without a referrer, or with an empty one: nothing to parse.
    const referrer = this.fields.referrer;
    this.referrerMemo ??= typeof referrer === "string" && referrer !== "" ? referrerHost(referrer) : "";
    return this.referrerMemo;
  }

  /** The visitor's tags, normalised. */
  get tags(): ReadonlySet<string> {
    this.tagsMemo ??= normalizedTags(this.fields.tags);
    return this.tagsMemo;
  }

  /**
   * `attributes` as conditions should read them (`readAttributeValue`): indexed once per evaluation when large, since
   * one evaluation may read hundreds of keys of a record whose direct reads get slower the more keys it has.
   */
  get attributeSource(): AttributeSource {
    this.attributeMemo ??= indexAttributes(this.attributes);
    return this.attributeMemo;
  }

  /** Event timestamps by normalised event name, oldest first. */
  get events(): ReadonlyMap<string, readonly number[]> {
    this.eventsMemo ??= indexEvents(this.fields.events, this.eventNames);
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
    const view = new VisitorView(this.raw, this.id, this.fields, this.eventNames, state);
    view.attributeMemo = this.attributeMemo;
    return view;
  }
}

/**
 * Normalises a visitor snapshot, or returns `null` when it is not a usable visitor: not an object, no string id, a
 * string over `MAX_VISITOR_STRING_LENGTH`, or a part that cannot be read (a getter or proxy trap that throws,
 * a revoked proxy). Everything evaluation may read is read here once (`checkSnapshot`), so such a visitor is refused
 * as a whole, whichever invitations would have looked at the broken part. `thorough` also reads non-enumerable
 * attributes (to classify a failure; see `checkSnapshot`).
 *
 * @example
 * viewVisitor({ id: "v1", language: " ENG " })?.language // => "eng"
 * viewVisitor({ id: "v1", events: [{ name: "a", at: 1 }, { name: "b", at: 2 }] }, new Set(["b"]))?.events // => Map { "b" => [2] }
 * viewVisitor({ id: "v1", get url() { throw new Error("gone") } }) // => null
 */
export function viewVisitor(
  visitor: Visitor,
  eventNames: NameSet | null = null,
  thorough = false,
): VisitorView | null {
  try {
    if (typeof visitor !== "object" || visitor === null) return null;
    const id: unknown = visitor.id;
    if (typeof id !== "string") return null;
    const fields = readSnapshot(visitor);
    if (!checkSnapshot(id, fields, thorough)) return null;
    return new VisitorView(visitor, id, fields, eventNames);
  } catch {
    return null;
  }
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

function normalizedTags(tags: unknown): ReadonlySet<string> {
  const set = new Set<string>();
  if (!Array.isArray(tags)) return set;
  for (let i = 0; i < tags.length; i++) {
    const tag: unknown = tags[i];
    if (typeof tag === "string") set.add(normalizeText(tag));
  }
  return set;
}

const NO_STRINGS: ReadonlySet<string> = new Set();

function stringSet(values: unknown): ReadonlySet<string> {
  // Most visitors have excluded nothing: no set to build.
  if (!Array.isArray(values) || values.length === 0) return NO_STRINGS;
  return new Set(values.filter(isString));
}

function department(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return normalizeDepartment(value);
  if (typeof value !== "string") return undefined;
  // Normalising trims: a blank id comes out empty (one pass over the text rather than a trim to test and another).
  const normalized = normalizeDepartment(value);
  return normalized === "" ? undefined : normalized;
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
