import { compileInvitations, type CompiledInvitation } from "../compile/compile-invitation.js";
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
 * (parse them first) and never throws; an empty list means nothing was found.
 *
 * @example
 * lintInvitations([{ id: "all", message: "Hi", urls: ["*"] }, { id: "pricing", message: "Plans?", position: 1, urls: ["/pricing"] }])
 * // => [{ code: "shadowed", severity: "error", path: [1], message: 'never wins: "all" (position 0, …' }]
 */
export function lintInvitations(invitations: readonly Invitation[], options: LintOptions = {}): LintFinding[] {
  const atMs = options.at === undefined ? undefined : Number(options.at);
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
  run(() => lintPlaceholders(invitations, options.escape));
  // A stable sort: per invitation, in the order above (what can never be shown first).
  return findings.sort((a, b) => (a.path[0] as number) - (b.path[0] as number));
}
