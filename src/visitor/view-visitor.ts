import { indexAttributes } from "../conditions/attribute-index.js";
import { normalizePage, type PageUrl } from "../conditions/normalize-page.js";
import type { AttributeSource } from "../conditions/read-attribute-value.js";
import { referrerHost } from "../conditions/referrer-host.js";
import { normalizeDepartment, normalizeText } from "../conditions/text.js";
import { VISITOR_FIELD_NAMES, VISITOR_FIELDS, type VisitorField } from "../fields.js";
import type {
  AttributeValue,
  ChatHistory,
  CurrentInvitation,
  Device,
  InvitationState,
  Visitor,
  VisitorEvent,
} from "../types.js";
import { shortChat, shortEntries, shortEvents, shortItems, shortState, tooLong } from "./check-snapshot.js";
import { indexEvents } from "./index-events.js";
import type { NameSet } from "../lib/name-set.js";

/** A type's readonly fields made writable, for the code that fills them in. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

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
 * The parts of a visitor a host keeps itself (the service: its stored record) rather than receiving them in the
 * snapshot: read as if the snapshot held them in their place, without a copy of the snapshot to put them in.
 */
export interface StoredParts {
  readonly state: InvitationState;
  readonly events: readonly VisitorEvent[];
}

/** Thrown while a snapshot is read when a part of it is over the bounds: {@link viewVisitor} answers `null`. */
const REFUSED: object = Object.freeze({ refused: true });

/**
 * A visitor snapshot normalised for evaluation, so each condition compares ready-made values. Fields the snapshot
 * leaves out, or gives in an unusable form, take their documented default (docs/api.md: Visitor snapshot): evaluation treats garbage like
 * missing data and never throws. The costlier fields (page, referrer, tags, event index) are worked out on first use
 * only: most evaluations never need most of them.
 *
 * The snapshot is read in one pass (see {@link viewVisitor}): each field present is read once, checked against the
 * bounds and normalised on the spot; a field that is absent costs nothing but its default.
 */
export class VisitorView {
  declare readonly id: string;
  declare readonly timeOnSite: number;
  declare readonly pageviews: number;
  declare readonly visits: number;
  declare readonly language: string;
  declare readonly locale: string;
  declare readonly identifier: string;
  declare readonly department: string | undefined;
  declare readonly device: Device;
  declare readonly attributes: Readonly<Record<string, AttributeValue>>;
  declare readonly visibleAttributes: Readonly<Record<string, AttributeValue>>;
  declare readonly chatActive: boolean;
  declare readonly lastChatAt: number | undefined;
  declare readonly nick: string | undefined;
  declare readonly lastVisitAt: number | undefined;
  declare readonly current: CurrentInvitation | undefined;
  declare readonly suppressedUntil: number | undefined;
  // The raw parts the getters below work out on first use, as the snapshot gave them.
  declare private url: unknown;
  declare private referrer: unknown;
  declare private rawTags: unknown;
  declare private rawEvents: unknown;
  declare private rawState: Partial<InvitationState>;
  declare private pageMemo: PageUrl | null | undefined;
  declare private referrerMemo: string | undefined;
  declare private tagsMemo: ReadonlySet<string> | undefined;
  declare private eventsMemo: ReadonlyMap<string, readonly number[]> | undefined;
  declare private excludedMemo: ReadonlySet<string> | undefined;
  declare private seenOnceMemo: ReadonlySet<string> | undefined;
  declare private attributeMemo: AttributeSource | undefined;
  declare private readonly eventNames: NameSet | null;

  /**
   * Reads `snapshot` (a plain object: its enumerable keys; see {@link viewVisitor}), or copies `from` with its state
   * replaced by `state`. Throws when a part of the snapshot is over the bounds or cannot be read.
   *
   * @param eventNames the normalised event names any condition of the ruleset looks at (`null`: all of them); records
   * of other events are never indexed.
   */
  constructor(
    snapshot: Readonly<Record<string, unknown>>,
    id: string,
    eventNames: NameSet | null,
    thorough: boolean,
    from: VisitorView | null = null,
    state?: StateView,
    stored: StoredParts | null = null,
  ) {
    // Every field assigned here, at its default, in one order, so every view has one shape; assigned rather than
    // declared with initialisers, which the engine defines one by one at a higher cost (≈ 125 instructions per
    // evaluation, bench/instructions.ts). The walk below overwrites the fields the snapshot gives.
    this.id = id;
    this.eventNames = eventNames;
    this.timeOnSite = TIME_ON_SITE;
    this.pageviews = PAGEVIEWS;
    this.visits = VISITS;
    this.language = "";
    this.locale = "";
    this.identifier = "";
    this.department = undefined;
    this.device = DEVICE;
    this.attributes = EMPTY;
    this.visibleAttributes = EMPTY;
    this.chatActive = false;
    this.lastChatAt = undefined;
    this.nick = undefined;
    this.lastVisitAt = undefined;
    this.current = undefined;
    this.suppressedUntil = undefined;
    this.url = undefined;
    this.referrer = undefined;
    this.rawTags = undefined;
    this.rawEvents = undefined;
    this.rawState = NO_STATE;
    this.pageMemo = undefined;
    this.referrerMemo = undefined;
    this.tagsMemo = undefined;
    this.eventsMemo = undefined;
    this.excludedMemo = undefined;
    this.seenOnceMemo = undefined;
    this.attributeMemo = undefined;
    if (from !== null && state !== undefined) {
      // Every field is in place already (just above), so the copy keeps the view's one shape.
      Object.assign(this, from);
      this.current = state.current;
      this.suppressedUntil = state.suppressedUntil;
      this.excludedMemo = state.sessionExcluded;
      this.seenOnceMemo = state.seenOnce;
      return;
    }
    this.read(snapshot, thorough);
    // Read after the snapshot, so they stand whatever it held under the same keys.
    if (stored !== null) this.read(stored as unknown as Readonly<Record<string, unknown>>, thorough);
  }

