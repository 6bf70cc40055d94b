// The behaviour spec as data: every case in test/fixtures/cases/*.json (one topic per file) runs here; lifecycle
// cases run in test/lifecycle.test.ts. A bug fix adds a case first.
import { describe, expect, it } from "vitest";
import {
  evaluate,
  explain,
  lintInvitations,
  safeParseEventDefinitions,
  safeParseInvitations,
  safeParseState,
  safeParseVisitor,
  type ConfigError,
  type Decision,
  type EvaluateOptions,
  type Invitation,
  type Visitor,
} from "../src/index.js";
import { fixtureCases, readFixtureFiles, schemaProblems } from "./fixtures/load-cases.js";

interface ExpectedDecision {
  status: Decision["status"];
  invitationId?: string | null;
  variationId?: string | null;
  message?: string | null;
  operator?: Decision["operator"];
  reason?: string | null;
  warnings?: string[];
  recheckAt?: string | number | null;
  armed?: string[];
  inject?: string[];
  wait?: unknown;
  requires?: unknown;
  design?: unknown;
}

interface EvaluateCase {
  name: string;
  invitations: unknown[];
  visitor: unknown;
  now: string | number;
  options?: unknown;
  expected: ExpectedDecision;
  explain?: Record<string, string[]>;
}

interface LintCase {
  name: string;
  input: unknown;
  expected: { code: string; path: (string | number)[] }[];
}

interface ParseCase {
  name: string;
  input: unknown;
  expected: { valid: true } | { issues: { code: string; path: (string | number)[] }[] };
}

const instant = (value: string | number): number => (typeof value === "number" ? value : Date.parse(value));

/** The fields of a decision a case pins, in the case's own terms (ids for invitations, ISO or ms for instants). */
function project(decision: Decision, expected: ExpectedDecision): Record<string, unknown> {
  const full: Record<string, unknown> = {
    status: decision.status,
    invitationId: decision.invitation?.id ?? null,
    variationId: decision.variationId,
    message: decision.message,
    operator: decision.operator,
    reason: decision.reason,
    warnings: decision.warnings,
    recheckAt: decision.recheckAt,
    armed: decision.armed.map((a) => a.invitationId),
    inject: decision.inject.map((i) => i.invitationId),
    wait: decision.wait,
    requires: decision.requires,
    design: decision.design,
  };
  return Object.fromEntries(Object.keys(expected).map((key) => [key, full[key]]));
}

function normalizeExpected(expected: ExpectedDecision): Record<string, unknown> {
  const out: Record<string, unknown> = { ...expected };
  if (typeof expected.recheckAt === "string") out.recheckAt = instant(expected.recheckAt);
  return out;
}

describe("fixtures: test/fixtures/cases/", () => {
  it("holds topic files that follow cases.schema.json and declare the spec version they describe", () => {
    const files = readFixtureFiles();
    expect(files.length).toBeGreaterThan(5);
    expect(schemaProblems(files)).toEqual([]);
    expect(new Set(files.map(({ content }) => content.specVersion))).toEqual(new Set(["0.1.0"]));
  });

  it("names every case once across all files, so a failure points at one case", () => {
    const names = readFixtureFiles().flatMap(({ content }) =>
      Object.values(content).flatMap((value) => (Array.isArray(value) ? value.map((c: { name: string }) => c.name) : [])),
    );
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("is checked by its schema: a misspelt field is refused", () => {
    const [first] = readFixtureFiles().filter(({ content }) => Array.isArray(content.evaluate));
    const broken = structuredClone(first!);
    (broken.content.evaluate as Record<string, unknown>[])[0]!.expect = { status: "none" };
    expect(schemaProblems([broken]).join("\n")).toMatch(/must NOT have additional properties/);
  });

  describe("evaluate", () => {
    it.each(fixtureCases<EvaluateCase>("evaluate").map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const invitations = c.invitations as Invitation[];
      const parsed = safeParseInvitations(invitations);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      // A snapshot evaluate refuses is one parseVisitor refuses too: the two read visitors alike.
      const visitor = safeParseVisitor(c.visitor);
      if (c.expected.reason === "invalid_visitor") expect(visitor.success).toBe(false);
      else expect(visitor.success ? [] : visitor.error.issues).toEqual([]);
      const options = c.options as EvaluateOptions | undefined;
      const decision = evaluate(invitations, c.visitor as Visitor, instant(c.now), options);
      expect(project(decision, c.expected)).toEqual(normalizeExpected(c.expected));
      expect(decision.at).toBe(instant(c.now));
      const explained = explain(invitations, c.visitor as Visitor, instant(c.now), options);
      expect(explained.decision).toEqual(decision);
      for (const [id, reasons] of Object.entries(c.explain ?? {})) {
        expect(explained.candidates.find((candidate) => candidate.invitationId === id)?.reasons, id).toEqual(reasons);
      }
    });
  });

  /** A parse case: either valid, or exactly these issues (code and path), in any order. */
  function checkParse(result: { success: true } | { success: false; error: ConfigError }, c: ParseCase): void {
    if ("valid" in c.expected) {
      expect(result.success ? [] : result.error.issues).toEqual([]);
      return;
    }
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues.map(({ code, path }) => ({ code, path }));
    expect(issues).toEqual(expect.arrayContaining(c.expected.issues));
    expect(issues).toHaveLength(c.expected.issues.length);
  }

  describe("parseInvitations", () => {
    it.each(fixtureCases<ParseCase>("parseInvitations").map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseInvitations(c.input), c);
    });
  });

  describe("parseVisitor", () => {
    it.each(fixtureCases<ParseCase>("parseVisitor").map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseVisitor(c.input), c);
    });
  });

  describe("parseState", () => {
    it.each(fixtureCases<ParseCase>("parseState").map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseState(c.input), c);
    });
  });

  describe("lintInvitations", () => {
    it.each(fixtureCases<LintCase>("lintInvitations").map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const parsed = safeParseInvitations(c.input);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      const findings = lintInvitations(c.input as Invitation[]).map(({ code, path }) => ({ code, path }));
      expect(findings).toEqual(c.expected);
    });
  });

  describe("parseEventDefinitions", () => {
    it.each(fixtureCases<ParseCase>("parseEventDefinitions").map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseEventDefinitions(c.input), c);
    });
  });
});
