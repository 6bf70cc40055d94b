import { compile, isRuleset, type Ruleset } from "../compile/compile.js";
import type { EventDefinition, Invitation } from "../types.js";
import { isConfigError } from "../config/config-error.js";
import { eventBook, type EventBook } from "../events/event-book.js";
import { corruptDocument } from "./parse-document.js";
import { isStorageError, type StorageError } from "./storage-error.js";
import type { StorageAdapter } from "./types.js";

/** The invitations a service evaluates, compiled, with their event definitions. */
export interface ActiveSet {
  ruleset: Ruleset;
  /** The set's event definitions, each name's normal form worked out once. */
  events: EventBook;
}

/** Hands out the active set: a fixed one, or the shared one in storage, reloaded when its version changes. */
export interface InvitationSource {
  /** A set that never changes (one given to the service), so a call can take it without waiting; `null` otherwise. */
  readonly fixed: ActiveSet | null;
  current(nowMs: number): Promise<ActiveSet>;
  /** Forget the cached shared set, so the next call reads storage again. */
  invalidate(): void;
}

const EMPTY: ActiveSet = { ruleset: compile([]), events: eventBook([]) };

/**
 * A fixed set given to the service: compiled once (throws `ConfigError` when invalid).
 *
 * @example
 * fixedSource(invitations, definitions).current(now) // => { ruleset, events }
 */
export function fixedSource(invitations: Ruleset | readonly Invitation[], definitions: readonly EventDefinition[]): InvitationSource {
  // compile validates a plain array, takes a ruleset as it is, and throws only ConfigError for anything else.
  const ruleset = isRuleset(invitations) ? invitations : compile(invitations as readonly Invitation[]);
  const set: ActiveSet = { ruleset, events: eventBook(definitions) };
  return { fixed: set, current: async () => set, invalidate: () => {} };
}

/**
 * The set shared through storage: its version is read at most every `refreshMs`, and the set is read and compiled
 * again only when the version moved, so a server caches the compiled ruleset and still notices a change. A stored
 * set that fails validation (written around `setInvitations`, or by a newer beckon), or whose version does not read,
 * does not stop the service: the last good set keeps serving and `onError` hears once per bad version (once per run
 * of unreadable versions). With no good set yet, calls reject with that `corrupt_record` StorageError.
 *
 * @example
 * sharedSource(storage, 1000, (error) => log.warn(error.message)).current(now)
 */
export function sharedSource(storage: StorageAdapter, refreshMs: number, onError?: (error: StorageError) => void): InvitationSource {
  let cached: { set: ActiveSet; version: number; checkedAt: number } | null = null;
  let refusedVersion = 0;
  // Whether onError has heard that the version itself does not read; told again only after it has read once.
  let versionRefused = false;
  return {
    fixed: null,
    async current(nowMs) {
      if (cached !== null && nowMs - cached.checkedAt < refreshMs && nowMs >= cached.checkedAt) return cached.set;
      let version: number;
      try {
        version = await storage.getInvitationSetVersion();
      } catch (error) {
        // A version that does not read (damaged by hand, a key of another type) is a bad set like any other.
        if (cached === null || !isStorageError(error) || error.code !== "corrupt_record") throw error;
        if (!versionRefused) onError?.(error);
        versionRefused = true;
        cached = { ...cached, checkedAt: nowMs };
        return cached.set;
      }
      versionRefused = false;
      if (cached !== null && (cached.version === version || refusedVersion === version)) {
        cached = { ...cached, checkedAt: nowMs };
        return cached.set;
      }
      let loaded: { set: ActiveSet; version: number };
      try {
        loaded = await load(storage);
      } catch (error) {
        if (cached === null || !isStorageError(error) || error.code !== "corrupt_record") throw error;
        refusedVersion = version;
        onError?.(error);
        cached = { ...cached, checkedAt: nowMs };
        return cached.set;
      }
      cached = { ...loaded, checkedAt: nowMs };
      return loaded.set;
    },
    invalidate() {
      cached = null;
    },
  };
}

/** Reads and compiles the stored set; one that reads back but does not compile is as corrupt as one that does not read. */
async function load(storage: StorageAdapter): Promise<{ set: ActiveSet; version: number }> {
  const stored = await storage.getInvitationSet();
  if (stored === null) return { set: EMPTY, version: 0 };
  try {
    return { set: { ruleset: compile(stored.value.invitations), events: eventBook(stored.value.definitions) }, version: stored.version };
  } catch (error) {
    if (!isConfigError(error)) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, path: ["invitations", ...issue.path] }));
    throw corruptDocument(storage.name, "invitation set", {}, issues, error);
  }
}
