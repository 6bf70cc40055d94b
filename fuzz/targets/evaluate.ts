import fc from "fast-check";
import type { Random } from "../../bench/random.js";
import { compile, evaluate, explain, REASON_CODES, type Decision, type EvaluateOptions, type Invitation, type Ruleset, type Visitor } from "../../src/index.js";
import { instantArb, optionsArb } from "../../test/property/arbitraries/engine.js";
import { adversarialCaseArb, anyVisitorArb, paddedInvitationsArb } from "../arbitraries.js";
import { deepEqual } from "../deep-equal.js";
import { deepFreeze } from "../deep-freeze.js";
import { mutate, type Mutation } from "../mutate.js";
import { markOpaque } from "../opaque.js";
import type { Probe } from "../probe.js";
import { renderInput } from "../render-input.js";
import { defineTarget } from "../target.js";
import { watchInput } from "../watch-input.js";

interface EvaluateBase {
  invitations: Invitation[];
  visitor: Visitor;
  options: EvaluateOptions;
  now: number;
}

/** What an input draws: which of its unit's sets, and its own visitor, options and instant. */
interface EvaluateDraw {
  set: number;
  visitor: Visitor;
  options: EvaluateOptions;
  now: number;
}

/** A unit's invitation sets, deep-frozen and compiled once (undefined when an attack pattern is refused). */
interface UnitSets {
  sets: { invitations: Invitation[]; ruleset: Ruleset | undefined }[];
}

const SETS_PER_UNIT = 10;

const LIMITS = { maxString: 1_000_000, maxArray: 16_384, maxDepth: 20_000 };
const REASONS = new Set<unknown>([null, ...REASON_CODES]);
const STATUSES = new Set<unknown>(["selected", "current", "none"]);

/** Clocks a host could pass by mistake or an attacker could shape: each must give `invalid_clock`, never a throw. */
const HOSTILE_CLOCKS: (() => unknown)[] = [
  () => markOpaque({ now: () => { throw new Error("hostile clock"); } }, "clock whose now() throws"),
  () => markOpaque({ now: () => NaN }, "clock whose now() is NaN"),
  () => markOpaque({ now: () => new Date(NaN) }, "clock whose now() is an invalid Date"),
  () => markOpaque({ now: () => ({ valueOf: () => { throw new Error("hostile valueOf"); } }) }, "clock whose now() returns a throwing object"),
  () => markOpaque(new Date(8.64e15 + 1), "Date past the range"),
];

/** What is wrong with a decision's shape, or `undefined`. */
function decisionProblem(decision: Decision): string | undefined {
  if (!STATUSES.has(decision.status)) return `status ${String(decision.status)}`;
  if (!REASONS.has(decision.reason)) return `reason ${String(decision.reason)} is not a reason code`;
  if (!Array.isArray(decision.warnings) || decision.warnings.some((w) => !REASONS.has(w))) return "a warning is not a reason code";
  if (decision.recheckAt !== null && !(decision.recheckAt > decision.at)) return `recheckAt ${decision.recheckAt} is not after at ${decision.at}`;
  if (decision.status !== "none" && typeof decision.message !== "string") return "a decision with an invitation has no message";
  return undefined;
}

/** Scribbles on every object a decision hands out, as a careless host would (frozen ones refuse, which is fine). */
function tamper(decision: Decision): void {
  const scribble = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    try {
      Object.defineProperty(value, "scribbled", { value: true, enumerable: true, configurable: true, writable: true });
      if (Array.isArray(value)) value.push("scribbled");
    } catch {
      // frozen: the decision owns its objects
    }
  };
  scribble(decision.design);
  scribble(decision.wait);
  scribble(decision.requires);
  scribble(decision.operator);
  scribble(decision.armed);
  scribble(decision.inject);
  for (const item of decision.inject ?? []) scribble(item.design);
  for (const item of decision.armed ?? []) scribble(item.trigger);
}

/** Corruptions that make the input itself answer differently on each read: agreement cannot be asked of them. */
const UNSTABLE = new Set(["unstable getter"]);

