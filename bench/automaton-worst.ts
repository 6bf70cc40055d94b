/**
 * The worst time one call of a compiled URL glob or `regex` condition can take: `npx tsx bench/automaton-worst.ts
 * [--calls 40] [--only text]`.
 *
 * Each case is a pattern built to be as slow as the caps allow (glob ≤ 1 024 characters, regex ≤ 256, automaton
 * ≤ MAX_AUTOMATON_STATES NFA states) and inputs at the visitor caps (8 192 code units for a glob, 2 048 for a regex),
 * a fresh random one per call, so a lazily built DFA keeps meeting states it has not built. It prints, per case, the
 * NFA size, then the worst, the 90th percentile and the median CPU time per call (`process.cpuUsage`, user + system,
 * so other processes on a busy machine do not count) after a few warm-up calls. The matcher runs in this thread, in a
 * loop: nothing else runs between calls. The `work` column is the parse-time estimate (`patternWork`, in ms of
 * `MATCH_BUDGET`); a pattern over 1 is refused when a configuration is read, and its row says so instead of timing it.
 */
import { buildNfa } from "../src/automaton/build-nfa.js";
import { MAX_AUTOMATON_STATES, patternWork } from "../src/automaton/compile-automaton.js";
import { MATCH_BUDGET } from "../src/automaton/match-work.js";
import { parseGlob } from "../src/conditions/parse-glob.js";
import { parseRegex } from "../src/conditions/parse-regex.js";
import { checkRegex, compileRegex } from "../src/conditions/regex.js";
import { checkGlob, compileGlob } from "../src/conditions/url-glob.js";
import { createRandom, type Random } from "./random.js";

interface Case {
  kind: "glob" | "regex";
  pattern: string;
  /** What the inputs are made of. */
  input: string;
  make(random: Random): string;
}

const GLOB_INPUT = 8192;
const REGEX_INPUT = 2048;

/** `n` code units drawn from `alphabet`, after `head`; one `join`, so the string is flat before it is timed. */
const randomText = (head: string, alphabet: string, n: number) => (random: Random) =>
  [...head, ...Array.from({ length: n - head.length }, () => alphabet[random.int(0, alphabet.length - 1)])].join("");

const glob = (pattern: string, input: string, make: (random: Random) => string): Case => ({ kind: "glob", pattern, input, make });
const regex = (pattern: string, input: string, make: (random: Random) => string): Case => ({ kind: "regex", pattern, input, make });
const ab = randomText("/", "ab", GLOB_INPUT);
const abRegex = randomText("", "ab", REGEX_INPUT);

const CASES: Case[] = [
  // Ordinary patterns, for scale.
  glob("shop.example.com/docs/*", "shop.example.com/docs/ + random a/b", randomText("shop.example.com/docs/", "ab", GLOB_INPUT)),
  glob("/**/checkout/*", "random a/b//", randomText("/", "ab/", GLOB_INPUT)),
  regex("^vip-\\d+$", "vip- + random digits", randomText("vip-", "0123456789", REGEX_INPUT)),
  // A DFA with 2^k states: every position of a fresh random input is a new DFA state.
  glob(`/*a${"?".repeat(20)}`, "random a/b", ab),
  glob(`/*a${"?".repeat(40)}`, "random a/b", ab),
  glob(`/*a${"?".repeat(100)}`, "random a/b", ab),
  glob(`/*a${"?".repeat(1020)}`, "random a/b", ab),
  glob(`/*a${"[ab]".repeat(255)}`, "random a/b", ab),
  glob(`/*${"a*".repeat(511)}`, "random a/b", ab),
  glob(`/*${"?*".repeat(511)}`, "random a/b", ab),
  glob(`/${"*(a|b)".repeat(146)}`, "random a/b", ab),
  glob(`/${"+(a|b)".repeat(146)}`, "random a/b", ab),
  glob(`/*${"{a,b,c,d,e,f,g,h}".repeat(56)}`, "random a/b", ab),
  glob(`${"**/a/".repeat(170)}**`, "random a/b//", randomText("/", "ab/", GLOB_INPUT)),
  regex("a[ab]{20}$", "random a/b", abRegex),
  regex("a[ab]{20}c", "random a/b", abRegex),
  regex("a[ab]{40}c", "random a/b", abRegex),
  regex("a[ab]{100}c", "random a/b", abRegex),
  regex("a[ab]{1000}c", "random a/b", abRegex),
  regex("a[ab]{4000}c", "random a/b", abRegex),
  regex("(?:a*){2000}c", "random a/b", abRegex),
  regex("(?:a|b|ab|ba){400}c", "random a/b", abRegex),
  regex("(?:[ab]?){2000}c", "random a/b", abRegex),
  regex(`${"(?:a|b)*".repeat(28)}c`, "random a/b", abRegex),
  regex(`${"a?b?".repeat(63)}c`, "random a/b", abRegex),
];

