import fc from "fast-check";

/**
 * `arb` one time in `1 + rarity`, else absent: most invitations restrict only a few dimensions.
 *
 * @example
 * rarely(fc.boolean(), 4) // absent four times in five
 */
export function rarely<T>(arb: fc.Arbitrary<T>, rarity = 3): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: rarity, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

/** `T` with every key that may hold `undefined` made optional instead. */
export type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * Drops the keys whose value is absent (a key holding `undefined` is not a valid configuration).
 *
 * @example
 * compact({ a: 1, b: undefined }) // => { a: 1 }
 */
export function compact<T extends object>(value: T): Compact<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Compact<T>;
}
