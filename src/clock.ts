import type { Clock } from "./types.js";

/** The largest instant a clock may give, in ms either side of 1970: the range of a JavaScript `Date`. */
export const MAX_INSTANT_MS = 8.64e15;

/**
 * Reads a clock exactly once and returns the instant in epoch ms, or `NaN` when the clock gives no valid instant.
 * This is the one module of the core that touches a time source, and only the one it is handed.
 *
 * @example
 * readClock(1_767_225_600_000)                 // => 1767225600000
 * readClock(new Date("2026-01-01T00:00:00Z"))  // => 1767225600000
 * readClock({ now: () => 1_767_225_600_000 })  // => 1767225600000
 */
export function readClock(clock: Clock): number {
  try {
    const value = typeof clock === "object" && clock !== null && !(clock instanceof Date) ? clock.now() : clock;
    const ms = value instanceof Date ? value.getTime() : value;
    // Past ±8.64e15 ms no Date exists, and adding seconds to such a number changes nothing in floating point.
    return typeof ms === "number" && Math.abs(ms) <= MAX_INSTANT_MS ? ms : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * The machine's clock. Only the storage service reads it, and only when a call gives no instant of its own; the
 * pure core always takes the instant as an argument.
 *
 * @example
 * readClock(systemClock) // => the current epoch ms
 */
export const systemClock: { now(): number } = { now: () => Date.now() };
