/**
 * Once a schema has checked enough values, `tierUp` swaps in zod's compiled clone of it. That must change speed only:
 * the compiled schemas are held to the interpreter's exact results (data with its key order, or every issue) on the
 * fixture inputs and on valid sets with one field spoiled.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { issueMessage } from "../../../src/config/issue-message.js";
import { invitationSchema } from "../../../src/config/invitation-schema.js";
import {
  eventDefinitionsSchema,
  invitationsSchema,
  stateSchema,
  visitorSchema,
} from "../../../src/config/schemas.js";
import { TIER_UP_AFTER, tierUp } from "../../../src/config/tier-up.js";
import { invitationsArb, visitorArb } from "../../property/arbitraries/engine.js";
import { fixtureCases } from "../../fixtures/load-cases.js";
import { fullInvitation, fullState, fullVisitor, otherInvitations } from "./examples.js";

const PARAMS = { error: issueMessage, reportInput: true } as const;

/** The interpreter's and the compiled schema's answers, in a form that also compares key order. */
function bothAnswers(schema: z.ZodMiniType, input: unknown): [string, string] {
  const show = (result: { success: boolean; data?: unknown; error?: { issues: unknown } }) =>
    JSON.stringify(result.success ? { data: result.data } : { issues: result.error?.issues });
  return [
    show(schema.safeParse(structuredClone(input), PARAMS)),
    show(tierUp(schema, TIER_UP_AFTER).safeParse(structuredClone(input), PARAMS)),
  ];
}

const WEIRD: unknown[] = [null, -1, 0, 1.5, "", " ", "{lhc.var.}", "(a+)+$", "[", "a,,b", "99x", true, [], [{ now: 1 }],
  { now: 1 }, {}, { type: "idle", seconds: 0 }, { type: "weekly", timeZone: "Nowhere/City", days: {} },
  { type: "period", from: "2026-02-30" }, { key: "k", op: "in", value: [] }, { key: "k", op: "like", value: " , " },
  { lt: { message: "{lhc.x" } }, JSON.parse('{"__proto__": 1}')];

/** A valid set with one field of one invitation replaced by something odd (or removed, or an unknown key added). */
const spoiledSetArb = fc
  .tuple(invitationsArb, fc.nat(), fc.nat(), fc.constantFrom(...WEIRD, "remove", "unknown key"))
  .map(([set, which, field, value]) => {
    const invitation = set[which % Math.max(set.length, 1)] as Record<string, unknown> | undefined;
    if (invitation === undefined) return value;
    const keys = Object.keys(invitation);
    const key = keys[field % keys.length] ?? "id";
    if (value === "remove") delete invitation[key];
    else if (value === "unknown key") invitation["colour"] = "red";
    else invitation[key] = value;
    return set;
  });

describe("tierUp", () => {
  it("keeps the interpreter until TIER_UP_AFTER values have been checked, then compiles once", () => {
    expect(tierUp(invitationSchema, 1)).toBe(invitationSchema);
    expect(tierUp(invitationSchema, TIER_UP_AFTER - 2)).toBe(invitationSchema);
    const compiled = tierUp(invitationSchema, 1);
    expect(compiled).not.toBe(invitationSchema);
    expect(tierUp(invitationSchema, 1)).toBe(compiled);
  });

  it("compiles every root schema to the interpreter's results on the fixture inputs", () => {
    const inputs: [z.ZodMiniType, unknown[]][] = [
      [invitationsSchema, [[fullInvitation, ...otherInvitations], ...fixtureCases<{ input: unknown }>("parseInvitations").map((c) => c.input)]],
      [visitorSchema, [fullVisitor, ...fixtureCases<{ input: unknown }>("parseVisitor").map((c) => c.input), ...fixtureCases<{ visitor: unknown }>("evaluate").map((c) => c.visitor)]],
      [stateSchema, [fullState, ...fixtureCases<{ input: unknown }>("parseState").map((c) => c.input)]],
      [eventDefinitionsSchema, fixtureCases<{ input: unknown }>("parseEventDefinitions").map((c) => c.input)],
    ];
    for (const [schema, values] of inputs) {
      expect(tierUp(schema, TIER_UP_AFTER)).not.toBe(schema);
      for (const input of values) {
        const [interpreted, compiled] = bothAnswers(schema, input);
        expect(compiled).toBe(interpreted);
      }
    }
  });

  it("compiles invitation sets to the interpreter's results, valid or with a field spoiled", () => {
    fc.assert(
      fc.property(fc.oneof(invitationsArb, spoiledSetArb), (input) => {
        const [interpreted, compiled] = bothAnswers(invitationsSchema, input);
        expect(compiled).toBe(interpreted);
      }),
    );
  });

  it("compiles visitor snapshots to the interpreter's results", () => {
    fc.assert(
      fc.property(visitorArb, (visitor) => {
        const [interpreted, compiled] = bothAnswers(visitorSchema, visitor);
        expect(compiled).toBe(interpreted);
      }),
    );
  });
});
