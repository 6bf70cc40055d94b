import { COUNTER_NAMES, type CounterIncrement, type CounterName, type CounterRow } from "./types.js";

/**
 * One string naming a counter, safe for any ids: the three parts JSON-encoded as an array, so `("a/b", "c")` and
 * `("a", "b/c")` never share a key. Key-value adapters (memory, Redis) use it as a field name.
 *
 * @example
 * counterKey({ invitationId: "pricing", variationId: "b", counter: "shown" }) // => '["pricing","b","shown"]'
 */
export function counterKey(counter: Pick<CounterIncrement, "invitationId" | "variationId" | "counter">): string {
  return JSON.stringify([counter.invitationId, counter.variationId, counter.counter]);
}

/**
 * Turns stored `counterKey → value` pairs back into rows, sorted by invitation, variation and counter; keys that are
 * not counter keys are skipped.
 *
 * @example
 * counterRows(new Map([['["a","a","shown"]', 2]])) // => [{ invitationId: "a", variationId: "a", counter: "shown", value: 2 }]
 */
export function counterRows(entries: Iterable<[string, number]>): CounterRow[] {
  const rows: CounterRow[] = [];
  for (const [key, value] of entries) {
    const parts = parseKey(key);
    if (!Array.isArray(parts) || parts.length !== 3) continue;
    const [invitationId, variationId, counter] = parts as unknown[];
    if (typeof invitationId !== "string" || typeof variationId !== "string" || !isCounterName(counter)) continue;
    rows.push({ invitationId, variationId, counter, value });
  }
  return rows.sort(
    (a, b) => compare(a.invitationId, b.invitationId) || compare(a.variationId, b.variationId) || compare(a.counter, b.counter),
  );
}

/** A key as JSON, or `undefined` when it is not JSON (and so not a counter key). */
function parseKey(key: string): unknown {
  try {
    return JSON.parse(key);
  } catch {
    return undefined;
  }
}

function isCounterName(value: unknown): value is CounterName {
  return typeof value === "string" && (COUNTER_NAMES as readonly string[]).includes(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