/** Evaluate twice and explain once on the same arguments; all three must agree and be well-formed. */
function checkDecision(probe: Probe, args: [unknown, unknown, unknown, unknown], rng: Random): Decision | undefined {
  const stable = !probe.recipe.some((m) => UNSTABLE.has(m.kind));
  const call = () => evaluate(...(args as Parameters<typeof evaluate>));
  const first = probe.run("evaluate", "total", call);
  if (!first.ok) return undefined;
  const decision = first.value;
  if (decision.reason === "evaluation_error") probe.report("evaluation_error", "evaluate", "answered evaluation_error (documented as a bug in beckon)");
  const problem = decisionProblem(decision);
  if (problem !== undefined) probe.report("invalid_output", "evaluate", problem);
  // Determinism is checked one input in four; explain against evaluate on every input.
  const second = rng.chance(0.25) ? probe.run("evaluate (again)", "total", call) : undefined;
  if (stable && second?.ok === true && !deepEqual(second.value, decision)) probe.report("nondeterministic", "evaluate", "two calls on the same input disagree");
  const explained = probe.run("explain", "total", () => explain(...(args as Parameters<typeof explain>)));
  if (stable && explained.ok && !deepEqual(explained.value.decision, decision)) probe.report("explain_mismatch", "explain", "explain(x).decision differs from evaluate(x)");
  return decision;
}

/**
 * A decision must own what it hands out: scribbling on one must not show up in the next. Runs on a fresh unfrozen
 * copy of the set (the unit's sets are frozen, which would hide sharing).
 */
function checkOwnership(probe: Probe, base: EvaluateBase): void {
  const fresh = structuredClone(base.invitations);
  const args: [unknown, unknown, unknown, unknown] = [compile(fresh), base.visitor, base.now, base.options];
  const reference = evaluate(...(args as Parameters<typeof evaluate>));
  // A copy: if objects are shared, scribbling below would change the reference too and hide the very problem.
  const expected = structuredClone(reference);
  const first = probe.run("evaluate", "total", () => evaluate(...(args as Parameters<typeof evaluate>)));
  if (!first.ok) return;
  tamper(first.value);
  const later = probe.run("evaluate (after tampering)", "total", () => evaluate(...(args as Parameters<typeof evaluate>)));
  if (later.ok && !deepEqual(later.value, expected)) probe.report("shared_output", "evaluate", "writing to one decision's design/wait/inject/operator changed a later decision");
}

/** A proxy or a prototype-less copy of a visitor is read as the same data (docs/api.md "Visitor snapshot"). */
function checkReadAsData(probe: Probe, ruleset: Ruleset, base: EvaluateBase, reference: Decision, rng: Random): void {
  const proxy = rng.chance(0.5);
  const visitor = proxy ? markOpaque(new Proxy(base.visitor, {}), "transparent proxy") : Object.assign(Object.create(null) as object, base.visitor);
  const out = probe.run("evaluate (same visitor, other form)", "total", () => evaluate(ruleset, visitor as Visitor, base.now, base.options));
  if (out.ok && !deepEqual(out.value, reference)) probe.report("read_as_data", "evaluate", `a ${proxy ? "transparent proxy of" : "prototype-less copy of"} a valid visitor is decided differently`);
}

/**
 * A getter that calls `evaluate` again during an `evaluate` (README: the right answer all the same): every
 * attribute of the visitor becomes such a getter, and the decision must equal the one for the plain visitor.
 */
function checkReentrancy(probe: Probe, ruleset: Ruleset, base: EvaluateBase, reference: Decision): void {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base.visitor.attributes ?? {})) {
    Object.defineProperty(attributes, key, {
      enumerable: true,
      get: () => {
        evaluate(ruleset, { id: "inner", url: "https://example.com/admin/users", attributes: { plan: "basic" } }, base.now, base.options);
        return value;
      },
    });
  }
  const visitor = { ...base.visitor, attributes } as Visitor;
  const out = probe.run("evaluate (re-entered from a getter)", "total", () => evaluate(ruleset, visitor, base.now, base.options));
  if (out.ok && !deepEqual(out.value, reference)) probe.report("reentrancy", "evaluate", "evaluate called from inside an attribute getter changed the outer decision");
}

