// The laws docs/api.md: evaluate; docs/semantics.md: Selection; docs/api.md: Decision state for evaluate/explain, checked on generated invitation sets and visitors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compile,
  evaluate,
  explain,
  isConfigError,
  NONE_REASONS,
  parseInvitations,
  parseState,
  parseVisitor,
  safeParseEventDefinitions,
  safeParseInvitations,
  safeParseState,
  safeParseVisitor,
  WARNING_CODES,
  type Decision,
  type EvaluateOptions,
  type Invitation,
  type Visitor,
} from "../../src/index.js";
import { BASE_MS, instantArb, invitationArb, invitationsArb, optionsArb, visitorArb } from "./arbitraries/engine.js";
import {
  hostileKindArb,
  OPTIONS_READ_PATHS,
  pathsOf,
  plant,
  THROWING_KINDS,
  VISITOR_CONTAINER_PATHS,
  VISITOR_READ_PATHS,
  type HostileKind,
  type Path,
} from "./arbitraries/hostile.js";

const inputArb = fc.record({
  invitations: invitationsArb,
  visitor: visitorArb,
  now: instantArb,
  options: optionsArb,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The visitor as it will be `ms` later when nothing but time passes. */
function aged(visitor: Visitor, ms: number): Visitor {
  return { ...visitor, timeOnSite: (visitor.timeOnSite ?? 0) + ms / 1000 };
}

/** A decision without the two fields that name instants (they move with the clock by design). */
function content(decision: Decision): Omit<Decision, "at" | "recheckAt"> {
  const { at: _at, recheckAt: _recheckAt, ...rest } = decision;
  return rest;
}

const rank = (i: Invitation): [number, number] => [i.position ?? 0, i.timeOnSite ?? 0];

describe("evaluate (properties)", () => {
  it("generated invitation sets are valid (the arbitraries test what users can configure)", () => {
    fc.assert(
      fc.property(invitationsArb, (invitations) => {
        const parsed = safeParseInvitations(invitations);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }),
    );
  });

  it("is deterministic: the same input gives the same decision", () => {
    fc.assert(
      fc.property(inputArb, ({ invitations, visitor, now, options }) => {
        expect(evaluate(invitations, visitor, now, options)).toEqual(evaluate(invitations, visitor, now, options));
      }),
    );
  });

  it("never mutates its inputs (deep-frozen inputs evaluate the same)", () => {
    fc.assert(
      fc.property(inputArb, ({ invitations, visitor, now, options }) => {
        const expected = evaluate(structuredClone(invitations), structuredClone(visitor), now, structuredClone(options));
        const frozen = deepFreeze(structuredClone({ invitations, visitor, options }));
        const decision = evaluate(frozen.invitations, frozen.visitor, now, frozen.options);
        expect({ ...decision, invitation: decision.invitation?.id }).toEqual({
          ...expected,
          invitation: expected.invitation?.id,
        });
      }),
    );
  });

  it("is total: valid input never fails (no throw, no evaluation_error)", () => {
    fc.assert(
      fc.property(inputArb, ({ invitations, visitor, now, options }) => {
        const decision = evaluate(invitations, visitor, now, options);
        expect(decision.reason).not.toBe("evaluation_error");
        expect(decision.at).toBe(now);
      }),
    );
  });

  it("is total on garbage: anything in any argument gives a decision, never a throw", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        const decision = evaluate(a as Invitation[], b as Visitor, c as number, d as EvaluateOptions);
        expect(["selected", "current", "none"]).toContain(decision.status);
        // The pipeline turns a throw into evaluation_error, a bug signal: garbage must be told apart as such.
        expect(decision.reason).not.toBe("evaluation_error");
      }),
    );
  });

  it("is order independent: shuffling the invitations never changes the decision", () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), ({ invitations, visitor, now, options }, randoms) => {
        const shuffled = [...invitations];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (randoms.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as Invitation, shuffled[i] as Invitation];
        }
        expect(evaluate(shuffled, visitor, now, options)).toEqual(evaluate(invitations, visitor, now, options));
      }),
    );
  });

  it("gives the same decision for a compiled ruleset as for the plain array", () => {
    fc.assert(
      fc.property(inputArb, ({ invitations, visitor, now, options }) => {
        expect(evaluate(compile(invitations), visitor, now, options)).toEqual(evaluate(invitations, visitor, now, options));
      }),
    );
  });

  it("explain(x).decision equals evaluate(x)", () => {
    fc.assert(
      fc.property(inputArb, ({ invitations, visitor, now, options }) => {
        expect(explain(invitations, visitor, now, options).decision).toEqual(evaluate(invitations, visitor, now, options));
      }),
    );
  });

  it("is sound: the winner is eligible and no eligible competitor outranks it", () => {
    fc.assert(
      fc.property(inputArb, ({ invitations, visitor, now, options }) => {
        const { decision, candidates } = explain(invitations, visitor, now, options);
        if (decision.status !== "selected" || decision.invitation === null) return;
        const winner = decision.invitation;
        expect(candidates.find((c) => c.invitationId === winner.id)?.eligible).toBe(true);
        for (const candidate of candidates) {
          if (!candidate.reasons.includes("outranked")) continue;
          const other = invitations.find((i) => i.id === candidate.invitationId) as Invitation;
          const [position, timeOnSite] = rank(other);
          const [winPosition, winTimeOnSite] = rank(winner);
          expect(position > winPosition || (position === winPosition && timeOnSite >= winTimeOnSite)).toBe(true);
        }
      }),
    );
  });

  it("adding an ineligible invitation changes nothing", () => {
    fc.assert(
      fc.property(inputArb, invitationArb("extra"), fc.boolean(), ({ invitations, visitor, now, options }, extra, how) => {
        const ineligible: Invitation = how ? { ...extra, enabled: false } : { ...extra, identifier: "no-such-embed" };
        // An empty set answers "no_invitations", which one more invitation rightly changes.
        fc.pre(invitations.length > 0);
        const before = evaluate(invitations, visitor, now, options);
        expect(evaluate([...invitations, ineligible], visitor, now, options)).toEqual(before);
      }),
    );
  });

  it("the candidate index changes nothing: padded past the size where the index is used, a set decides the same", () => {
    // Short lists are checked one candidate at a time; long ones go through the index (masks, URL segments, time on
    // site passes). Padding with ineligible invitations that look like the real ones compares the two paths.
    const padsArb = fc.array(invitationArb("pad"), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(inputArb, padsArb, ({ invitations, visitor, now, options }, bases) => {
        fc.pre(invitations.length > 0);
        const pads = Array.from({ length: 200 }, (_, i): Invitation => {
          const base = bases[i % bases.length] as Invitation;
          return i % 7 === 0 ? { ...base, id: `pad-${i}`, enabled: false } : { ...base, id: `pad-${i}`, identifier: "no-such-embed" };
        });
        const padded = [...pads.slice(0, 100), ...invitations, ...pads.slice(100)];
        const decision = evaluate(padded, visitor, now, options);
        expect(decision).toEqual(evaluate(invitations, visitor, now, options));
        expect(explain(padded, visitor, now, options).decision).toEqual(decision);
      }),
      { numRuns: 100 },
    );
  });

  it("recheckAt is honest: while only time passes, nothing changes strictly before it", () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (input, fractions) => {
        const { invitations, visitor, now, options } = input;
        const decision = evaluate(invitations, visitor, now, options);
        const horizon = decision.recheckAt ?? now + 3 * 86_400_000;
        expect(horizon).toBeGreaterThan(now);
        for (const fraction of [...fractions, 1]) {
          const later = Math.min(horizon - 1, now + Math.floor((horizon - now) * fraction));
          if (later <= now) continue;
          const laterDecision = evaluate(invitations, aged(visitor, later - now), later, options);
          expect(content(laterDecision)).toEqual(content(decision));
        }
      }),
    );
  });

  it("never lets a '<' from a visitor value into the message when escaping html", () => {
    fc.assert(
      fc.property(inputArb, ({ invitations, visitor, now, options }) => {
        const decision = evaluate(invitations, visitor, now, { ...options, escape: "html" });
        if (decision.message === null || decision.invitation === null) return;
        const templates = [decision.invitation, ...(decision.invitation.variations ?? [])].flatMap((c) => [
          c.message ?? "",
          c.returningMessage ?? "",
        ]);
        const most = Math.max(...templates.map((t) => t.split("<").length - 1));
        expect(decision.message.split("<").length - 1).toBeLessThanOrEqual(most);
      }),
    );
  });
});

