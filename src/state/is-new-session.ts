/** A session ends after this long without activity: 30 minutes, as in LHC. */
export const SESSION_TIMEOUT_MS = 1_800_000;

/**
 * Tells whether activity at `now` starts a new session: the first activity ever, or more than 30 minutes after the
 * last one.
 *
 * @example
 * isNewSession(undefined, now)               // => true
 * isNewSession(now - 10 * 60_000, now)       // => false
 * isNewSession(now - 31 * 60_000, now)       // => true
 */
export function isNewSession(lastActivityAt: number | undefined, now: number): boolean {
  return lastActivityAt === undefined || now - lastActivityAt > SESSION_TIMEOUT_MS;
}
