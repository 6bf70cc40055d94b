import { readClock, systemClock } from "../clock.js";
import type { Ruleset } from "../compile/compile.js";
import { safeParseEventDefinitions } from "../config/safe-parse-event-definitions.js";
import { safeParseInvitations } from "../config/safe-parse-invitations.js";
import type {
  Clock,
  ConversionOutcome,
  Decision,
  EvaluateOptions,
  EventDefinition,
  Invitation,
  RecordEventOutcome,
  Visitor,
} from "../types.js";
import { fixedSource, sharedSource, type ActiveSet, type InvitationSource } from "./invitation-source.js";
import { createMemoryStorage } from "./memory-storage.js";
import { invitationStats, type InvitationStats } from "./invitation-stats.js";
import type { PurgeOptions, StorageAdapter, VisitorRecord } from "./types.js";
import {
  serviceEvent,
  serviceEventName,
  serviceCheckOptions,
  serviceEvaluateOptions,
  serviceInstant,
  servicePurgeOptions,
  serviceVisitor,
  serviceVisitorId,
} from "./service-arguments.js";
import type { StorageError } from "./storage-error.js";
import { visitorLanes } from "./visitor-lanes.js";
import {
  chatStartedChange,
  checkChange,
  closedChange,
  convertChange,
  logEventChange,
  shownChange,
} from "../visits/visitor-changes.js";
import type { VisitorChange } from "../visits/visitor-record.js";

/** How a service is set up. */
export interface BeckonOptions {
  /** Where visitors, the shared invitation set and counters live. Default: `createMemoryStorage()`. */
  storage?: StorageAdapter;
  /** A fixed invitation set for this server. Without it the service uses the set stored by `setInvitations`. */
  invitations?: Ruleset | readonly Invitation[];
  /** Event definitions going with fixed `invitations`. */
  events?: readonly EventDefinition[];
  /** Evaluation options for every call (each call may add its own, e.g. `operatorsOnline`). */
  options?: EvaluateOptions;
  /**
   * Attempts at one visitor write before giving up with a `conflict` StorageError. Default 16. Calls for one visitor
   * in one service never conflict (they queue and share writes); this bounds the retries against other servers.
   */
  maxAttempts?: number;
  /**
   * Visitors whose last read or written record this service keeps, so that a call on a visitor it served before
   * writes in one round trip, compare-and-set against that record (an adapter with `syncVisitor`: Redis and
   * PostgreSQL). The least recently used go first; 0 keeps none (every write reads first). Safe with any number of
   * servers: a record another server changed since is never written over, the call is redone on the stored one.
   * Default 2 000.
   */
  visitorCacheSize?: number;
  /** How often the shared set's version is checked, in ms. Default 1000. */
  refreshMs?: number;
  /** Where "now" comes from when a call gives no instant. Default: the system clock. */
  clock?: Clock;
  /**
   * Hears about problems the service works around instead of failing calls: today, a stored shared invitation set
   * that does not pass validation (a `corrupt_record` StorageError with every issue), while the last good set keeps
   * serving. Called once per bad version. Default: none.
   */
  onError?: (error: StorageError) => void;
}

/** Per-call extras for `check`. */
export interface CheckOptions {
  /** This check comes with a page view (the widget loaded on a page), not a poll. */
  pageView?: boolean;
  /** The instant; default: the service's clock. */
  at?: Clock;
  /** Evaluation options for this call only, merged over the service's (world facts such as `operatorsOnline`). */
  options?: EvaluateOptions;
}

/** The async host flow over a storage adapter (docs/storage.md: Storage and the service). Every visitor call is one atomic read-modify-write. */
export interface Beckon {
  /** Decides for a visitor snapshot and records the decision; the stored state and event log are used. */
  check(visitor: Visitor, options?: CheckOptions): Promise<Decision>;
  /** Records an event the website logged for a visitor. */
  logEvent(visitorId: string, event: { name: string; value?: string }, at?: Clock): Promise<RecordEventOutcome>;
  /** The widget displayed the visitor's current invitation (`false` when none was on screen or it was counted). */
  shown(visitorId: string, at?: Clock): Promise<boolean>;
  /** The visitor closed the current invitation (`false` when none was on screen). */
  closed(visitorId: string, at?: Clock): Promise<boolean>;
  /** The visitor started a chat (`true` when it was from an invitation on screen). */
  chatStarted(visitorId: string, at?: Clock): Promise<boolean>;
  /** The website reported a conversion event. */
  convert(visitorId: string, eventName: string, at?: Clock): Promise<ConversionOutcome>;
  /** Counters per invitation and variation. */
  stats(): Promise<InvitationStats[]>;
  /** Validates and stores the shared invitation set (throws `ConfigError`); every server picks it up. */
  setInvitations(invitations: readonly Invitation[], events?: readonly EventDefinition[]): Promise<number>;
  /** What is stored for a visitor. */
  visitor(visitorId: string): Promise<VisitorRecord | null>;
  /**
   * Erases a visitor's state and event log, as data-protection law asks on request; counters are aggregates and
   * stay. After it resolves every call starts from an empty record; a call in flight either landed before (and is
   * erased with the rest) or finds the record changed and is retried on the empty one. Resolves whether anything
   * was stored.
   */
  forgetVisitor(visitorId: string): Promise<boolean>;
  /**
   * Removes the visitors inactive for `inactiveForSeconds` (memory and PostgreSQL) and resolves how many. Redis
   * expires visitors itself (`visitorTtlSeconds`): on an adapter without `purgeVisitors` this rejects with a
   * TypeError saying so.
   */
  purgeVisitors(options: PurgeOptions): Promise<number>;
  /** Closes the storage adapter. */
  close(): Promise<void>;
}

