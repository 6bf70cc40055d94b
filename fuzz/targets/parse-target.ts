import type fc from "fast-check";
import type { Random } from "../../bench/random.js";
import { ISSUE_CODES, isConfigError, type SafeParseResult } from "../../src/index.js";
import { deepEqual } from "../deep-equal.js";
import type { SizeLimits } from "../hostile-values.js";
import { mutate } from "../mutate.js";
import { plainDataProblem } from "../plain-data-problem.js";
import type { Probe } from "../probe.js";
import { renderInput } from "../render-input.js";
import { defineTarget, type Target } from "../target.js";
import { watchInput } from "../watch-input.js";

/** A parse function pair and what to do with a successful result. */
export interface ParseApi<T> {
  name: string;
  weight: number;
  arbitrary: fc.Arbitrary<unknown>;
  limits: SizeLimits;
  safeParse: (input: unknown) => SafeParseResult<T>;
  parse: (input: unknown) => T;
  /** Uses parsed data the way a host would next (compile, evaluate, a reducer), under that API's contract. */
  afterSuccess?: (data: T, probe: Probe, rng: Random) => void;
}

const ISSUES = new Set<string>(ISSUE_CODES);

/** What is wrong with a failed parse's error, or `undefined`. */
function errorProblem(error: unknown): string | undefined {
  if (!isConfigError(error)) return "safeParse failed without a ConfigError";
  if (error.issues.length === 0) return "ConfigError without issues";
  for (const issue of error.issues) {
    if (!ISSUES.has(issue.code)) return `issue code ${JSON.stringify(issue.code)} is not in ISSUE_CODES`;
    if (!Array.isArray(issue.path) || issue.path.some((p) => typeof p !== "string" && typeof p !== "number")) return "issue path is not (string | number)[]";
    if (typeof issue.message !== "string" || issue.message === "") return "issue without a message";
  }
  return undefined;
}

/** Checks a successful result: plain fresh data, a second parse gives the same data, then the host's next step. */
function checkSuccess<T>(api: ParseApi<T>, data: T, input: unknown, probe: Probe, rng: Random): void {
  const problem = plainDataProblem(data, input);
  if (problem !== undefined) probe.report("invalid_output", api.name, `parsed data ${problem}`);
  const again = probe.run(`${api.name} (re-parse of its own output)`, "total", () => api.safeParse(data));
  if (again.ok && (!again.value.success || !deepEqual(again.value.data, data))) {
    probe.report("invalid_output", api.name, again.value.success ? "re-parsing the output gives different data" : "its own output does not parse again");
  }
  api.afterSuccess?.(data, probe, rng);
}

/**
 * Makes the fuzz target of one parse function pair. Per input (valid 15 % of the time, else corrupted, half of
 * them deep-frozen): `safeParse` never throws, `parse` (one input in four) throws only `ConfigError` and agrees with
 * `safeParse`, a failure's issues carry known codes and paths, a success (one in two is checked) is plain fresh data
 * that parses again to itself and that the next API accepts, and the input is left exactly as it was.
 *
 * @example
 * export const parseVisitorTarget = parseTarget({ name: "parseVisitor", weight: 10, arbitrary: visitorArb, limits, safeParse: safeParseVisitor, parse: parseVisitor });
 */
export function parseTarget<T>(api: ParseApi<T>): Target<unknown> {
  return defineTarget({
    name: api.name,
    weight: api.weight,
    arbitrary: api.arbitrary,
    limits: api.limits,
    exercise(base, rng, probe) {
      const { value: input, recipe } = rng.chance(0.15) ? { value: structuredClone(base), recipe: [] } : mutate(base, rng, api.limits);
      probe.recipe = recipe;
      probe.render = () => renderInput(input);
      const changed = watchInput(input, rng.chance(0.5));
      const safe = probe.run(`safeP${api.name.slice(1)}`, "total", () => api.safeParse(input));
      // The throwing form is a thin wrapper: one input in four is enough to hold it to its contract.
      const strict = rng.chance(0.25) ? probe.run(api.name, "config", () => api.parse(input)) : undefined;
      if (safe.ok) {
        if (strict !== undefined && safe.value.success !== strict.ok && !probe.recipe.some((m) => m.kind === "unstable getter")) probe.report("inconsistent", api.name, `safeParse says ${safe.value.success ? "valid" : "invalid"}, parse ${strict.ok ? "returned" : "threw"}`);
        if (!safe.value.success) {
          const problem = errorProblem(safe.value.error);
          if (problem !== undefined) probe.report("invalid_output", `safeP${api.name.slice(1)}`, problem);
        } else if (rng.chance(0.5)) checkSuccess(api, safe.value.data, input, probe, rng);
      }
      if (changed()) probe.report("mutated_input", api.name, "the input changed during parsing");
    },
  });
}
