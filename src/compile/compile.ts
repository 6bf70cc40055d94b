import { quickParseEach } from "../config/quick-parse-invitations.js";
import { safeParseInvitations } from "../config/safe-parse-invitations.js";
import { isValidated } from "../config/validated.js";
import { describeError } from "../config/describe-error.js";
import { ConfigError, isConfigError } from "../config/config-error.js";
import { buildCandidateIndex, type CandidateIndex } from "./candidate-index.js";
import { compileInvitations, compileSharing, type CompiledInvitation } from "./compile-invitation.js";
import { eventNames, type NameSet } from "./event-names.js";
import { rankOrder } from "./rank-order.js";
import { SharedPieces } from "./shared-pieces.js";
import type { Invitation } from "../types.js";

/** The evaluation form of a set of invitations; build it with {@link compile}, hand it to `evaluate`. */
export interface Ruleset {
  /** The invitations it was compiled from, as given. */
  readonly invitations: readonly Invitation[];
}

/** What a ruleset holds inside: every list in rank order (position, then time on site, then id), indexed. */
export interface CompiledRuleset {
  all: readonly CompiledInvitation[];
  byId: ReadonlyMap<string, CompiledInvitation>;
  /** Every normalised event name a condition looks at: a visitor's records of other events are never indexed. */
  eventNames: NameSet;
  standard: CandidateIndex;
  dynamic: CandidateIndex;
  inject: CandidateIndex;
}

// A registered symbol, so a ruleset still works if two copies of beckon share one process.
const INSIDE = Symbol.for("beckon.ruleset.v1");

type RulesetObject = Ruleset & { readonly [INSIDE]: CompiledRuleset };

/**
 * Validates a set of invitations once and builds everything evaluation needs: defaults applied, texts normalised,
 * URL matchers, schedules and attribute matchers compiled (equal ones once per set), candidates sorted by rank; an
 * invitation's content is built the first time it is offered. Throws `ConfigError` listing every problem when the
 * set is invalid (arrays returned by `parseInvitations` are not validated twice), and never throws anything else.
 * Treat the invitations as immutable afterwards: the ruleset keeps referring to them. The `design`, `wait` and
 * `trigger` that decisions hand out are deep-frozen copies made here: no decision can change what a later one shows,
 * and the caller's own objects are never frozen or changed.
 *
 * @example
 * const ruleset = compile(parseInvitations(json));
 * evaluate(ruleset, visitor, Date.now());
 */
export function compile(invitations: readonly Invitation[]): Ruleset {
  if (isValidated(invitations)) {
    return guarded(invitations, () => build(invitations, compileInvitations(invitations, invitations, false)));
  }
  // Matchers are compiled from the copy validation made, so a getter or proxy cannot answer compiling differently
  // from what was validated; the caller's own objects are what decisions hand back and content is built from.
  const quick = compiledQuickly(invitations);
  if (quick !== null) return quick;
  const parsed = safeParseInvitations(invitations);
  if (!parsed.success) throw parsed.error;
  const configs = parsed.data;
  return guarded(invitations, () => build(invitations, compileInvitations(configs, sourcesOf(invitations, configs.length), true)));
}

/**
 * The common case, a valid set of plain data, validated and compiled invitation by invitation: each validated copy
 * is dropped as soon as it is compiled, while it is still young, instead of all of them living until the last is
 * compiled (for 100 000 invitations, a third of the heap compile needed at its peak). `null` for anything else —
 * what the quick parser does not take, a rule that objects, a repeated id, anything thrown — and then the full
 * validation lists the issues, or compiles the set from its own copy.
 */
function compiledQuickly(invitations: readonly Invitation[]): Ruleset | null {
  try {
    const pieces = new SharedPieces();
    const compiled = new Array<CompiledInvitation>(invitations.length);
    const byId = new Map<string, CompiledInvitation>();
    const valid = quickParseEach(invitations, (config, source, i) => {
      const invitation = compileSharing(source, config, true, pieces);
      compiled[i] = invitation;
      return byId.size < byId.set(invitation.id, invitation).size;
    });
    return valid ? build(invitations, compiled, byId) : null;
  } catch {
    return null;
  }
}

/**
 * Runs a compile step so that it throws nothing but `ConfigError`. Only input that broke its promise gets here (an
 * array changed after `parseInvitations`, a proxy that answered differently the second time): a fresh validation
 * names its problems, and anything else is still reported as a configuration problem rather than thrown as is.
 */
function guarded(invitations: readonly Invitation[], run: () => Ruleset): Ruleset {
  try {
    return run();
  } catch (error) {
    if (isConfigError(error)) throw error;
    const parsed = safeParseInvitations(invitations);
    if (!parsed.success) throw parsed.error;
    const message = `could not be compiled: ${describeError(error)}`;
    throw new ConfigError([{ code: "invalid_value", path: [], message }], "invitations");
  }
}