/** Why parsing a configuration refuses the case's pattern, or `null`. */
function refusal(c: Case): string | null {
  if (c.kind === "glob") return checkGlob(c.pattern);
  return checkRegex(c.pattern)?.message ?? null;
}

/** The parse-time estimate of a call's worst case, in milliseconds of `MATCH_BUDGET`. */
function estimate(c: Case): string {
  const parsed = c.kind === "glob" ? parseGlob(c.pattern) : parseRegex(c.pattern);
  const pattern = typeof parsed === "string" ? null : "ok" in parsed ? (parsed.ok ? parsed.pattern : null) : parsed.pattern;
  if (pattern === null) return "";
  return (patternWork(pattern, c.kind === "regex", c.kind === "glob" ? GLOB_INPUT : REGEX_INPUT) / MATCH_BUDGET).toFixed(2);
}

function nfaSize(c: Case): number | string {
  if (c.kind === "glob") {
    const parsed = parseGlob(c.pattern);
    if (typeof parsed === "string") return parsed;
    return buildNfa(parsed.pattern, MAX_AUTOMATON_STATES)?.kind.length ?? "over the cap";
  }
  const parsed = parseRegex(c.pattern);
  if (!parsed.ok) return parsed.message;
  return buildNfa(parsed.pattern, MAX_AUTOMATON_STATES)?.kind.length ?? "over the cap";
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const fmt = (ms: number): string => (ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3));

function main(argv: readonly string[]): void {
  const arg = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const calls = Number(arg("--calls") ?? 40);
  const only = arg("--only");
  console.log(`| case | input | NFA states | work | worst CPU ms | p90 CPU ms | median CPU ms | matches |`);
  console.log(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const c of CASES) {
    if (only !== undefined && !c.pattern.includes(only)) continue;
    const size = nfaSize(c);
    const refused = refusal(c);
    if (typeof size === "string" || refused !== null) {
      console.log(`| ${c.kind} \`${short(c.pattern)}\` | ${c.input} | ${size} | ${estimate(c)} | refused at parse time | | | |`);
      continue;
    }
    const test = c.kind === "glob" ? compileGlob(c.pattern) : compileRegex(c.pattern);
    const random = createRandom(1);
    const inputs = Array.from({ length: calls + 5 }, () => c.make(random));
    const times: number[] = [];
    let hits = 0;
    for (const [i, input] of inputs.entries()) {
      const start = process.cpuUsage();
      const hit = test(input);
      const used = process.cpuUsage(start);
      const elapsed = (used.user + used.system) / 1000;
      if (i >= 5) times.push(elapsed);
      if (hit) hits += 1;
    }
    times.sort((x, y) => x - y);
    const row = [`${c.kind} \`${short(c.pattern)}\``, c.input, size, estimate(c), fmt(times.at(-1) as number), fmt(quantile(times, 0.9)), fmt(quantile(times, 0.5)), `${hits}/${inputs.length}`];
    console.log(`| ${row.join(" | ")} |`);
  }
}

/** A long pattern as its start, its length and its end. */
function short(pattern: string): string {
  const text = pattern.length <= 48 ? pattern : `${pattern.slice(0, 24)}…(${pattern.length})…${pattern.slice(-12)}`;
  // A `|` would end the markdown table's cell.
  return text.replaceAll("|", "\\|");
}

main(process.argv.slice(2));
