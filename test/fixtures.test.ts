// The behaviour spec as data: every case in test/fixtures/cases.json runs here. A bug fix adds a case first.
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
import cases from "./fixtures/cases.json" with { type: "json" };

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

describe("fixtures: cases.json", () => {
  it("declares the spec version it describes", () => {
    expect(cases.specVersion).toBe("0.1.0");
  });

  describe("evaluate", () => {
    it.each((cases.evaluate as EvaluateCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
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
    it.each((cases.parseInvitations as ParseCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseInvitations(c.input), c);
    });
  });

  describe("parseVisitor", () => {
    it.each((cases.parseVisitor as ParseCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseVisitor(c.input), c);
    });
  });

  describe("parseState", () => {
    it.each((cases.parseState as ParseCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseState(c.input), c);
    });
  });

  describe("lintInvitations", () => {
    it.each((cases.lintInvitations as LintCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const parsed = safeParseInvitations(c.input);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      const findings = lintInvitations(c.input as Invitation[]).map(({ code, path }) => ({ code, path }));
      expect(findings).toEqual(c.expected);
    });
  });

  describe("parseEventDefinitions", () => {
    it.each((cases.parseEventDefinitions as ParseCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
      checkParse(safeParseEventDefinitions(c.input), c);
    });
  });
});
