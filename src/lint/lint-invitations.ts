import { compileInvitations, type CompiledInvitation } from "../compile/compile-invitation.js";
import { MAX_READ_VALUES } from "../config/read-plain.js";
import type { EvaluateOptions, Invitation } from "../types.js";
import { findContradictions } from "./find-contradictions.js";
import { findNeverActive } from "./find-never-active.js";
import { findShadowed } from "./find-shadowed.js";
import { findTies } from "./find-ties.js";
import { NEVER_SHOWN_CODES, type LintFinding } from "./lint-codes.js";
import { lintContent } from "./lint-content.js";
import { lintPatterns } from "./lint-patterns.js";
import { lintPlaceholders } from "./lint-placeholders.js";

/** Options of {@link lintInvitations}. */
export interface LintOptions {
  /** How placeholders will be escaped, as given to `evaluate`. @default "html" */
  escape?: EvaluateOptions["escape"];
  /** The instant lint judges from (epoch ms or a Date): a period schedule that has ended by then is `never_active`. Without it, no finding depends on the date. */
  at?: number | Date;
}

/**
 * Static analysis of a valid invitation set (docs/lint.md): invitations that can never be shown (`shadowed` by a
 * better-ranked one, `never_active`, `contradictory_conditions`, `url_matches_nothing`), parts that do not work as
 * written (dead or slow URL patterns and regexes, missing translations, variations that are never picked), ties the
 * visitor's hash settles, and placeholders that HTML escaping cannot protect. Each finding has a closed `code`, a
 * `severity` and the `path` it concerns; they come in the order of the invitations. It reads valid invitations
 * (parse them first) and never throws; an empty list means nothing was found. Something that is not an array, or is
 * longer than any set `parseInvitations` accepts, gives no findings; options it cannot read count as absent.
 *
 * @example
 * lintInvitations([{ id: "all", message: "Hi", urls: ["*"] }, { id: "pricing", message: "Plans?", position: 1, urls: ["/pricing"] }])
 * // => [{ code: "shadowed", severity: "error", path: [1], message: 'never wins: "all" (position 0, …' }]
 */
export function lintInvitations(invitations: readonly Invitation[], options: LintOptions = {}): LintFinding[] {
  const read = readInput(invitations, options);
  if (read === null) return [];
  const { atMs, escape } = read;
  const findings: LintFinding[] = [];
  const run = (analysis: () => LintFinding[]): void => {
    try {
      findings.push(...analysis());
    } catch {
      // Only input that is not a valid set gets here: lint promises nothing about it, and throws nothing.
    }
  };
  let compiled: CompiledInvitation[] = [];
  run(() => {
    compiled = compileInvitations(invitations);
    return [];
  });
  run(() => findShadowed(compiled));
  run(() => findNeverActive(compiled, atMs));
  run(() => findContradictions(invitations));
  run(() => lintPatterns(invitations));
  const neverShown = new Set(findings.filter((f) => NEVER_SHOWN_CODES.includes(f.code)).map((f) => f.path[0] as number));
  run(() => findTies(compiled, neverShown));
  run(() => lintContent(invitations));
  run(() => lintPlaceholders(invitations, escape));
  // A stable sort: per invitation, in the order above (what can never be shown first).
  return findings.sort((a, b) => (a.path[0] as number) - (b.path[0] as number));
}

/**
 * What lint reads of its arguments, or `null` for a set it has nothing to say about: not an array, or longer than
 * any set `parseInvitations` accepts (each analysis walks the whole list, and a sparse array can claim 2³² − 1 items
 * while holding none). Options that cannot be read (a getter that throws, an `at` that is no number) count as absent.
 */
function readInput(invitations: readonly Invitation[], options: LintOptions | null): { atMs: number | undefined; escape: LintOptions["escape"] } | null {
  try {
    if (!Array.isArray(invitations) || invitations.length > MAX_READ_VALUES) return null;
  } catch {
    return null;
  }
  let atMs: number | undefined;
  let escape: LintOptions["escape"];
  try {
    const at: unknown = options?.at;
    atMs = typeof at === "number" ? at : at instanceof Date ? at.getTime() : undefined;
    escape = options?.escape;
  } catch {
    atMs = undefined;
    escape = undefined;
  }
  return { atMs, escape };
}
