/**
 * Callgrind's count of each machine instruction added up per JavaScript function, for `bench/instructions.ts
 * --by-function`: node's `--perf-basic-prof` map says which function's code sits at each address, and the bundle's
 * source map says where in src/ that function is written.
 */
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { firstAbove } from "../src/lib/first-above.js";
import { constBindings, shiftMappings } from "../scripts/const-bindings.mjs";

/** One line of node's perf map: code from `start`, `size` bytes long, of the function `name`. */
interface CodeRange {
  start: number;
  size: number;
  name: string;
}

/**
 * The instruction address a callgrind line names when it is a cost line, from the `previous` one, or null for any
 * other line. Cost lines start with a position: an address (0x…), a number, +n, -n or * (the same as before).
 */
function costLineAddress(line: string, previous: number): number | null {
  const first = line.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || line[0] === "+" || line[0] === "-" || line[0] === "*")) return null;
  const at = line.slice(0, line.indexOf(" ") >>> 0);
  if (at.startsWith("0x")) return Number.parseInt(at, 16);
  if (at[0] === "+" || at[0] === "-") return previous + Number(at);
  return at === "*" ? previous : Number(at);
}

/** Callgrind's count (the first event, instructions) per instruction address, calls' inclusive costs left out. */
function countsByAddress(callgrindOut: string): Map<number, number> {
  const counts = new Map<number, number>();
  let positions = 1;
  let address = 0;
  let inclusive = false;
  for (const line of readFileSync(callgrindOut, "utf8").split("\n")) {
    const at = costLineAddress(line, address);
    if (at === null) {
      if (line.startsWith("positions:")) positions = line.split(/\s+/).length - 1;
      // The cost line after `calls=` is what the call cost in all, not this function's own.
      else if (line.startsWith("calls=")) inclusive = true;
      continue;
    }
    address = at;
    if (inclusive) {
      inclusive = false;
      continue;
    }
    const cost = Number(line.split(" ")[positions] ?? 0);
    if (cost > 0) counts.set(address, (counts.get(address) ?? 0) + cost);
  }
  return counts;
}