/** Corrupts one argument (or leaves all valid); the recipe paths are prefixed with the argument's name. */
function corrupt(base: EvaluateBase, rng: Random): { args: [unknown, unknown, unknown, unknown]; recipe: Mutation[]; which: string } {
  const args: [unknown, unknown, unknown, unknown] = [base.invitations, base.visitor, base.now, base.options];
  const which = rng.weighted<string>([["none", 10], ["visitor", 60], ["options", 15], ["clock", 10], ["invitations", 5]]);
  if (which === "none") return { args, recipe: [], which };
  if (which === "clock" && rng.chance(0.4)) {
    args[2] = (rng.pick(HOSTILE_CLOCKS) as () => unknown)();
    return { args, recipe: [{ path: ["clock"], kind: "hostile clock", json: false }], which };
  }
  const slot = { invitations: 0, visitor: 1, clock: 2, options: 3 }[which] as 0 | 1 | 2 | 3;
  const mutated = mutate(args[slot], rng, LIMITS);
  args[slot] = mutated.value;
  return { args, recipe: mutated.recipe.map((m) => ({ ...m, path: [which, ...m.path] })), which };
}

/**
 * `evaluate` and `explain` on valid sets (sometimes padded past 160 candidates, sometimes built to attack the
 * matchers) with a corrupted visitor, options, clock or invitation array. Never a throw, never `evaluation_error`,
 * a well-formed decision, the same decision twice, `explain(x).decision` equal to `evaluate(x)`, inputs untouched;
 * and, on valid input, decisions that own their objects, proxies read as data and a re-entrant getter harmless.
 *
 * @example
 * runTarget(evaluateTarget, …)
 */
export const evaluateTarget = defineTarget<EvaluateDraw, UnitSets>({
  name: "evaluate",
  weight: 30,
  arbitrary: fc.record({
    set: fc.nat(SETS_PER_UNIT - 1),
    visitor: anyVisitorArb,
    options: optionsArb,
    now: instantArb,
  }),
  limits: LIMITS,
  prepareUnit(seed) {
    // Eight ordinary sets (some padded past 160) and two built to attack the matchers, shared by the unit's inputs.
    const ordinary = fc.sample(paddedInvitationsArb, { seed, numRuns: SETS_PER_UNIT - 2 });
    const attacks = fc.sample(adversarialCaseArb.map((c) => c.invitations), { seed: seed + 1, numRuns: 2 });
    return {
      sets: [...ordinary, ...attacks].map((invitations) => {
        deepFreeze(invitations);
        try {
          return { invitations, ruleset: compile(invitations) };
        } catch {
          return { invitations, ruleset: undefined }; // refused at parse: evaluate gets the array and says invalid_config
        }
      }),
    };
  },
  exercise(draw, rng, probe, unit) {
    const shared = unit.sets[draw.set] as UnitSets["sets"][number];
    const base: EvaluateBase = { invitations: shared.invitations, visitor: draw.visitor, options: draw.options, now: draw.now };
    const ruleset = shared.ruleset;
    const { args, recipe, which } = corrupt(base, rng);
    if (which !== "invitations" && ruleset !== undefined && rng.chance(0.7)) args[0] = ruleset;
    probe.recipe = recipe;
    probe.render = () => renderInput({ invitations: which === "invitations" ? args[0] : base.invitations, visitor: args[1], clock: args[2], options: args[3] });
    const freeze = rng.chance(0.5);
    const changed = args.map((arg) => (arg === ruleset || arg === shared.invitations ? () => false : watchInput(arg, freeze)));
    const decision = checkDecision(probe, args, rng);
    if (decision !== undefined && which === "none" && ruleset !== undefined) {
      if (rng.chance(0.1)) checkOwnership(probe, base);
      if (rng.chance(0.1)) checkReadAsData(probe, ruleset, base, decision, rng);
      if (rng.chance(0.1)) checkReentrancy(probe, ruleset, base, decision);
    }
    changed.forEach((check, i) => {
      if (check()) probe.report("mutated_input", "evaluate", `argument ${i} (${["invitations", "visitor", "clock", "options"][i]}) changed`);
    });
  },
});
