/**
 * The positions `0 … keys.length - 1` in ascending order of their key, equal keys (`0` and `-0` among them) in
 * position order: a counting sort over the distinct keys, linear for the few distinct values rank keys take (time
 * on site, position), with no call back into JavaScript per comparison.
 *
 * @example
 * stableOrder([30, 0, 30, 10]) // => Uint32Array [1, 3, 0, 2]
 */
export function stableOrder(keys: ArrayLike<number>): Uint32Array {
  const groupOf = new Map<number, number>();
  const values: number[] = [];
  const group = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = values.push(key) - 1;
      groupOf.set(key, g);
    }
    group[i] = g;
  }
  const counts = new Uint32Array(values.length);
  for (let i = 0; i < group.length; i++) counts[group[i] as number] = (counts[group[i] as number] as number) + 1;
  // Where each group starts once the groups are laid out by ascending key.
  const ascending = Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number));
  const starts = new Uint32Array(values.length);
  let at = 0;
  for (let k = 0; k < ascending.length; k++) {
    const g = ascending[k] as number;
    starts[g] = at;
    at += counts[g] as number;
  }
  const order = new Uint32Array(group.length);
  for (let i = 0; i < group.length; i++) {
    const g = group[i] as number;
    order[starts[g] as number] = i;
    starts[g] = (starts[g] as number) + 1;
  }
  return order;
}