/** The caller's invitation objects, read once more for `Decision.invitation` (validation read them from a copy). */
function sourcesOf(invitations: readonly Invitation[], length: number): Invitation[] {
  const sources = new Array<Invitation>(length);
  for (let i = 0; i < length; i++) sources[i] = invitations[i] as Invitation;
  return sources;
}

/** The ruleset of `compiled`, the invitations in the order given; `byId` maps each id to the last with it. */
function build(invitations: readonly Invitation[], compiled: CompiledInvitation[], byId = mapById(compiled)): Ruleset {
  // Ids are unique in a valid set; only an array changed after parseInvitations could repeat one.
  const all = byId.size === compiled.length ? rankOrder(byId) : sortWithRepeatedIds(compiled, byId);
  // Indexed loops: this code runs once per ruleset, mostly before it is optimised, and an unoptimised for-of
  // allocates an iterator result per element.
  let standards = 0;
  for (let i = 0; i < all.length; i++) if ((all[i] as CompiledInvitation).kind === "standard") standards += 1;
  // Most sets are standard invitations only: their list is `all`, not a copy of it grown by `push`.
  const standard = standards === all.length ? all : ofKind(all, "standard");
  const dynamic = ofKind(all, "dynamic");
  const inject = ofKind(all, "inject");
  const indexes = { standard: buildCandidateIndex(standard), dynamic: buildCandidateIndex(dynamic), inject: buildCandidateIndex(inject) };
  const names = eventNames([indexes.standard.needsEvent, indexes.dynamic.needsEvent, indexes.inject.needsEvent]);
  const inside: CompiledRuleset = { all, byId, eventNames: names, ...indexes };
  const ruleset: RulesetObject = { invitations, [INSIDE]: inside };
  return Object.freeze(ruleset);
}

/** The invitations of one kind, in the order of `all`. */
function ofKind(all: readonly CompiledInvitation[], kind: CompiledInvitation["kind"]): CompiledInvitation[] {
  const list: CompiledInvitation[] = [];
  for (let i = 0; i < all.length; i++) if ((all[i] as CompiledInvitation).kind === kind) list.push(all[i] as CompiledInvitation);
  return list;
}

function mapById(compiled: readonly CompiledInvitation[]): Map<string, CompiledInvitation> {
  const byId = new Map<string, CompiledInvitation>();
  for (let i = 0; i < compiled.length; i++) byId.set((compiled[i] as CompiledInvitation).id, compiled[i] as CompiledInvitation);
  return byId;
}

/** Tells whether a value is a ruleset built by {@link compile}; never throws, even for a revoked proxy. */
export function isRuleset(value: unknown): value is Ruleset {
  try {
    return typeof value === "object" && value !== null && INSIDE in value;
  } catch {
    return false;
  }
}

const cache = new WeakMap<readonly Invitation[], CompiledRuleset | ConfigError>();

/**
 * The compiled form of a ruleset or of a plain array (compiled on first use and cached per array, so `evaluate` on
 * the same array does not validate again). Throws `ConfigError` for anything else, and for an array that does not
 * validate: that error is cached too, so the same array is refused again without validating it again (refusing a
 * costly pattern costs its price check, tens of milliseconds, and `explain` asks twice).
 */
export function compiledRuleset(input: Ruleset | readonly Invitation[]): CompiledRuleset {
  if (isRuleset(input)) return (input as RulesetObject)[INSIDE];
  if (!Array.isArray(input)) {
    throw new ConfigError([{ code: "invalid_type", path: [], message: "expected a ruleset or an array of invitations" }]);
  }
  let inside = cache.get(input);
  if (inside === undefined) {
    try {
      inside = (compile(input) as RulesetObject)[INSIDE];
    } catch (error) {
      if (error instanceof ConfigError) cache.set(input, error);
      throw error;
    }
    cache.set(input, inside);
  }
  if (inside instanceof ConfigError) throw inside;
  return inside;
}

/** Rank order by comparisons, and `byId` pointing at the last of each id in that order. */
function sortWithRepeatedIds(compiled: CompiledInvitation[], byId: Map<string, CompiledInvitation>): CompiledInvitation[] {
  const all = compiled.sort(byRank);
  for (let i = 0; i < all.length; i++) byId.set((all[i] as CompiledInvitation).id, all[i] as CompiledInvitation);
  return all;
}

function byRank(a: CompiledInvitation, b: CompiledInvitation): number {
  return a.position - b.position || a.timeOnSite - b.timeOnSite || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
