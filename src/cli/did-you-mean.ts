import { distance } from "fastest-levenshtein";

/**
 * The known key an unknown one was most likely meant to be: one a couple of edits away (`postion` → `position`), or
 * one the key starts with or that starts the key (`monday` → `mon`, `time` → `timeOnSite`). `undefined` when
 * nothing is close enough to be worth saying.
 *
 * @example
 * didYouMean("postion", ["id", "position", "message"]) // => "position"
 * didYouMean("monday", ["mon", "tue", "wed"])           // => "mon"
 * didYouMean("colour", ["id", "message"])               // => undefined
 */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    const edits = distance(lower, other);
    const allowed = Math.max(1, Math.min(3, Math.floor(other.length / 3)));
    const prefix = other.length >= 3 && (lower.startsWith(other) || other.startsWith(lower)) && lower.length >= 3;
    const score = edits <= allowed ? edits : prefix ? allowed + 1 : Number.POSITIVE_INFINITY;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