describe("hostile JavaScript values (properties)", () => {
  const safeParsers = [safeParseInvitations, safeParseVisitor, safeParseState, safeParseEventDefinitions];
  const readable = (path: Path): boolean => !path.includes("__proto__");

  /** A value, a path into it (or into containers created on the way), and a hostile kind to plant there. */
  const plantedArb = <T>(valueArb: fc.Arbitrary<T>, extraPaths: readonly Path[] = []) =>
    valueArb.chain((value) =>
      fc.record({
        value: fc.constant(value),
        path: fc.constantFrom(...[...pathsOf(value), ...extraPaths].filter(readable)),
        kind: hostileKindArb,
      }),
    );

  it("safeParse* never throws, and names the planted value's path, whatever is planted wherever", () => {
    const anyInput = fc.oneof(fc.jsonValue(), invitationsArb, visitorArb, optionsArb);
    fc.assert(
      fc.property(plantedArb(anyInput), ({ value, path, kind }) => {
        for (const safeParse of safeParsers) {
          const result = safeParse(plant(value, path, kind));
          expect(result.success).toBe(false);
          if (result.success) continue;
          // Independent of how parsing works: whatever is planted is not JSON data, so its path must be named.
          expect(result.error.issues.map((issue) => JSON.stringify(issue.path))).toContain(JSON.stringify(path));
        }
      }),
    );
  });

  it("parse* and compile throw nothing but ConfigError, and evaluate answers invalid_config, on planted invitations", () => {
    fc.assert(
      fc.property(plantedArb(invitationsArb), visitorArb, ({ value, path, kind }, visitor) => {
        const hostile = plant(value, path, kind) as Invitation[];
        for (const run of [() => parseInvitations(hostile), () => compile(hostile), () => parseVisitor(hostile), () => parseState(hostile)]) {
          try {
            run();
          } catch (error) {
            expect(isConfigError(error)).toBe(true);
          }
        }
        expect(evaluate(hostile, visitor, BASE_MS)).toMatchObject({ status: "none", reason: "invalid_config" });
      }),
    );
  });

  it("evaluate answers invalid_visitor when a part it reads cannot be read, whatever the invitations", () => {
    const throwingArb = fc.oneof(
      fc.record({ path: fc.constantFrom(...VISITOR_READ_PATHS), kind: fc.constant<HostileKind>("getter") }),
      fc.record({ path: fc.constantFrom(...VISITOR_CONTAINER_PATHS), kind: fc.constantFrom(...THROWING_KINDS) }),
    );
    fc.assert(
      fc.property(invitationsArb, visitorArb, throwingArb, instantArb, optionsArb, (invitations, visitor, { path, kind }, now, options) => {
        const hostile = plant(visitor, path, kind) as Visitor;
        const decision = evaluate(invitations, hostile, now, options);
        expect(decision).toMatchObject({ status: "none", reason: "invalid_visitor", invitation: null });
        expect(explain(invitations, hostile, now, options).decision).toEqual(decision);
      }),
    );
  });

  it("evaluate answers invalid_options when a part of the options it reads cannot be read", () => {
    const throwingArb = fc.record({ path: fc.constantFrom(...OPTIONS_READ_PATHS), kind: fc.constantFrom(...THROWING_KINDS) });
    fc.assert(
      fc.property(invitationsArb, visitorArb, optionsArb, throwingArb, instantArb, (invitations, visitor, options, { path, kind }, now) => {
        const hostile = plant(options, path, kind) as EvaluateOptions;
        expect(evaluate(invitations, visitor, now, hostile)).toMatchObject({ status: "none", reason: "invalid_options" });
      }),
    );
  });

  it("evaluate never throws and never reports evaluation_error, whatever is planted wherever in visitor or options", () => {
    fc.assert(
      fc.property(
        invitationsArb,
        plantedArb(visitorArb, VISITOR_READ_PATHS),
        plantedArb(optionsArb, OPTIONS_READ_PATHS),
        fc.boolean(),
        instantArb,
        (invitations, v, o, inOptions, now) => {
          const visitor = inOptions ? v.value : (plant(v.value, v.path, v.kind) as Visitor);
          const options = inOptions ? (plant(o.value, o.path, o.kind) as EvaluateOptions) : o.value;
          const decision = evaluate(invitations, visitor, now, options);
          expect(["selected", "current", "none"]).toContain(decision.status);
          expect(decision.reason).not.toBe("evaluation_error");
          expect(explain(invitations, visitor, now, options).decision.reason).toBe(decision.reason);
        },
      ),
    );
  });
});

describe("decision reasons", () => {
  it("come from the list of their status: OFFER_REASONS by status, NONE_REASONS for none, WARNING_CODES as warnings", () => {
    fc.assert(
      fc.property(fc.oneof(inputArb, fc.record({ invitations: fc.anything(), visitor: fc.anything(), now: fc.anything(), options: fc.anything() })), (input) => {
        const { invitations, visitor, now, options } = input as { invitations: Invitation[]; visitor: Visitor; now: number; options: EvaluateOptions };
        const decision = evaluate(invitations, visitor, now, options);
        const expected = decision.status === "selected" ? "lowest_position" : decision.status === "current" ? "current_invitation" : null;
        if (expected !== null) expect(decision.reason).toBe(expected);
        else expect(NONE_REASONS).toContain(decision.reason);
        for (const warning of decision.warnings) expect(WARNING_CODES).toContain(warning);
        expect(decision.invitation === null).toBe(decision.status === "none");
      }),
    );
  });
});
