// Holds the lines STYLE.md draws: a pure core, each dependency behind one module of ours, and imports that point down.
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sources(join(root, "src")).map((path) => ({
  path: relative(root, path).replaceAll("\\", "/"),
  text: readFileSync(path, "utf8"),
}));

/** The storage layer and the command line do I/O by design; everything else is the pure core. */
const IO_DIRS = ["src/storage/", "src/redis/", "src/postgres/", "src/cli/"];
const isCore = (path: string): boolean => !IO_DIRS.some((dir) => path.startsWith(dir));
const core = files.filter((f) => isCore(f.path));

/** Source text without comments, so TSDoc examples may mention what code must not do. */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

function importersOf(pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(code(f.text))).map((f) => f.path);
}

/**
 * The layers of src, top to bottom (HOUSE.md): each room (a folder, or a file standing alone in src/) with the rooms it
 * may import. Its own room is always allowed. An import that is not in this table points up or sideways and fails
 * the test below: move the code down, or, if the new arrow is right, add it here where a reviewer sees it.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  // entry points
  "index.ts": ["evaluate", "state", "events", "lint", "simulate", "compile", "config", "conditions", "hashing", "types.ts", "reason-codes.ts"],
  cli: ["index.ts", "schema", "lhc", "simulate", "config", "lib"],
  // the LHC importer: pure, maps LHC's rows onto configuration and checks it with the parse functions
  lhc: ["config", "schedule", "fields.ts", "types.ts", "lib"],
  // the JSON Schema of an invitations file: generated data (schema.json at the package root), no code of src below it
  schema: [],
  // fast-check arbitraries for users' property tests (beckon/testing): the public model, and the journey format's types
  testing: ["config", "fields.ts", "types.ts", "lib"],
  redis: ["storage", "lib"],
  postgres: ["storage", "lib"],
  // simulation: a visitor's journey played with the service's reducers in the service's order, without storage, so it
  // stays pure and runs in a browser (the playground); test/property/simulate.property.test.ts holds it to createBeckon
  simulate: ["visits", "evaluate", "state", "events", "compile", "config", "types.ts", "reason-codes.ts", "lib"],
  // service
  storage: ["visits", "evaluate", "state", "events", "compile", "config", "clock.ts", "types.ts", "lib"],
  // one visitor's record and what each service call does to it, pure: the service and the simulation share it
  visits: ["evaluate", "state", "events", "compile", "config", "types.ts", "lib"],
  // evaluation: one walk over the compiled ruleset; settles expiry and reads event windows through the lifecycle's pure functions
  evaluate: [
    "state", "events", "compile", "visitor", "render", "conditions", "schedule", "hashing",
    "clock.ts", "types.ts", "reason-codes.ts", "lib",
  ],
  // lifecycle: pure reducers over the compiled ruleset
  state: ["compile", "config", "conditions", "types.ts", "lib"],
  events: ["compile", "config", "conditions", "types.ts", "lib"],
  // lint: static analysis over the compiled forms evaluation uses (candidates, schedules, shared URL matchers and
  // attribute predicates), the pattern parsers and the automaton's own size measure, so it judges what runs
  lint: ["compile", "render", "conditions", "schedule", "automaton", "config", "types.ts", "lib"],
  visitor: ["config", "conditions", "fields.ts", "types.ts", "lib"],
  // compile: the ruleset, immutable after compile
  compile: ["config", "render", "conditions", "schedule", "hashing", "fields.ts", "types.ts", "lib"],
  // configuration
  config: ["render", "conditions", "schedule", "fields.ts", "types.ts", "lib"],
  // rendering
  render: ["conditions", "hashing", "types.ts", "reason-codes.ts", "lib"],
  // matchers
  conditions: ["automaton", "types.ts", "lib"],
  schedule: ["types.ts", "lib"],
  automaton: ["lib"],
  hashing: ["lib"],
  "clock.ts": ["types.ts", "lib"],
  // the public data model and its vocabulary
  // the field tables: one declaration of each public type's fields, checked against it by the compiler
  "fields.ts": ["types.ts", "lib"],
  // the model's one door, and its topics behind it
  "types.ts": ["types", "reason-codes.ts", "lib"],
  types: ["reason-codes.ts", "lib"],
  "reason-codes.ts": ["lib"],
  lib: [],
};

/** The room of a path under src/: its first folder, or the file itself when it stands in src/. */
function roomOf(path: string): string {
  const rest = path.slice("src/".length);
  const slash = rest.indexOf("/");
  return slash === -1 ? rest : rest.slice(0, slash);
}

/** Every relative import (static, type-only, re-export or dynamic) of each source file, resolved to a path in src/. */
const imports: { from: string; to: string }[] = files.flatMap((f) =>
  [...code(f.text).matchAll(/(?:\bfrom|\bimport)\s*\(?\s*"(\.{1,2}\/[^"]+)\.js"/g)].map((m) => ({
    from: f.path,
    to: posix.join(posix.dirname(f.path), `${m[1] as string}.ts`),
  })),
);

