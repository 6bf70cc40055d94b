import { compile, isRuleset, type Ruleset } from "../compile.js";
import type { EventDefinition, Invitation } from "../types.js";
import type { StorageAdapter } from "./types.js";

/** The invitations a service evaluates, compiled, with their event definitions. */
export interface ActiveSet {
  ruleset: Ruleset;
  definitions: readonly EventDefinition[];
}

/** Hands out the active set: a fixed one, or the shared one in storage, reloaded when its version changes. */
export interface InvitationSource {
  current(nowMs: number): Promise<ActiveSet>;
  /** Forget the cached shared set, so the next call reads storage again. */
  invalidate(): void;
}

const EMPTY: ActiveSet = { ruleset: compile([]), definitions: [] };

/**
 * A fixed set given to the service: compiled once (throws `ConfigError` when invalid).
 *
 * @example
 * fixedSource(invitations, definitions).current(now) // => { ruleset, definitions }
 */
export function fixedSource(invitations: Ruleset | readonly Invitation[], definitions: readonly EventDefinition[]): InvitationSource {
  // compile validates a plain array, takes a ruleset as it is, and throws only ConfigError for anything else.
  const set: ActiveSet = { ruleset: isRuleset(invitations) ? invitations : compile(invitations as readonly Invitation[]), definitions };
  return { current: async () => set, invalidate: () => {} };
}

/**
 * The set shared through storage: its version is read at most every `refreshMs`, and the set is read and compiled
 * again only when the version moved, so a server caches the compiled ruleset and still notices a change.
 *
 * @example
 * sharedSource(storage, 1000).current(now)
 */
export function sharedSource(storage: StorageAdapter, refreshMs: number): InvitationSource {
  let cached: { set: ActiveSet; version: number; checkedAt: number } | null = null;
  return {
    async current(nowMs) {
      if (cached !== null && nowMs - cached.checkedAt < refreshMs && nowMs >= cached.checkedAt) return cached.set;
      const version = await storage.getInvitationSetVersion();
      if (cached !== null && cached.version === version) {
        cached = { ...cached, checkedAt: nowMs };
        return cached.set;
      }
      const stored = await storage.getInvitationSet();
      const set: ActiveSet =
        stored === null ? EMPTY : { ruleset: compile(stored.value.invitations), definitions: stored.value.definitions };
      cached = { set, version: stored?.version ?? 0, checkedAt: nowMs };
      return set;
    },
    invalidate() {
      cached = null;
    },
  };
}
