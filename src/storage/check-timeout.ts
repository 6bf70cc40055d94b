/** How long an adapter call may take before it fails with a `timeout` StorageError, unless set otherwise. */
export const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Checks an adapter's `timeoutMs` option at creation: a whole number of milliseconds above 0 (default
 * {@link DEFAULT_TIMEOUT_MS}). A mistake here would otherwise show only when a server stops answering.
 *
 * @example
 * checkTimeout("beckon/redis", undefined) // => 5000
 * checkTimeout("beckon/redis", 0)         // throws RangeError
 */
export function checkTimeout(adapter: string, timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return DEFAULT_TIMEOUT_MS;
  if (!(Number.isSafeInteger(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(`${adapter}: timeoutMs must be a whole number of milliseconds above 0, not ${String(timeoutMs)}`);
  }
  return timeoutMs;
}
