import type { AttributeScalar, AttributeValue } from "../types.js";

/** Names that reach Object.prototype machinery; a visitor must never be able to address them, even as own keys. */
export const FORBIDDEN_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** `value` when it is a string, number or boolean, else `undefined` (snapshots may arrive unvalidated). */
export function attributeScalar(value: unknown): AttributeScalar | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

/**
 * Past this many keys a record is read through an {@link AttributeIndex}. V8 reads a property of an object with
 * hundreds of keys through its megamorphic cache, which such objects overflow: at 1 000 keys `Object.hasOwn` plus a
 * keyed load cost about 250 ns, ten times a `Map` lookup, and the cost per read keeps growing with the key count.
 * Below it, a few direct reads cost less than indexing (about 1 µs for 64 keys).
 */
const INDEX_FROM_KEYS = 64;

/**
 * A large plain attribute record indexed in a `Map` on first read: built with one `for…in`, the one way to walk such
 * an object that stays fast, then looked up in constant time. It answers exactly what a direct read would: own
 * properties only, forbidden keys never, only scalar values. A record with non-enumerable own keys (which `for…in`
 * does not list but a condition can name) answers those by a direct read.
 */
export class AttributeIndex {
  private values: Map<string, AttributeScalar> | null = null;
  /** Whether the record has own keys `for…in` does not list (non-enumerable ones); known once the map is built. */
  private hidden = false;
  /** The keys of `values`, in an array of their own: spreading a Map's keys costs more than collecting them. */
  private readonly found: string[] = [];

  constructor(private readonly record: Readonly<Record<string, AttributeValue>>) {}

  get(key: string): AttributeScalar | undefined {
    const value = (this.values ?? this.build()).get(key);
    if (value !== undefined || !this.hidden) return value;
    const record = this.record;
    return FORBIDDEN_ATTRIBUTE_KEYS.has(key) || !Object.hasOwn(record, key) ? undefined : attributeScalar(record[key]);
  }

  /** Own keys of the record, at least every one {@link get} finds a value for, for callers that walk them. */
  keys(): readonly string[] {
    if (this.values === null) this.build();
    return this.hidden ? Object.getOwnPropertyNames(this.record) : this.found;
  }

  private build(): Map<string, AttributeScalar> {
    const record = this.record;
    const values = new Map<string, AttributeScalar>();
    let count = 0;
    // indexAttributes made sure `for…in` lists own keys only (no enumerable key is inherited).
    for (const key in record) {
      count++;
      const value = attributeScalar(record[key]);
      if (value === undefined || FORBIDDEN_ATTRIBUTE_KEYS.has(key)) continue;
      values.set(key, value);
      this.found.push(key);
    }
    this.hidden = Object.getOwnPropertyNames(record).length !== count;
    this.values = values;
    return values;
  }
}

/**
 * A visitor's attributes as conditions read them: the record itself, or, for a large plain one, an
 * {@link AttributeIndex} over it. Anything else (a class instance, a proxy claiming another prototype, a record
 * while `Object.prototype` has enumerable keys) is read directly: only a plain record's `for…in` lists exactly its
 * own enumerable keys.
 *
 * @example
 * indexAttributes({ plan: "pro" })                                   // => { plan: "pro" } (small: read directly)
 * indexAttributes(Object.fromEntries(keys.map((k) => [k, 1]))).get("k9") // => 1, through a Map (keys.length > 64)
 */
export function indexAttributes(
  record: Readonly<Record<string, AttributeValue>>,
): Readonly<Record<string, AttributeValue>> | AttributeIndex {
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto !== null && (proto !== Object.prototype || inheritsEnumerable())) return record;
  let count = 0;
  for (const _key in record) if (++count > INDEX_FROM_KEYS) return new AttributeIndex(record);
  return record;
}

function inheritsEnumerable(): boolean {
  for (const _key in Object.prototype) return true;
  return false;
}
