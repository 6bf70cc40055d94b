import { ASSERT, buildNfa, CHAR, MATCH, SPLIT } from "../automaton/build-nfa.js";
import { MAX_AUTOMATON_STATES } from "../automaton/compile-automaton.js";
import type { Pattern } from "../automaton/pattern.js";

// What every normalised page looks like (docs/semantics.md: URL patterns; `normalizePage`): an optional host with no `/`, `?`,
// `#`, `@` or upper-case ASCII letter (it is lower-cased, credentials dropped), then a path that starts with `/`,
// holds no `?` or `#` (query and fragment are cut) and ends in a `/` only when it is `/` alone. As a small automaton
// over code units, each state's edges as [ranges, next state]:
const HOST = [0, 0x22, 0x24, 0x2e, 0x30, 0x3e, 0x5b, 0xffff];
const PATH = [0, 0x22, 0x24, 0x2e, 0x30, 0x3e, 0x40, 0xffff];
const SLASH = [0x2f, 0x2f];
const IN_HOST = 0;
const AT_ROOT = 1; // just read the path's first `/`: the path `/` (accepting)
const IN_SEGMENT = 2; // after a character other than `/` (accepting)
const AFTER_SLASH = 3; // after a further `/` (a path cannot end here)
const PATH_START = 4; // the `path` field: it starts with `/`
const SHAPES = 5;
const EDGES: readonly (readonly [readonly number[], number])[][] = [
  [[HOST, IN_HOST], [SLASH, AT_ROOT]],
  [[SLASH, AFTER_SLASH], [PATH, IN_SEGMENT]],
  [[SLASH, AFTER_SLASH], [PATH, IN_SEGMENT]],
  [[SLASH, AFTER_SLASH], [PATH, IN_SEGMENT]],
  [[SLASH, AT_ROOT]],
];
const ACCEPTING = [false, true, true, false, false];

/**
 * Whether no normalised page can match `pattern` in the given field: the pattern's NFA run in step with the page
 * shape above, searched for any path to a match. Assertions are taken as passable, so the answer errs towards "may
 * match": `true` is a proof. A pattern too large to build is "may match".
 *
 * @example
 * matchesNoPage(parsedGlob("/docs/"), "path")      // => false ("/docs")
 * matchesNoPage(parsedGlob("/a?b#c"), "path")       // => …: `#` never occurs in a page's path
 */
export function matchesNoPage(pattern: Pattern, field: "path" | "hostPath"): boolean {
  const nfa = buildNfa(pattern, MAX_AUTOMATON_STATES);
  if (nfa === null) return false;
  const seen = new Uint8Array(nfa.kind.length * SHAPES);
  const stack: number[] = [];
  const visit = (state: number, shape: number): void => {
    const key = state * SHAPES + shape;
    if (state < 0 || seen[key] === 1) return;
    seen[key] = 1;
    stack.push(key);
  };
  visit(nfa.start, field === "path" ? PATH_START : IN_HOST);
  while (stack.length > 0) {
    const key = stack.pop() as number;
    const state = Math.floor(key / SHAPES);
    const shape = key % SHAPES;
    const kind = nfa.kind[state];
    if (kind === MATCH) {
      if (ACCEPTING[shape] === true) return false;
    } else if (kind === CHAR) {
      const ranges = nfa.ranges[state] ?? [];
      for (const [edge, next] of EDGES[shape] ?? []) if (overlap(ranges, edge)) visit(nfa.out[state] as number, next);
    } else if (kind === SPLIT) {
      visit(nfa.out[state] as number, shape);
      visit(nfa.arg[state] as number, shape);
    } else if (kind === ASSERT) {
      visit(nfa.out[state] as number, shape);
    }
  }
  return true;
}

/** Whether two sorted lists of inclusive ranges share a code unit. */
function overlap(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi, bLo, bHi] = [a[i] as number, a[i + 1] as number, b[j] as number, b[j + 1] as number];
    if (aHi < bLo) i += 2;
    else if (bHi < aLo) j += 2;
    else return true;
  }
  return false;
}
