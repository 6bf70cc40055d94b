import fc from "fast-check";
import { TESTING_BASE_MS } from "./vocabulary.js";

/**
 * An evaluation instant (epoch ms, whole seconds) within `withinSeconds` (two days) of `around`
 * (2026-11-26T10:00Z unless told), where the other arbitraries put their schedules, events and states.
 *
 * @example
 * fc.sample(arbitraryInstant({ withinSeconds: 60 }), 1) // => [1795687234000]
 */
export function arbitraryInstant(options: { readonly around?: number; readonly withinSeconds?: number } = {}): fc.Arbitrary<number> {
  const around = options.around ?? TESTING_BASE_MS;
  const within = options.withinSeconds ?? 2 * 86_400;
  return fc.integer({ min: -within, max: within }).map((s) => around + s * 1000);
}