  /**
   * The one pass over a snapshot's enumerable keys (see {@link viewVisitor}), apart from the constructor so that the
   * constructor is small enough for the engine to build views inline. Throws `REFUSED` over the bounds.
   */
  private read(v: Readonly<Record<string, unknown>>, thorough: boolean): void {
    // Fields the constructor has just set to their defaults; readonly to every other reader.
    const self = this as Writable<VisitorView>;
    // A switch over the key rather than a table: the fields keep one shape, unknown keys are ignored (never read),
    // and the `never` check in `default` makes a field of the table without its case fail to compile. Each case
    // reads its field once, refuses it over the bounds (MAX_VISITOR_STRING_LENGTH, MAX_VISITOR_LIST_LENGTH,
    // MAX_VISITOR_EVENTS; a list's length is read before its items), and keeps its normal form. The cases come in
    // the order snapshots most often hold their fields: a key is compared with each case before its own.
    for (const key in v) {
      const k = key as VisitorField;
      switch (k) {
        case "id":
          break;
        case "timeOnSite":
          self.timeOnSite = nonNegative(v[key], TIME_ON_SITE);
          break;
        case "pageviews":
          self.pageviews = nonNegative(v[key], PAGEVIEWS);
          break;
        case "url":
          this.url = bounded(v[key]);
          break;
        case "language":
          self.language = text(bounded(v[key]));
          break;
        case "referrer":
          this.referrer = bounded(v[key]);
          break;
        case "identifier":
          self.identifier = text(bounded(v[key]));
          break;
        case "department":
          self.department = department(bounded(v[key]));
          break;
        case "device": {
          const device = bounded(v[key]);
          self.device = device === "mobile" || device === "tablet" ? device : DEVICE;
          break;
        }
        case "tags": {
          const tags = v[key];
          if (Array.isArray(tags) && !shortItems(tags)) throw REFUSED;
          this.rawTags = tags;
          break;
        }
        case "events": {
          const events = v[key];
          if (Array.isArray(events) && !shortEvents(events)) throw REFUSED;
          this.rawEvents = events;
          break;
        }
        case "state": {
          const value = v[key];
          if (typeof value === "object" && value !== null && !shortState(value as Record<string, unknown>)) throw REFUSED;
          this.rawState = isObject(value) ? (value as Partial<InvitationState>) : NO_STATE;
          self.current = viewCurrent(this.rawState.current);
          self.suppressedUntil = finite(this.rawState.suppressedUntil);
          break;
        }
        case "attributes":
          self.attributes = attributeRecord(v[key], thorough);
          break;
        case "visits":
          self.visits = nonNegative(v[key], VISITS);
          break;
        case "chat": {
          const value = v[key];
          if (typeof value === "object" && value !== null && !shortChat(value as Record<string, unknown>)) throw REFUSED;
          const chat = isObject(value) ? (value as Partial<ChatHistory>) : NO_CHAT;
          self.chatActive = chat.active === true;
          self.lastChatAt = finite(chat.lastStartedAt);
          // Read once: a getter may answer a text to `typeof` and something else to the next read.
          const nick: unknown = chat.nick;
          self.nick = typeof nick === "string" ? nick : undefined;
          break;
        }
        case "lastVisitAt":
          self.lastVisitAt = finite(v[key]);
          break;
        case "locale": {
          const locale = bounded(v[key]);
          self.locale = typeof locale === "string" ? locale.trim() : "";
          break;
        }
        case "visibleAttributes":
          self.visibleAttributes = attributeRecord(v[key], thorough);
          break;
        case "previousUrl":
          // Never used by a condition: read so that its size is bounded like every other string's.
          bounded(v[key]);
          break;
        default:
          k satisfies never;
          break;
      }
    }
  }

