import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { safeParseInvitations } from "../../../src/index.js";
import { DISAGREEMENTS } from "./disagreements.js";
import { schemaAccepts } from "./schema-validator.js";

const docs = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "schema.md"), "utf8");

describe("what the JSON Schema leaves to parseInvitations", () => {
  it.each(DISAGREEMENTS.map((d) => [d.rule, d] as const))("%s: the schema accepts, only this rule refuses", (_, d) => {
    const data: unknown = JSON.parse(JSON.stringify(d.example));
    expect(schemaAccepts(data)).toBe(true);
    const parsed = safeParseInvitations(data);
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.filter((issue) => !d.matches(issue))).toEqual([]);
  });

  it.each(DISAGREEMENTS.map((d) => [d.rule, d] as const))("%s: with the rule satisfied, both accept", (_, d) => {
    const data: unknown = JSON.parse(JSON.stringify(d.fixed));
    expect(schemaAccepts(data)).toBe(true);
    expect(safeParseInvitations(data)).toMatchObject({ success: true });
  });

  it("lists each rule, and only these, in docs/schema.md", () => {
    const listed = [...docs.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(DISAGREEMENTS.map((d) => d.rule));
  });
});
