/**
 * Index growth (issue 9, item 3): sets of n invitations whose keys are all distinct — every invitation its own
 * attribute key, host, tag or event — so the candidate index holds n keys. Prints, per n and kind of key: compile
 * time, the memory compile retains (JS heap plus ArrayBuffers, after a forced GC, without the invitations
 * themselves), what the ruleset alone holds (the heap freed when it is dropped), the same for the candidate index alone (built once more from the compiled candidates), the peak
 * while compiling and evaluating, and `evaluate` time per visitor (median and max over visitors that match one invitation and visitors
 * that match none, the worst case: nothing is eligible, so the whole set is scanned).
 *
 *   npx tsx bench/index-growth.ts                  # n = 10 000, 20 000, 40 000, 100 000
 *   npx tsx bench/index-growth.ts --n 1000,200000  # other sizes
 *   npx tsx bench/index-growth.ts --kind attr,tag  # only these kinds of key
 *
 * Targets: 100 000 invitations compile in under 2 s and 100 MB, and evaluate stays under 1 ms.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compiledRuleset } from "../src/compile/compile.js";
import { compile, evaluate, type Invitation, type Ruleset, type Visitor } from "../src/index.js";
import { buildCandidateIndex } from "../src/compile/candidate-index.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

type Kind = "attribute" | "host" | "tag" | "event" | "all four";
const KINDS: readonly Kind[] = ["attribute", "host", "tag", "event", "all four"];
const NOW = Date.UTC(2026, 2, 23, 12);
const VISITORS = 400;

function invitation(kind: Kind, i: number): Invitation {
  const base: Invitation = { id: `inv-${i}`, message: "Hi", position: i % 100 };
  const attribute = { attributes: [{ key: `key${i}`, op: "eq" as const, value: "yes" }] };
  const host = { urls: [`host${i}.example.com/*`] };
  const tag = { tag: `tag${i}` };
  const event = { events: [{ event: `event${i}`, minCount: 1 }] };
  switch (kind) {
    case "attribute":
      return { ...base, ...attribute };
    case "host":
      return { ...base, ...host };
    case "tag":
      return { ...base, ...tag };
    case "event":
      return { ...base, ...event };
    case "all four":
      return { ...base, ...attribute, ...host, ...tag, ...event };
  }
}

/** Visitor `v`: odd ones have the keys of one invitation, even ones only keys no invitation names. */
function visitor(kind: Kind, n: number, v: number): Visitor {
  const i = v % 2 === 1 ? (v * 7919) % n : n + v;
  const all = kind === "all four";
  return {
    id: `visitor-${v}`,
    url: all || kind === "host" ? `https://host${i}.example.com/page` : "https://www.example.com/page",
    attributes: all || kind === "attribute" ? { [`key${i}`]: "yes", plan: "pro", country: "LT" } : { plan: "pro" },
    tags: all || kind === "tag" ? [`tag${i}`, "returning"] : ["returning"],
    events: all || kind === "event" ? [{ name: `event${i}`, at: NOW - 1000 }, { name: "login", at: NOW - 5000 }] : [],
  };
}

/** The JS heap plus ArrayBuffer backing stores, which live outside it: large bitsets would be missed otherwise. */
function heapMb(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

function measure(kind: Kind, n: number): string {
  const invitations = Array.from({ length: n }, (_, i) => invitation(kind, i));
  const visitors = Array.from({ length: VISITORS }, (_, v) => visitor(kind, n, v));
  // Twice: the first collection may only queue what the previous set left behind.
  gc();
  gc();
  const before = heapMb();
  let peak = before;
  const started = performance.now();
  let ruleset: Ruleset | null = compile(invitations);
  const compileMs = performance.now() - started;
  peak = Math.max(peak, heapMb());
  gc();
  const retained = heapMb() - before;
  const index = indexAlone(ruleset, n, before + retained);
  const timed = timeEvaluate(ruleset, visitors);
  peak = Math.max(peak, timed.peak);
  // What the ruleset alone holds: the heap with it, less the heap once it is dropped. Unlike `retained`, this leaves
  // out what compiling leaves on the invitations themselves (V8's key caches for objects that each have a hidden
  // class of their own, as spreads in a loop make them; strings it flattened) and beckon's bounded module caches.
  gc();
  const withRuleset = heapMb();
  ruleset = null;
  gc();
  const rulesetMb = withRuleset - heapMb();
  const cells = [n.toLocaleString("en"), kind, compileMs.toFixed(0), retained.toFixed(1), rulesetMb.toFixed(1), index.ms.toFixed(0), index.mb.toFixed(1), (peak - before).toFixed(1), timed.median.toFixed(1), timed.max.toFixed(1), `${timed.selected}/${VISITORS}`];
  return `| ${cells.join(" | ")} |`;
}

/** The candidate index on its own, built once more from the compiled candidates: its time and what it keeps. */
function indexAlone(ruleset: Ruleset, n: number, heapBefore: number): { ms: number; mb: number } {
  const candidates = compiledRuleset(ruleset).standard.candidates;
  const started = performance.now();
  const index = buildCandidateIndex(candidates);
  const ms = performance.now() - started;
  gc();
  const mb = heapMb() - heapBefore;
  if (index.candidates.length !== n) throw new Error("the index lost candidates");
  return { ms, mb };
}

/** Warm up, then time each visitor on its own: the best of three, so a passing disturbance moves nothing. */
function timeEvaluate(ruleset: Ruleset, visitors: readonly Visitor[]): { median: number; max: number; selected: number; peak: number } {
  for (const v of visitors) evaluate(ruleset, v, NOW);
  const best = visitors.map(() => Number.POSITIVE_INFINITY);
  let selected = 0;
  for (let pass = 0; pass < 3; pass++) {
    visitors.forEach((v, at) => {
      const t0 = performance.now();
      const decision = evaluate(ruleset, v, NOW);
      const spent = performance.now() - t0;
      if (spent < (best[at] as number)) best[at] = spent;
      if (pass === 0 && decision.status === "selected") selected++;
    });
  }
  const sorted = [...best].sort((a, b) => a - b);
  const median = (sorted[sorted.length >> 1] as number) * 1000;
  const max = (sorted[sorted.length - 1] as number) * 1000;
  return { median, max, selected, peak: heapMb() };
}

function kinds(): readonly Kind[] {
  const at = process.argv.indexOf("--kind");
  const given = at === -1 ? undefined : process.argv[at + 1];
  return given === undefined ? KINDS : KINDS.filter((kind) => given.split(",").some((word) => kind.startsWith(word)));
}

function sizes(): number[] {
  const at = process.argv.indexOf("--n");
  const given = at === -1 ? undefined : process.argv[at + 1];
  return given === undefined ? [10_000, 20_000, 40_000, 100_000] : given.split(",").map(Number);
}

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log("| n | distinct key | compile ms | retained MB | ruleset MB | index ms | index MB | peak MB | evaluate µs median | evaluate µs max | selected |");
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const n of sizes()) for (const kind of kinds()) console.log(measure(kind, n));
