import { counterRows } from "../storage/counter-key.js";
import { StorageError } from "../storage/storage-error.js";
import type { CounterRow } from "../storage/types.js";

/**
 * Turns the counters hash (field `counterKey(…)`, value a count) into sorted rows; a field or count that is not
 * what the adapter writes is a `corrupt_record` StorageError.
 *
 * @example
 * hashCounterRows({ '["a","a","shown"]': "2" }, "beckon:counters") // => [{ invitationId: "a", variationId: "a", counter: "shown", value: 2 }]
 */
export function hashCounterRows(hash: Readonly<Record<string, string>>, key: string): CounterRow[] {
  const entries: [string, number][] = [];
  for (const [field, count] of Object.entries(hash)) {
    const value = /^-?[0-9]+$/.test(count) ? Number(count) : Number.NaN;
    if (!Number.isSafeInteger(value)) throw corrupt(key, `counter ${field} holds ${JSON.stringify(count)}`);
    entries.push([field, value]);
  }
  try {
    return counterRows(entries);
  } catch (error) {
    throw corrupt(key, "a field is not a counter key", error);
  }
}

function corrupt(key: string, problem: string, cause?: unknown): StorageError {
  return new StorageError("redis", `the counters at ${key} are unreadable: ${problem}`, { code: "corrupt_record", cause });
}
