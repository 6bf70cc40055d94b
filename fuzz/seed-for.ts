/**
 * A 32-bit seed from a run's seed and the parts naming one input (target, unit or index): FNV-1a over their text,
 * so every input is reproducible on its own, whatever the number of workers or the order units ran in.
 *
 * @example
 * seedFor(1, "evaluate", 4711) // => the same number on every machine
 */
export function seedFor(seed: number, ...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = `${seed}:${parts.join(":")}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
