// The JSON Schema (schema.json, beckon/schema) run by ajv in 2020-12 mode, against parseInvitations: over valid
// generated sets, single mutations of them and every parseInvitations fixture, a set the parser accepts is accepted
// by the schema, and a set the parser refuses is refused by the schema too — unless every problem the parser found
// is one of the rules docs/schema.md lists as the parser's alone (test/unit/schema/disagreements.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseInvitations } from "../../src/index.js";
import { arbitraryInvitations } from "../../src/testing/index.js";
import { onlyDisagreements } from "../unit/schema/disagreements.js";
import { schemaAccepts } from "../unit/schema/schema-validator.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a value, the root included, each with the value there. */
function places(value: Json, path: Path = []): [Path, Json][] {
  const here: [Path, Json][] = [[path, value]];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => places(item, [...path, i])));
  if (value !== null && typeof value === "object") {
    return here.concat(Object.entries(value).flatMap(([key, item]) => places(item, [...path, key])));
  }
  return here;
}

/** Values that break some rule somewhere: wrong types, bounds, blanks, bad formats, wrong tags. */
const REPLACEMENTS: Json[] = [
  null, true, 0, -1, 1.5, 2 ** 53, "", " ", "x", "25:00", "09:60", "02-30 10:00", "13-01 10:00", "2026-13-01",
  "2026-02-30", "Hi {lhc.var.}", "{lhc.add.a b}", "dynamic", "inject", "idle", "regex", "gt", "exists", "1e999",
  "1,5", "Europe/Atlantis", "/page-{1..3}", "(a)\\1", "help, ?", [], [1], ["x"], [{}], {}, { now: 1 }, { x: 1 },
  { type: "idle", seconds: 0 }, { type: "exitIntent" },
];
const KEYS = ["zzUnknown", "postion", "__proto__", "trigger", "events", "kind", "lt_LT", "x"];

type Mutation =
  | { kind: "replace"; at: number; value: Json }
  | { kind: "delete"; at: number }
  | { kind: "add"; at: number; key: string; value: Json };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: fc.constantFrom(...REPLACEMENTS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.constantFrom(...KEYS), value: fc.constantFrom(...REPLACEMENTS) }) },
);

function setOwn(target: object, key: string | number, value: unknown): void {
  // defineProperty, so a "__proto__" key is an own key as JSON.parse makes it, not the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The set with one mutation applied (a fresh copy; the input is not touched). */
function mutate(set: Json, mutation: Mutation): Json {
  const copy = structuredClone(set);
  const all = places(copy);
  const [path, value] = all[mutation.at % all.length] as [Path, Json];
  if (mutation.kind === "add") {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) setOwn(value, mutation.key, mutation.value);
    else if (Array.isArray(value)) value.push(mutation.value);
    return copy;
  }
  if (path.length === 0) return mutation.kind === "replace" ? mutation.value : copy;
  const parent = places(copy).find(([p]) => p.length === path.length - 1 && p.every((k, i) => k === path[i]))?.[1] as object;
  const key = path[path.length - 1] as string | number;
  if (mutation.kind === "replace") setOwn(parent, key, mutation.value);
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, unknown>)[key as string];
  return copy;
}

/** The law, for one input: what it says about the two verdicts (a string, so a failure shows the input). */
function verdicts(input: unknown): { parser: string; schema: boolean } {
  const parsed = safeParseInvitations(input);
  if (parsed.success) return { parser: "accepts", schema: schemaAccepts(input) };
  const only = onlyDisagreements(parsed.error.issues);
  return { parser: only ? "refuses for a listed rule only" : "refuses", schema: schemaAccepts(input) };
}

function agree(input: unknown): boolean {
  const { parser, schema } = verdicts(input);
  return parser === "accepts" ? schema : parser === "refuses" ? !schema : true;
}

const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

describe("the JSON Schema and parseInvitations", () => {
  it("accept every generated valid set", () => {
    fc.assert(
      fc.property(arbitraryInvitations(), (set) => {
        const data = asJson(set);
        expect(verdicts(data)).toEqual({ parser: "accepts", schema: true });
      }),
    );
  });

  it("agree on every single mutation of a valid set, but for the rules listed as the parser's alone", () => {
    const seen = { accepts: 0, refuses: 0, "refuses for a listed rule only": 0 };
    fc.assert(
      fc.property(arbitraryInvitations({ maxLength: 3 }), mutationArb, (set, mutation) => {
        const data = mutate(asJson(set), mutation);
        seen[verdicts(data).parser as keyof typeof seen] += 1;
        expect(agree(data), JSON.stringify({ data, ...verdicts(data) })).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // The mutations reach the schema's rules: most of them break the set for a reason the schema must see.
    expect(seen.refuses).toBeGreaterThan(400);
    expect(seen.accepts).toBeGreaterThan(0);
  });

  it("agree on every parseInvitations fixture, but for the rules listed as the parser's alone", () => {
    const dir = join(import.meta.dirname, "..", "fixtures", "cases");
    const inputs = readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => (JSON.parse(readFileSync(join(dir, file), "utf8")) as { parseInvitations?: { name: string; input: unknown }[] }).parseInvitations ?? []);
    expect(inputs.length).toBeGreaterThan(10);
    const disagreeing = inputs.filter((c) => !agree(c.input)).map((c) => ({ name: c.name, ...verdicts(c.input) }));
    expect(disagreeing).toEqual([]);
  });

});