/**
 * Creates the service a chat server or serverless function calls: it loads a visitor, applies beckon's pure
 * functions, and saves the result atomically, retrying on conflict, so servers sharing visitors lose no update.
 *
 * @example
 * const beckon = createBeckon({ storage: createRedisStorage({ client: redis }), invitations, events });
 * const decision = await beckon.check(snapshot, { pageView: true, options: { operatorsOnline } });
 */
export function createBeckon(setup: BeckonOptions = {}): Beckon {
  const storage = setup.storage ?? createMemoryStorage();
  const base = serviceEvaluateOptions(setup.options, ["options"]);
  const clock = setup.clock ?? systemClock;
  const lanes = visitorLanes(storage, setup.maxAttempts ?? 16, cacheSize(setup.visitorCacheSize));
  const source: InvitationSource =
    setup.invitations === undefined
      ? sharedSource(storage, setup.refreshMs ?? 1000, setup.onError)
      : fixedSource(setup.invitations, fixedDefinitions(setup.events));
  const instant = (at: Clock | undefined): number => serviceInstant(at, clock);
  /** Runs a change on the active set in the visitor's lane: a fixed set at once, a shared one once it is read. */
  const onActiveSet = <T>(id: string, change: (record: VisitorRecord, set: ActiveSet) => VisitorChange<T>): Promise<T> => {
    const fixed = source.fixed;
    if (fixed !== null) return lanes.run(id, (record) => change(record, fixed));
    return source.current(readClock(clock)).then((set) => lanes.run(id, (record) => change(record, set)));
  };

  // The visitor calls are not async functions: each hands back its lane's promise itself (an async function would
  // resolve its own promise with it, two more turns of the microtask queue), and a bad argument rejects it, as an
  // async function's throw would. A fixed set is taken as it is: awaiting it would add a turn too. Each call writes its
  // own try/catch: one wrapper taking the body as a closure cost `logEvent` ≈ 540 instructions more per call
  // (bench/service-instructions.ts).
  return {
    check(input, given) {
      try {
        const visitor = serviceVisitor(input);
        const { pageView, at, options } = serviceCheckOptions(given);
        const now = instant(at);
        // Most checks bring no options of their own: they share the service's, no copy made per call.
        const merged = options === undefined ? base : { ...base, ...options };
        return onActiveSet(visitor.id, (record, { ruleset }) => checkChange(record, visitor, ruleset, merged, pageView, now));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    logEvent(visitorId, given, at) {
      try {
        const id = serviceVisitorId(visitorId);
        const event = serviceEvent(given);
        const now = instant(at);
        return onActiveSet(id, (record, { ruleset, events }) => logEventChange(record, event, ruleset, events, now));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    shown(visitorId, at) {
      try {
        const id = serviceVisitorId(visitorId);
        const now = instant(at);
        return lanes.run(id, (record) => shownChange(record, now));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    closed(visitorId, at) {
      try {
        const id = serviceVisitorId(visitorId);
        const now = instant(at);
        return onActiveSet(id, (record, { ruleset }) => closedChange(record, ruleset, base, now));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    chatStarted(visitorId, at) {
      try {
        const id = serviceVisitorId(visitorId);
        const now = instant(at);
        return onActiveSet(id, (record, { ruleset }) => chatStartedChange(record, ruleset, base, now));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    convert(visitorId, eventName, at) {
      try {
        const id = serviceVisitorId(visitorId);
        const name = serviceEventName(eventName);
        const now = instant(at);
        return lanes.run(id, (record) => convertChange(record, name, now));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async stats() {
      return invitationStats(await storage.readCounters());
    },
    async setInvitations(invitations, events = []) {
      const parsed = safeParseInvitations(invitations);
      if (!parsed.success) throw parsed.error;
      const definitions = safeParseEventDefinitions(events);
      if (!definitions.success) throw definitions.error;
      const version = (await storage.putInvitationSet({ invitations: parsed.data, definitions: definitions.data })) as number;
      source.invalidate();
      return version;
    },
    async visitor(visitorId) {
      return (await storage.getVisitor(serviceVisitorId(visitorId)))?.value ?? null;
    },
    async forgetVisitor(visitorId) {
      const id = serviceVisitorId(visitorId);
      lanes.forget(id);
      return storage.forgetVisitor(id);
    },
    async purgeVisitors(options) {
      const checked = servicePurgeOptions(options);
      if (storage.purgeVisitors === undefined) {
        throw new TypeError(`beckon: the ${storage.name} adapter has no purgeVisitors; its visitors expire on their own (Redis: visitorTtlSeconds)`);
      }
      return storage.purgeVisitors(checked);
    },
    close: () => storage.close(),
  };
}

function cacheSize(size: number | undefined): number {
  if (size === undefined) return 2_000;
  if (!(Number.isSafeInteger(size) && size >= 0)) throw new RangeError(`beckon: visitorCacheSize must be a whole number ≥ 0, not ${size}`);
  return size;
}

/** Event definitions given with fixed invitations, validated at creation as `setInvitations` validates stored ones. */
function fixedDefinitions(events: readonly EventDefinition[] | undefined): EventDefinition[] {
  const parsed = safeParseEventDefinitions(events ?? []);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}
