/**
 * Gives `String.prototype` back the engine's fast form when a library has taken it out of it, so that string methods
 * (`indexOf`, `slice`, `charCodeAt`…) called from optimised code are found at once again instead of through a
 * generic lookup on every call (about five times slower each; 39 % more instructions per `evaluate` at K = 10).
 *
 * V8 turns `String.prototype` into a dictionary as soon as an object is given it as a prototype — any `class … extends
 * String`, such as ioredis 6's `VerbatimString` — and does not turn it back by itself: string values, unlike objects,
 * never walk it through an inline cache. A few reads of a missing property through a `String` object do (once the
 * reading function has its feedback, after some ten calls). Nothing else is touched; calling it again costs
 * microseconds. Another subclass of `String` defined later undoes it.
 *
 * @example
 * import "ioredis"; // defines `class VerbatimString extends String`
 * restoreFastStrings();
 */
export function restoreFastStrings(): void {
  const wrapper = new String("");
  for (let i = 0; i < 64; i++) readMissing(wrapper);
}

/** A property no prototype of a string has: the lookup walks the whole chain, which is what makes it fast again. */
function readMissing(target: object): unknown {
  return (target as Record<string, unknown>)["beckon: no such property"];
}
