import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INVITATION_FIELDS, VISITOR_FIELDS } from "../../src/fields.js";

const folder = join(import.meta.dirname, "../../src/types");
const types = readdirSync(folder)
  .map((file) => readFileSync(join(folder, file), "utf8"))
  .join("\n");

/** The `@default` tag of each field of `interface name` in src/types/ (`undefined` when the field has none). */
function documentedDefaults(name: string): Map<string, string | undefined> {
  const start = types.indexOf(`export interface ${name} {`);
  if (start === -1) throw new Error(`interface ${name} is not in src/types/`);
  const body = types.slice(start);
  const lines = body.slice(0, body.indexOf("\n}")).split("\n").slice(1);
  const tags = new Map<string, string | undefined>();
  let doc = "";
  for (const line of lines) {
    const field = /^ {2}(\w+)\??:/.exec(line);
    if (field === null) doc += line;
    else {
      tags.set(field[1] as string, /@default (.*?) \*\//.exec(doc)?.[1]);
      doc = "";
    }
  }
  return tags;
}

/** A tag's value as JSON without its trailing remark (`"" (the first-visit message)`), or `undefined` for words. */
function parsed(tag: string | undefined): unknown {
  if (tag === undefined) return undefined;
  try {
    return JSON.parse(tag.replace(/ \(.*\)$/, "")) as unknown;
  } catch {
    return undefined; // "none", "an empty state", "all false", "options.…": said in words, no constant to hold
  }
}

describe("field tables", () => {
  it.each([
    ["Visitor", VISITOR_FIELDS],
    ["Invitation", INVITATION_FIELDS],
  ] as const)("list every field of %s with the default its @default tag documents", (name, table) => {
    const tags = documentedDefaults(name);
    expect(Object.keys(table)).toEqual([...tags.keys()]);
    for (const [field, tag] of tags) {
      expect({ field, default: (table as Record<string, { default: unknown }>)[field]?.default }).toEqual({ field, default: parsed(tag) });
    }
  });
});

describe("the fixture cases that set every field at once", () => {
  const cases = (file: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/cases", file), "utf8"));
  /** The case of that name anywhere in a cases file. */
  function named(node: unknown, name: string): { input: unknown } | undefined {
    if (Array.isArray(node)) return node.map((n) => named(n, name)).find((found) => found !== undefined);
    if (typeof node !== "object" || node === null) return undefined;
    if ((node as { name?: unknown }).name === name) return node as { input: unknown };
    return Object.values(node).map((n) => named(n, name)).find((found) => found !== undefined);
  }

  it("every invitation field at once: each field of the table but trigger (only a dynamic invitation has one)", () => {
    const input = named(cases("configuration.json"), "every invitation field at once is valid")?.input as Record<string, unknown>[];
    expect(Object.keys(input[0] ?? {})).toEqual(Object.keys(INVITATION_FIELDS).filter((field) => field !== "trigger"));
  });

  it("every visitor field at once: each field of the table", () => {
    const input = named(cases("visitor.json"), "every visitor field at once is valid")?.input as Record<string, unknown>;
    expect(Object.keys(input).sort()).toEqual(Object.keys(VISITOR_FIELDS).sort());
  });
});

describe("docs/api.md", () => {
  const readme = readFileSync(join(import.meta.dirname, "../../docs/api.md"), "utf8");
  const section = (title: string): string => {
    const start = readme.indexOf(`\n## ${title}\n`);
    return readme.slice(start, readme.indexOf("\n## ", start + 1));
  };

  it.each([
    ["Visitor snapshot", VISITOR_FIELDS],
    ["Invitation fields", INVITATION_FIELDS],
  ] as const)("names every field of the table in a row of its section %s", (title, table) => {
    // The first cell of each table row (`url` / `previousUrl` names two): a field named only in the prose around the
    // table, as the Limits paragraph names every bounded string, does not count.
    const rows = section(title)
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(Object.keys(table).filter((field) => !rows.includes(field))).toEqual([]);
  });
});
