/**
 * Index growth (issue 9, item 3): sets of n invitations whose keys are all distinct — every invitation its own
 * attribute key, host, tag or event — so the candidate index holds n keys. Each set and kind runs in a fresh node
 * process (no cache or compiled validator left over from the one before) on invitations read with `JSON.parse`, the
 * way a set arrives (objects spread together in code each get hidden classes of their own, and what V8 then caches
 * on them would be counted as beckon's). Prints, per n and kind of key:
 *
 * - compile: wall-clock and CPU time (`process.cpuUsage`, every thread: the collector's too) of `compile` on the plain
 *   array, validation included;
 * - retained MB: what compile leaves behind (JS heap plus ArrayBuffers, after forced GCs, without the invitations):
 *   the ruleset, and beckon's bounded module caches;
 * - index ms / MB: the candidate index alone, built once more from the compiled candidates;
 * - peak MB: the most heap compile held at any instant above what was there before (the largest heap a collection
 *   met during compile, taken from `v8.GCProfiler`, or the heap when compile returned), garbage included: what a
 *   server must have room for;
 * - evaluate µs per visitor (median and max over visitors that match one invitation and visitors that match none,
 *   the worst case: nothing is eligible, so the whole set is scanned).
 *
 *   npx tsx bench/index-growth.ts                  # n = 10 000, 20 000, 40 000, 100 000
 *   npx tsx bench/index-growth.ts --n 1000,200000  # other sizes
 *   npx tsx bench/index-growth.ts --kind attr,tag  # only these kinds of key ("all four": every kind at once)
 *
 * Targets: 100 000 invitations compile in under 2 s and 100 MB, and evaluate stays under 1 ms.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { GCProfiler, getHeapStatistics, setFlagsFromString } from "node:v8";
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

/**
 * Invitation `i` as JSON text. Written out, not built with spreads: objects spread together in a loop each get hidden
 * classes of their own, which linger after they are dropped and would then be freed during compile, hiding part of
 * what compile retains.
 */
function invitationJson(kind: Kind, i: number): string {
  const fields = [`"id":"inv-${i}"`, `"message":"Hi"`, `"position":${i % 100}`];
  const all = kind === "all four";
  if (all || kind === "attribute") fields.push(`"attributes":[{"key":"key${i}","op":"eq","value":"yes"}]`);
  if (all || kind === "host") fields.push(`"urls":["host${i}.example.com/*"]`);
  if (all || kind === "tag") fields.push(`"tag":"tag${i}"`);
  if (all || kind === "event") fields.push(`"events":[{"event":"event${i}","minCount":1}]`);
  return `{${fields.join(",")}}`;
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

/** The same from V8's own statistics, which a GC profile reports before and after each collection. */
function usedMb(stats: { usedHeapSize: number; externalMemory: number }): number {
  return (stats.usedHeapSize + stats.externalMemory) / 2 ** 20;
}

function measure(kind: Kind, n: number): string {
  const invitations = JSON.parse(`[${Array.from({ length: n }, (_, i) => invitationJson(kind, i)).join(",")}]`) as Invitation[];
  const visitors = Array.from({ length: VISITORS }, (_, v) => visitor(kind, n, v));
  // Twice: the first collection may only queue what the previous set left behind.
  gc();
  gc();
  const before = heapMb();
  const heap = getHeapStatistics();
  const start = usedMb({ usedHeapSize: heap.used_heap_size, externalMemory: heap.external_memory });
  const profiler = new GCProfiler();
  profiler.start();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const ruleset = compile(invitations);
  const compileMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const end = getHeapStatistics();
  let peak = usedMb({ usedHeapSize: end.used_heap_size, externalMemory: end.external_memory });
  const profiled = profiler.stop()?.statistics ?? [];
  for (const event of profiled) peak = Math.max(peak, usedMb(event.beforeGC.heapStatistics));
  gc();
  gc();
  const retained = heapMb() - before;
  const index = indexAlone(ruleset, n, before + retained);
  const timed = timeEvaluate(ruleset, visitors);
  const cells = [
    n.toLocaleString("en"), kind, compileMs.toFixed(0), ((user + system) / 1000).toFixed(0), retained.toFixed(1),
    index.ms.toFixed(0), index.mb.toFixed(1), (peak - start).toFixed(1), timed.median.toFixed(1),
    timed.max.toFixed(1), `${timed.selected}/${VISITORS}`,
  ];
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
function timeEvaluate(ruleset: Ruleset, visitors: readonly Visitor[]): { median: number; max: number; selected: number } {
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
  return { median, max, selected };
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

const one = process.argv.indexOf("--one");
if (one !== -1) {
  console.log(measure(process.argv[one + 2] as Kind, Number(process.argv[one + 1])));
} else {
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log("| n | distinct key | compile ms | compile CPU ms | retained MB | index ms | index MB | peak MB | evaluate µs median | evaluate µs max | selected |");
  console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const self = fileURLToPath(import.meta.url);
  for (const n of sizes()) {
    for (const kind of kinds()) {
      // A fresh process per row: nothing one row compiled or cached is there for the next.
      const child = spawnSync(process.execPath, [...process.execArgv, self, "--one", String(n), kind], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
      if (child.status !== 0) throw new Error(`the row for ${n} ${kind} failed`);
      console.log(child.stdout.trim());
    }
  }
}
