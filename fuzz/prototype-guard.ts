/**
 * Watches the shared built-ins an attacker would pollute (`Object.prototype` and friends, `globalThis`): it records
 * each one's own properties, and `check` reports any property added, removed or replaced since, then puts the
 * original back so one pollution does not taint every later input.
 */
export interface PrototypeGuard {
  /**
   * A description of every change since the guard was made (empty when clean); the changes are undone. `quick`
   * only counts the own keys of each watched object (an added or deleted key, the usual pollution, cheap enough
   * for every input); the full check also compares every property and prototype.
   */
  check(quick?: boolean): string[];
}

const WATCHED: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Boolean.prototype", Boolean.prototype],
  ["Symbol.prototype", Symbol.prototype],
  ["Promise.prototype", Promise.prototype],
  ["Map.prototype", Map.prototype],
  ["Set.prototype", Set.prototype],
  ["RegExp.prototype", RegExp.prototype],
  ["Date.prototype", Date.prototype],
  ["Error.prototype", Error.prototype],
  ["JSON", JSON],
  ["Object", Object],
  ["Array", Array],
  ["globalThis", globalThis],
];

type Recorded = Map<string | symbol, PropertyDescriptor>;

function record(target: object): Recorded {
  const map: Recorded = new Map();
  for (const key of Reflect.ownKeys(target)) map.set(key, Reflect.getOwnPropertyDescriptor(target, key) as PropertyDescriptor);
  return map;
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    Object.is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

/** Differences between what was recorded and what is there now, each undone as it is found. */
function restore(name: string, target: object, before: Recorded): string[] {
  const changes: string[] = [];
  for (const key of Reflect.ownKeys(target)) {
    const was = before.get(key);
    const now = Reflect.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
    if (was === undefined) {
      changes.push(`${name}.${String(key)} added`);
      Reflect.deleteProperty(target, key);
    } else if (name !== "globalThis" && !sameDescriptor(was, now)) {
      // globalThis is watched for additions only: Node turns some lazy globals into plain values on first use.
      changes.push(`${name}.${String(key)} changed`);
      Reflect.defineProperty(target, key, was);
    }
  }
  for (const key of before.keys()) {
    if (name !== "globalThis" && !Reflect.getOwnPropertyDescriptor(target, key)) {
      changes.push(`${name}.${String(key)} removed`);
      Reflect.defineProperty(target, key, before.get(key) as PropertyDescriptor);
    }
  }
  if (!Object.isExtensible(target)) changes.push(`${name} made non-extensible`);
  return changes;
}

/**
 * Records the watched built-ins now.
 *
 * @example
 * const guard = createPrototypeGuard();
 * (Object.prototype as any).polluted = 1;
 * guard.check() // => ["Object.prototype.polluted added"] (and it is gone again)
 */
export function createPrototypeGuard(): PrototypeGuard {
  const recorded = WATCHED.map(([name, target]) => ({ name, target, before: record(target), proto: Object.getPrototypeOf(target) as unknown }));
  return {
    check(quick = false) {
      if (quick && recorded.every(({ target, before }) => Reflect.ownKeys(target).length === before.size)) return [];
      const changes: string[] = [];
      for (const { name, target, before, proto } of recorded) {
        changes.push(...restore(name, target, before));
        if (Object.getPrototypeOf(target) !== proto) {
          changes.push(`${name} re-prototyped`);
          Object.setPrototypeOf(target, proto as object | null);
        }
      }
      return changes;
    },
  };
}