describe("architecture", () => {
  it("finds the sources it checks", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  // `window`, `document`, `process` and `console` are also kept out by the compiler: src is type-checked with
  // `lib: ["ES2022"]` and no ambient types, where none of them exists.
  it("keeps the core away from the clock, randomness, the process and the console", () => {
    const banned = /\bDate\.now\(|new Date\(\)|Math\.random\(|\bprocess\.(env|argv|exit|hrtime)|\bconsole\./;
    const offenders = core.filter((f) => f.path !== "src/clock.ts" && banned.test(code(f.text))).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it("imports zod only in src/config/", () => {
    expect(importersOf(/from "zod(\/[^"]*)?"/).filter((p) => !p.startsWith("src/config/"))).toEqual([]);
  });

  // URL globs run on beckon's own linear-time automaton; picomatch and micromatch are test oracles only.
  it("imports no glob engine (picomatch, micromatch) anywhere in src", () => {
    expect(importersOf(/from "(picomatch|micromatch)(\/[^"]*)?"/)).toEqual([]);
  });

  it("keeps src/automaton a leaf: it imports nothing from the rest of src but the shared helpers in src/lib", () => {
    const automaton = files.filter((f) => f.path.startsWith("src/automaton/"));
    expect(automaton.length).toBeGreaterThan(0);
    expect(automaton.filter((f) => /from "\.\.\/(?!lib\/)/.test(code(f.text))).map((f) => f.path)).toEqual([]);
  });

  it("keeps src/lib at the bottom: it imports nothing from the rest of src", () => {
    const lib = files.filter((f) => f.path.startsWith("src/lib/"));
    expect(lib.length).toBeGreaterThan(0);
    expect(lib.filter((f) => /from "\.\.\//.test(code(f.text))).map((f) => f.path)).toEqual([]);
  });

  it("imports date-fns and @date-fns/tz only in src/schedule/", () => {
    expect(importersOf(/from "(date-fns|@date-fns\/tz)(\/[^"]*)?"/).filter((p) => !p.startsWith("src/schedule/"))).toEqual([]);
  });

  it("exports the public API by name from src/index.ts (no export *, no default export)", () => {
    const index = files.find((f) => f.path === "src/index.ts");
    expect(index).toBeDefined();
    expect(code(index?.text ?? "")).not.toMatch(/export \*|export default/);
  });

  it("never imports node built-ins in the core", () => {
    expect(importersOf(/from "node:|from "(fs|path|crypto|util|os)"/).filter(isCore)).toEqual([]);
  });

  it("never imports the storage layer from the core", () => {
    const reachesIo = /from "(\.\.?\/)+(storage|redis|postgres|cli)\/|from "\.\/(storage|redis|postgres|cli)\//;
    expect(core.filter((f) => reachesIo.test(code(f.text))).map((f) => f.path)).toEqual([]);
  });

  it("finds every relative import's target among the sources", () => {
    expect(imports.length).toBeGreaterThan(100);
    const known = new Set(files.map((f) => f.path));
    expect(imports.filter((i) => !known.has(i.to))).toEqual([]);
  });

  it("gives every room of src a row in the layer table, and the table names only rooms that exist", () => {
    const rooms = new Set(files.map((f) => roomOf(f.path)));
    expect([...rooms].filter((room) => !(room in MAY_IMPORT)).sort()).toEqual([]);
    const named = Object.entries(MAY_IMPORT).flatMap(([room, allowed]) => [room, ...allowed]);
    expect([...new Set(named)].filter((room) => !rooms.has(room)).sort()).toEqual([]);
  });

  it("keeps the layer table one-way: no room may reach itself through the rooms it may import", () => {
    const reaches = (from: string, seen = new Set<string>()): Set<string> => {
      for (const next of MAY_IMPORT[from] ?? []) if (!seen.has(next)) reaches(next, seen.add(next));
      return seen;
    };
    expect(Object.keys(MAY_IMPORT).filter((room) => reaches(room).has(room))).toEqual([]);
  });

  it("imports only downwards: every import between rooms of src is allowed by the layer table", () => {
    const upward = imports
      .filter((i) => roomOf(i.from) !== roomOf(i.to) && !(MAY_IMPORT[roomOf(i.from)] ?? []).includes(roomOf(i.to)))
      .map((i) => `${i.from} -> ${i.to}`);
    expect(upward).toEqual([]);
  });

  it("has no import cycle between files in src (type-only imports included)", () => {
    const next = new Map<string, string[]>();
    for (const i of imports) next.set(i.from, [...(next.get(i.from) ?? []), i.to]);
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (path: string, trail: string[]): void => {
      state.set(path, "open");
      for (const to of next.get(path) ?? []) {
        if (state.get(to) === "open") cycles.push([...trail.slice(trail.indexOf(to)), path, to].join(" -> "));
        else if (state.get(to) === undefined) visit(to, [...trail, path]);
      }
      state.set(path, "done");
    };
    for (const f of files) if (state.get(f.path) === undefined) visit(f.path, []);
    expect(cycles).toEqual([]);
  });

  // The LHC importer is pure (it runs anywhere); only the command line reads a live database, through mysql2.
  it("imports mysql2 only in src/cli/ (statically or dynamically)", () => {
    expect(importersOf(/(?:from|import\s*\()\s*"mysql2(\/[^"]*)?"/).filter((p) => !p.startsWith("src/cli/"))).toEqual([]);
  });

  // fast-check is an optional peer, for beckon/testing only: the core and the other entry points must load without it.
  it("imports fast-check only in src/testing/", () => {
    expect(importersOf(/from "fast-check(\/[^"]*)?"/).filter((p) => !p.startsWith("src/testing/"))).toEqual([]);
    expect(importersOf(/from "fast-check"/).length).toBeGreaterThan(0);
  });

  it("imports ioredis only in src/redis/ and pg only in src/postgres/", () => {
    expect(importersOf(/from "ioredis"/).filter((p) => !p.startsWith("src/redis/"))).toEqual([]);
    expect(importersOf(/from "pg"/).filter((p) => !p.startsWith("src/postgres/"))).toEqual([]);
  });
});