  /** The current page as `host/path` and path (docs/semantics.md: URL patterns), or `null` when unknown. */
  get page(): PageUrl | null {
    if (this.pageMemo === undefined) this.pageMemo = typeof this.url === "string" ? normalizePage(this.url) : null;
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
    const referrer = this.referrer;
    this.referrerMemo ??= typeof referrer === "string" && referrer !== "" ? referrerHost(referrer) : "";
    return this.referrerMemo;
  }

  /** The visitor's tags, normalised. */
  get tags(): ReadonlySet<string> {
    this.tagsMemo ??= normalizedTags(this.rawTags);
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
    this.eventsMemo ??= indexEvents(this.rawEvents, this.eventNames);
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
    return new VisitorView(NO_FIELDS, this.id, this.eventNames, false, this, state);
  }
}

/**
 * Normalises a visitor snapshot, or returns `null` when it is not a usable visitor: not an object, no string id, a
 * part over the bounds (check-snapshot.ts), or a part that cannot be read (a getter or proxy trap that throws, a
 * revoked proxy). Everything evaluation may read is read here once, so such a visitor is refused as a whole,
 * whichever invitations would have looked at the broken part. `thorough` also reads non-enumerable attributes (to
 * classify a failure; see `shortEntries`).
 *
 * Snapshots come in many shapes (fields present or not, in any order), so reading each field by name is a
 * megamorphic property load, and a missing field is the slowest kind, a miss up the prototype chain. A plain object
 * (JSON, an object literal) is therefore read by walking its enumerable keys, in one pass that checks and
 * normalises each field as it comes: only the fields present are touched, through the engine's fast path for
 * `for…in`. Whatever it inherits from `Object.prototype` reads the same either way (`for…in` lists inherited
 * enumerable keys, as a direct read finds them); a non-enumerable own field of a plain object is not read, as
 * `JSON.stringify` would not send it. Anything else (a class instance with getters, a proxy) is read field by field.
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
  stored: StoredParts | null = null,
): VisitorView | null {
  try {
    if (typeof visitor !== "object" || visitor === null) return null;
    const id: unknown = visitor.id;
    // Asked right after that read, before anything branches: the engine then answers from the shape the read has
    // just checked; after the checks below it called into its runtime on every evaluation (bench/RESULTS.md,
    // "Fifteenth round"). A prototype trap that throws refuses the visitor either way.
    const proto: unknown = Object.getPrototypeOf(visitor);
    if (typeof id !== "string" || tooLong(id)) return null;
    const plain = proto === Object.prototype || proto === null;
    return new VisitorView(plain ? (visitor as unknown as Record<string, unknown>) : copyByName(visitor), id, eventNames, thorough, null, undefined, stored);
  } catch {
    return null;
  }
}

/** A snapshot with nothing to read (the copy {@link VisitorView.withState} makes reads nothing). */
const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * The fields of a snapshot that is not a plain object (a class instance with getters, a proxy), read by name, once
 * each, into a plain object the view can walk. Not the hot path.
 */
function copyByName(visitor: Visitor): Record<string, unknown> {
  const source = visitor as unknown as Record<string, unknown>;
  const copy = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < VISITOR_FIELD_NAMES.length; i++) {
    const name = VISITOR_FIELD_NAMES[i] as VisitorField;
    if (name !== "id") copy[name] = source[name];
  }
  return copy;
}

/** The value when it is not a string over MAX_VISITOR_STRING_LENGTH; else the snapshot is refused. */
function bounded(value: unknown): unknown {
  if (tooLong(value)) throw REFUSED;
  return value;
}

/** A usable attribute record, checked against the bounds (`thorough`: its non-enumerable keys too), or none. */
function attributeRecord(value: unknown, thorough: boolean): Readonly<Record<string, AttributeValue>> {
  if (typeof value === "object" && value !== null && !shortEntries(value, thorough)) throw REFUSED;
  return isObject(value) ? (value as Record<string, AttributeValue>) : EMPTY;
}

/** The current invitation with every unusable field dropped (or `undefined` when it names no invitation). */
function viewCurrent(current: unknown): CurrentInvitation | undefined {
  if (!isObject(current)) return undefined;
  const c = current as Partial<CurrentInvitation>;
  // Each field read once, as everywhere in the view: a getter may answer differently from one read to the next.
  const invitationId: unknown = c.invitationId;
  if (typeof invitationId !== "string") return undefined;
  const variationId: unknown = c.variationId;
  const closedAt = finite(c.closedAt);
  const expiresAt = finite(c.expiresAt);
  return {
    invitationId,
    variationId: typeof variationId === "string" ? variationId : invitationId,
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
