/**
 * Keeps `value` under `key` in `cache` and returns it; a cache holding `most` entries is emptied first, so it stays
 * bounded while the few keys a workload repeats come back at once.
 *
 * @example
 * remember(checked, "/docs/*", null, 10_000) // => null, and checked.get("/docs/*") is null from now on
 */
export function remember<V>(cache: Map<string, V>, key: string, value: V, most: number): V {
  if (cache.size >= most) cache.clear();
  cache.set(key, value);
  return value;
}
