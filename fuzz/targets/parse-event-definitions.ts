import fc from "fast-check";
import { parseEventDefinitions, pruneEvents, recordEvent, safeParseEventDefinitions, type EventDefinition } from "../../src/index.js";
import { BASE_MS } from "../../test/property/arbitraries/engine.js";
import { definitionsArb, logArb } from "../../test/property/arbitraries/events.js";
import { demoSet } from "../demo-set.js";
import { parseTarget } from "./parse-target.js";

const logs = fc.sample(logArb, { seed: 3, numRuns: 8 });

/**
 * `parseEventDefinitions` / `safeParseEventDefinitions`; parsed definitions then log an event of each name and the
 * log is pruned, without a throw.
 *
 * @example
 * runTarget(parseEventDefinitionsTarget, …)
 */
export const parseEventDefinitionsTarget = parseTarget<EventDefinition[]>({
  name: "parseEventDefinitions",
  weight: 6,
  arbitrary: fc.oneof({ weight: 5, arbitrary: definitionsArb() }, { weight: 1, arbitrary: fc.anything() }),
  limits: { maxString: 65_536, maxArray: 16_384, maxDepth: 20_000 },
  safeParse: safeParseEventDefinitions,
  parse: parseEventDefinitions,
  afterSuccess(definitions, probe, rng) {
    let log = rng.pick(logs);
    for (const definition of definitions.slice(0, 4)) {
      const out = probe.run("recordEvent (parsed definitions)", "total", () => recordEvent(log, definitions, { name: definition.name, value: "a" }, BASE_MS));
      if (out.ok) log = out.value.log;
    }
    probe.run("pruneEvents (parsed definitions)", "total", () => pruneEvents(log, demoSet(), BASE_MS));
  },
});
