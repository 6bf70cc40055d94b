import { patternWork } from "../automaton/compile-automaton.js";
import { MATCH_BUDGET } from "../automaton/match-work.js";
import type { Pattern } from "../automaton/pattern.js";
import { parseGlob } from "../conditions/parse-glob.js";
import { parseRegex } from "../conditions/parse-regex.js";
import { MAX_REGEX_INPUT_LENGTH } from "../conditions/regex.js";
import { GLOB_INPUT_LENGTH } from "../conditions/url-glob.js";
import type { Invitation } from "../types.js";
import { finding, type LintFinding } from "./lint-codes.js";
import { matchesNoPage } from "./page-shape.js";
import { urlPatternGlobs } from "./url-pattern-globs.js";

/**
 * The most matcher work lint lets a pattern cost per call before it says "slow": half of `MATCH_BUDGET`, the bound
 * past which parsing refuses a pattern, measured by the same `patternWork` on the longest input the pattern reads (a
 * URL: `GLOB_INPUT_LENGTH`; a regex value: `MAX_REGEX_INPUT_LENGTH`), both of its bounds tried.
 */
export const SLOW_PATTERN_WORK = MATCH_BUDGET / 2;

/** What lint knows of one URL pattern, worked out once per distinct text. */
interface PatternFacts {
  negated: boolean;
  kind: "all" | "none" | "page";
  body: string;
  matchesNoPage: boolean;
  /** `patternWork` on a URL of the longest length, both bounds tried. */
  work: number;
}

/**
 * Checks every URL pattern and `regex` condition of a set: a pattern that no normalised page can match
 * (`url_pattern_matches_nothing`: `/search[?]q=*` wants a literal `?`, but a page never keeps its query), a `urls`
 * list that as a whole matches no page (`url_matches_nothing`: `!*`, every positive pattern dead or also excluded),
 * and patterns whose worst case on a long input is close to the parse-time limit (`slow_pattern`, by `patternWork`:
 * a deterministic measure, never a timing).
 *
 * @example
 * lintPatterns([{ id: "a", message: "Hi", urls: ["/pricing", "!/pricing"] }])
 * // => [{ code: "url_matches_nothing", path: [0, "urls"], … }]
 */
export function lintPatterns(invitations: readonly Invitation[]): LintFinding[] {
  const facts = new Map<string, PatternFacts>();
  const findings: LintFinding[] = [];
  invitations.forEach((invitation, i) => {
    const urls = invitation.urls ?? [];
    const known = urls.map((url) => factsOf(url, facts));
    known.forEach((f, k) => {
      if (f.kind === "page" && f.matchesNoPage) findings.push(finding("url_pattern_matches_nothing", [i, "urls", k], deadMessage(f)));
      if (f.work > SLOW_PATTERN_WORK) findings.push(finding("slow_pattern", [i, "urls", k], slowMessage(f.work, "URL", GLOB_INPUT_LENGTH)));
    });
    const none = listMatchesNothing(known);
    if (none !== null && invitation.enabled !== false) findings.push(finding("url_matches_nothing", [i, "urls"], none));
    (invitation.attributes ?? []).forEach((condition, k) => {
      if (condition.op !== "regex") return;
      const parsed = parseRegex(condition.value);
      // A pattern over every bound is refused when the set is read; lint reports what parsing lets through.
      const work = parsed.ok ? patternWork(parsed.pattern, true, MAX_REGEX_INPUT_LENGTH, true) : 0;
      if (work > SLOW_PATTERN_WORK && Number.isFinite(work)) findings.push(finding("slow_pattern", [i, "attributes", k, "value"], slowMessage(work, "value", MAX_REGEX_INPUT_LENGTH)));
    });
  });
  return findings;
}

function factsOf(url: string, cache: Map<string, PatternFacts>): PatternFacts {
  const known = cache.get(url);
  if (known !== undefined) return known;
  const globs = urlPatternGlobs(url);
  let facts: PatternFacts = { negated: globs.negated, kind: globs.kind, body: globs.body, matchesNoPage: false, work: 0 };
  if (globs.kind === "page") {
    const pattern = parsedGlobs(globs.globs);
    if (pattern !== null) {
      const work = patternWork(pattern, false, GLOB_INPUT_LENGTH, true);
      facts = { ...facts, matchesNoPage: matchesNoPage(pattern, globs.field), work: Number.isFinite(work) ? work : 0 };
    }
  }
  cache.set(url, facts);
  return facts;
}

/** The globs as one pattern, as the matcher joins them; `null` when one does not parse (validation refuses those). */
function parsedGlobs(globs: readonly string[]): Pattern | null {
  const items: Pattern[] = [];
  for (const glob of globs) {
    const parsed = parseGlob(glob);
    if (typeof parsed === "string") return null;
    items.push(parsed.pattern);
  }
  return items.length === 1 ? (items[0] as Pattern) : { type: "alt", items };
}

/** Why a whole list matches no page (docs/semantics.md: URL patterns), or `null` when it may match one. */
function listMatchesNothing(list: readonly PatternFacts[]): string | null {
  if (list.some((f) => f.negated && f.kind === "all")) return "a negated * excludes every page: the invitation can never be shown";
  const positives = list.filter((f) => !f.negated);
  if (positives.length === 0 || positives.some((f) => f.kind === "all")) return null;
  if (positives.every((f) => f.kind === "page" && f.matchesNoPage)) return "none of its patterns can match a page: the invitation can never be shown";
  const excluded = new Set(list.filter((f) => f.negated).map((f) => f.body));
  if (positives.every((f) => excluded.has(f.body) || f.matchesNoPage)) {
    return "every pattern it lists is also excluded with !: the invitation can never be shown";
  }
  return null;
}

function deadMessage(f: PatternFacts): string {
  const what = f.negated ? "excludes nothing: it" : "is never met: it";
  return `${what} matches no page (pages are read without query or fragment, hosts lower-cased, no trailing /): "${f.body}"`;
}

function slowMessage(work: number, input: string, length: number): string {
  return (
    `its matcher may cost about ${(work / MATCH_BUDGET).toFixed(1)} ms per call on a ${length}-character ${input} ` +
    `(patterns over 1 ms are refused); simplify it (fewer alternatives, stars or repetitions)`
  );
}
