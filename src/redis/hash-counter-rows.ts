import { counterRows } from "../storage/counter-key.js";
import { StorageError } from "../storage/storage-error.js";
import type { CounterRow } from "../storage/types.js";

/** One counters hash as read: its key and its fields (`counterKey(…)` → count). */
export type CounterHash = readonly [key: string, fields: Readonly<Record<string, string>>];

/**
 * Adds up counters hashes (the shards, field `counterKey(…)`, value a count) into sorted rows, exactly: a field or
 * count that is not what the adapter writes is a `corrupt_record` StorageError naming its hash, and a sum past
 * 2^53 − 1 (which a number could not hold exactly) is refused rather than rounded.
 *
 * @example
 * hashCounterRows([["beckon:{b0}:counters", { '["a","a","shown"]': "2" }], ["beckon:{b1}:counters", { '["a","a","shown"]': "3" }]])
 * // => [{ invitationId: "a", variationId: "a", counter: "shown", value: 5 }]
 */
export function hashCounterRows(hashes: readonly CounterHash[]): CounterRow[] {
  const sums = new Map<string, number>();
  for (const [key, fields] of hashes) {
    for (const [field, count] of Object.entries(fields)) {
      const value = /^-?[0-9]+$/.test(count) ? Number(count) : Number.NaN;
      if (!Number.isSafeInteger(value)) throw corrupt(key, `counter ${field} holds ${JSON.stringify(count)}`);
      if (!sums.has(field) && !isJson(field)) throw corrupt(key, `the field ${field} is not a counter key`);
      const sum = (sums.get(field) ?? 0) + value;
      if (!Number.isSafeInteger(sum)) {
        throw new StorageError("redis", `counter ${field} adds up past ${Number.MAX_SAFE_INTEGER} over its shards; it cannot be read exactly`);
      }
      sums.set(field, sum);
    }
  }
  return counterRows(sums);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function corrupt(key: string, problem: string): StorageError {
  return new StorageError("redis", `the counters at ${key} are unreadable: ${problem}`, { code: "corrupt_record" });
}