function readPerfMap(path: string): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [start, size, ...name] = line.split(" ");
    if (start === undefined || size === undefined || name.length === 0) continue;
    ranges.push({ start: Number.parseInt(start, 16), size: Number.parseInt(size, 16), name: name.join(" ") });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** The range holding `address`: the last to start at or before it (`starts` are the ranges' starts, ascending). */
function rangeAt(ranges: readonly CodeRange[], starts: readonly number[], address: number): CodeRange | undefined {
  const range = ranges[firstAbove(starts, address) - 1];
  return range !== undefined && address < range.start + range.size ? range : undefined;
}

/**
 * A perf-map name as a reader knows it: `JS:*read file:///…/child.mjs:9607:7` → `read (src/visitor/view-visitor.ts:149)`,
 * the engine's tiers (`*`, `~`, `^`, `+`) merged; builtins keep their name (`Builtin:StringIndexOf`).
 */
function label(name: string, bundle: string, sourceMap: SourceMap, root: string): string {
  const js = /^(?:JS|LazyCompile|Function):[*~^+]?(.*) (?:file:\/\/)?(\S+):(\d+):(\d+)$/.exec(name);
  if (js === null) return name;
  const [, fn = "", file, line, column] = js;
  if (file !== bundle) return `${fn || "(anonymous)"} (${file})`;
  const entry = sourceMap.findEntry(Number(line) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number };
  if (entry.originalSource === undefined) return fn || "(anonymous)";
  const source = relative(root, resolve(dirname(bundle), entry.originalSource.replace(/^file:\/\//, "")));
  return `${fn || "(anonymous)"} (${source}:${(entry.originalLine ?? 0) + 1})`;
}

/**
 * Instructions per function in one callgrind run of the child `bundle` (with its `.map` beside it): `perfMap` is the
 * run's `/tmp/perf-<pid>.map`. Addresses no function covers (node's and V8's own C++, the runtime) are summed under
 * "(native code: node, V8, libc)".
 */
export function instructionsByFunction(callgrindOut: string, perfMap: string, bundle: string, root: string): Map<string, number> {
  const nameAt = functionNamer(perfMap, bundle, root);
  const totals = new Map<string, number>();
  for (const [address, count] of countsByAddress(callgrindOut)) {
    const name = nameAt(address);
    totals.set(name, (totals.get(name) ?? 0) + count);
  }
  return totals;
}

/**
 * The name of the function whose code holds an address, from a run's perf map (`/tmp/perf-<pid>.map`) and the
 * bundle's source map, each range named once; addresses no function covers (node's and V8's own C++, the runtime)
 * are "(native code: node, V8, libc)".
 */
function functionNamer(perfMap: string, bundle: string, root: string): (address: number) => string {
  const ranges = readPerfMap(perfMap);
  const starts = ranges.map((range) => range.start);
  const sourceMap = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, "utf8")) as ConstructorParameters<typeof SourceMap>[0]);
  const names = new Map<CodeRange, string>();
  return (address) => {
    const range = rangeAt(ranges, starts, address);
    if (range === undefined) return "(native code: node, V8, libc)";
    let name = names.get(range);
    if (name === undefined) {
      name = label(range.name, bundle, sourceMap, root);
      names.set(range, name);
    }
    return name;
  };
}

/**
 * How often each function calls the functions whose names match `callee`, in one callgrind run (made with
 * `--dump-instr=yes`): keys `callee <- caller`, both named as {@link instructionsByFunction} names them. Calls are
 * counted, not their inclusive cost, which also holds the collections a callee's allocations set off. Finds who calls
 * a costly builtin: ioredis's `Array.prototype.flat` was found this way (bench/RESULTS.md, "Twenty-third round").
 */
export function callsInto(callgrindOut: string, perfMap: string, bundle: string, root: string, callee: RegExp): Map<string, number> {
  const nameAt = functionNamer(perfMap, bundle, root);
  // callgrind names a function once as `(id) name` and later by `(id)` alone; JIT code is named by its address.
  const names = new Map<string, string>();
  const named = (spec: string): string => {
    const compressed = /^\((\d+)\)(?: (.*))?$/.exec(spec);
    if (compressed === null) return spec;
    if (compressed[2] !== undefined) names.set(compressed[1] as string, compressed[2]);
    return names.get(compressed[1] as string) ?? spec;
  };
  const counts = new Map<string, number>();
  let target = "";
  let pending = -1;
  let address = 0;
  for (const line of readFileSync(callgrindOut, "utf8").split("\n")) {
    if (line.startsWith("cfn=")) target = named(line.slice(4));
    else if (line.startsWith("fn=")) named(line.slice(3));
    else if (line.startsWith("calls=")) pending = Number(line.slice(6).split(" ")[0]);
    const at = costLineAddress(line, address);
    if (at === null) continue;
    address = at;
    if (pending < 0) continue;
    // The cost line after `calls=` starts with the calling instruction's address.
    const calleeName = /^0x[0-9a-f]+$/i.test(target) ? nameAt(Number.parseInt(target, 16)) : target;
    if (callee.test(calleeName)) {
      const key = `${calleeName} <- ${nameAt(address)}`;
      counts.set(key, (counts.get(key) ?? 0) + pending);
    }
    pending = -1;
  }
  return counts;
}

/** What one run under callgrind counted: in all, and per function when split. */
export interface Count {
  total: number;
  /** Per function, with `split`. */
  functions: Map<string, number> | null;
  /** Calls into the functions matching `callee` (see {@link callsInto}), with `split` and a `callee`. */
  calls: Map<string, number> | null;
}

/**
 * Runs `node --predictable <bundle> ...args` under callgrind in `scratch` and returns the instructions it counted;
 * with `split`, also per function (see {@link instructionsByFunction}; the bundle needs its source map), and with a
 * `callee` the calls into the functions it matches ({@link callsInto}).
 * `youngMb` pins the young generation's semi-spaces at that many MB (0: the engine's own growth, as users run it).
 *
 * @example
 * countInstructions(child, ["beckon", "10", "30", "2000"], false, scratch, root).total // => 123456789
 */
export function countInstructions(
  bundle: string,
  args: readonly string[],
  split: boolean,
  scratch: string,
  root: string,
  youngMb = 0,
  callee: RegExp | null = null,
): Count {
  const out = split ? join(scratch, `callgrind.${args.join(".")}`) : "/dev/null";
  const tool = ["--tool=callgrind", `--callgrind-out-file=${out}`, ...(split ? ["--dump-instr=yes"] : [])];
  const young = youngMb > 0 ? [`--min-semi-space-size=${youngMb}`, `--max-semi-space-size=${youngMb}`] : [];
  const node = [process.execPath, "--predictable", ...young, ...(split ? ["--perf-basic-prof"] : []), bundle, ...args];
  // In the scratch directory: with its map node also writes a code log (isolate-…-v8.log) where it runs.
  const run = spawnSync("valgrind", [...tool, ...node], { encoding: "utf8", cwd: scratch });
  const collected = /Collected : ([\d,]+)/.exec(run.stderr ?? "");
  if (run.status !== 0 || collected === null) throw new Error(`valgrind did not count (is it installed?): ${run.error?.message ?? run.stderr}`);
  const total = Number((collected[1] as string).replaceAll(",", ""));
  if (!split) return { total, functions: null, calls: null };
  // valgrind runs node in its own process: node's pid, and so its map's name, is the one spawnSync started.
  const perfMap = `/tmp/perf-${run.pid}.map`;
  try {
    const calls = callee === null ? null : callsInto(out, perfMap, bundle, root, callee);
    return { total, functions: instructionsByFunction(out, perfMap, bundle, root), calls };
  } finally {
    rmSync(perfMap, { force: true });
    rmSync(out, { force: true });
  }
}

/**
 * The count per unit between two runs, `few` and `many` units (passes, calls): start-up and compilation cancel out.
 * Functions and calls come sorted, largest first.
 *
 * @example
 * perUnit(count(10), count(30), 20 * 2000).total // => instructions per decision
 */
export function perUnit(few: Count, many: Count, extraUnits: number): { total: number; functions: [string, number][]; calls: [string, number][] } {
  const difference = (a: Map<string, number> | null, b: Map<string, number> | null): [string, number][] => {
    if (a === null || b === null) return [];
    const rows: [string, number][] = [...new Set([...a.keys(), ...b.keys()])].map((name) => [name, ((b.get(name) ?? 0) - (a.get(name) ?? 0)) / extraUnits]);
    return rows.sort((x, y) => y[1] - x[1]);
  };
  return { total: (many.total - few.total) / extraUnits, functions: difference(few.functions, many.functions), calls: difference(few.calls, many.calls) };
}

/**
 * Bundles a counter's child (`entry`, in bench/) into `outfile` for node to run under callgrind: one file, so the
 * count covers beckon as users run it; a source map when the count is split by function. An ES module bundle gets
 * the published build's last step (scripts/const-bindings.mjs: top-level bindings never assigned again made `const`),
 * so it runs as the published ES modules do.
 *
 * @example
 * await bundleChild("instructions-child.ts", join(scratch, "child.mjs"), "esm", false)
 */
export async function bundleChild(entry: string, outfile: string, format: "esm" | "cjs", sourcemap: boolean): Promise<void> {
  await build({ entryPoints: [resolve(import.meta.dirname, entry)], bundle: true, format, platform: "node", outfile, sourcemap, logLevel: "warning" });
  if (format !== "esm") return;
  const text = readFileSync(outfile, "utf8");
  const rewritten = constBindings(text);
  writeFileSync(outfile, rewritten.text);
  if (!sourcemap) return;
  const map = JSON.parse(readFileSync(`${outfile}.map`, "utf8")) as { mappings: string };
  map.mappings = shiftMappings(map.mappings, text, rewritten.grew);
  writeFileSync(`${outfile}.map`, JSON.stringify(map));
}
