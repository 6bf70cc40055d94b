// Holds the lines STYLE.md draws: a pure core, and each dependency behind one module of ours.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
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

  it("imports ioredis only in src/redis/ and pg only in src/postgres/", () => {
    expect(importersOf(/from "ioredis"/).filter((p) => !p.startsWith("src/redis/"))).toEqual([]);
    expect(importersOf(/from "pg"/).filter((p) => !p.startsWith("src/postgres/"))).toEqual([]);
  });
});
