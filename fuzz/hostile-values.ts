/**
 * The catalogue of corruptions the mutator applies to one spot of a valid input. Each says whether JSON could carry
 * it (`json`): a request body parsed with `JSON.parse` can hold wrong types, huge or odd strings, `-0`, `1e999`
 * (Infinity), deep nesting and own `__proto__` keys, but never a proxy, a getter, a cycle or a Promise. Targets whose
 * documented contract covers only JSON data (the reducers' state, for instance) use this to tell a tolerated throw
 * from a finding.
 */
import type { Random } from "../bench/random.js";
import { markOpaque } from "./opaque.js";

/** What `apply` returns when it has already put its value in place (an accessor on the parent). */
export const IN_PLACE: unique symbol = Symbol("in place");

/** Where a corruption happens: the node, and the object or array holding it (absent at the root). */
export interface Spot {
  node: unknown;
  parent: object | undefined;
  key: string | number | undefined;
  /** The input's root, for corruptions that point back at it (cycles). */
  root: unknown;
}

/** Size limits of a target: its inputs must stay linear-time-cheap enough for the per-call time budget. */
export interface SizeLimits {
  maxString: number;
  maxArray: number;
  maxDepth: number;
}

/** One kind of corruption: it returns the replacement for the node (or edits the parent and returns the node). */
export interface HostileKind {
  name: string;
  json: boolean;
  weight: number;
  apply(spot: Spot, rng: Random, limits: SizeLimits): unknown;
}

/** Characters a long string is made of: pattern metacharacters, separators, and text that changes size on casing. */
const ALPHABET = ["a", "b", "/", "-", "*", " ", "b/", "ab", "=", ".", "x", "é", "İ", "ß", "\u0000", "\uD800", "👍", "%", "{", "<", "\\", "a-"];

/** Short strings that trip careless code: surrogates, direction marks, zero width, casing that changes length. */
const ODD_STRINGS = [
  "\uD800",
  "\uDFFF",
  "a\uD83D",
  "\u202Eevil",
  "\u200B",
  "\uFEFFbom",
  "\u00A0",
  "e\u0301",
  "İ",
  "ǅ",
  "ß",
  "\uFFFF",
  "\u2028\u2029",
  "\u0000",
  "%00",
  "\r\n",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "toString",
  "{lhc.var.__proto__}",
  "{lhc.var.plan}",
  "{nick}",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "*",
  "**",
  "!*",
  "/",
  "//",
  "https://",
  "https://user:pw@EXAMPLE.com:8080/a/../b?q#f",
  "   ",
  "NaN",
  "1e999",
  "-0",
  "0x10",
  " 12 ",
];

const EDGE_NUMBERS_JSON = [0, -0, 1, -1, 0.5, 1e308, -1e308, Infinity, -Infinity, 2 ** 53 + 2, -(2 ** 31), 2 ** 32, 8.64e15 + 1, -8.64e15 - 1, 5e-324, 1e21];

/**
 * Lengths around the documented caps (2 048 for regex input, 8 192 for visitor strings), then far past them. The
 * far ones are rarer: they cost every call linear time, and a million inputs must fit in minutes.
 */
const STRING_LENGTHS: readonly (readonly [number, number])[] = [
  [100, 6],
  [1000, 4],
  [2047, 2],
  [2048, 2],
  [2049, 2],
  [8191, 2],
  [8192, 2],
  [8193, 2],
  [16_384, 1],
  [65_536, 1],
  [1_000_000, 0.2],
];

/** A size: mostly small, sometimes at the limit (huge arrays, deep nesting). */
function size(rng: Random, limit: number, small: readonly number[]): number {
  return rng.chance(0.1) ? limit : rng.pick(small.filter((n) => n <= limit));
}

function longString(rng: Random, limits: SizeLimits): string {
  const lengths = STRING_LENGTHS.filter(([n]) => n <= limits.maxString);
  const length = lengths.length === 0 ? limits.maxString : rng.weighted(lengths);
  const unit = rng.pick(ALPHABET);
  const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  // Half the time the attack string ends in a character no pattern expects, the worst case for a backtracker.
  return rng.chance(0.5) ? body : `${body.slice(0, -1)}!`;
}

/** A JSON value of a type picked at random (the node's own type is as likely as any: that is no corruption). */
function wrongType(rng: Random): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => true,
    () => false,
    () => 0,
    () => rng.pick(EDGE_NUMBERS_JSON),
    () => "",
    () => "x",
    () => rng.pick(ODD_STRINGS),
    () => [],
    () => ({}),
    () => [null],
    () => ({ id: "x" }),
  ])();
}

/** `{ "__proto__": …, "constructor": { "prototype": … } }` as `JSON.parse` builds it: own keys, not a prototype. */
function pollutionObject(): Record<string, unknown> {
  return JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}') as Record<string, unknown>;
}

/** Adds an own key to a plain object node (when the node is not one, the node becomes a pollution object). */
function withKey(spot: Spot, key: string, value: unknown): unknown {
  const node = spot.node;
  if (typeof node !== "object" || node === null || Array.isArray(node)) return { ...pollutionObject(), [key]: value };
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  return node;
}

function nest(node: unknown, depth: number, asArray: boolean): unknown {
  let value = node;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** A copy of an object node with its keys kept but its prototype replaced (or an empty object for a primitive). */
function reprototype(node: unknown, proto: object | null): object {
  const copy = Object.create(proto) as Record<string, unknown>;
  if (typeof node === "object" && node !== null) Object.assign(copy, node);
  return copy;
}

class Snapshotish {
  get computed(): string {
    return "from a getter";
  }
}

function throwing(label: string): never {
  throw new Error(`hostile ${label}`);
}

const THROWING_TRAPS: ProxyHandler<object> = {
  get: () => throwing("proxy get"),
  has: () => throwing("proxy has"),
  ownKeys: () => throwing("proxy ownKeys"),
  getOwnPropertyDescriptor: () => throwing("proxy getOwnPropertyDescriptor"),
  getPrototypeOf: () => throwing("proxy getPrototypeOf"),
  set: () => throwing("proxy set"),
  defineProperty: () => throwing("proxy defineProperty"),
  deleteProperty: () => throwing("proxy deleteProperty"),
  isExtensible: () => throwing("proxy isExtensible"),
  preventExtensions: () => throwing("proxy preventExtensions"),
  apply: () => throwing("proxy apply"),
};

/** Replaces the node's place in its parent by an accessor (the node itself when it has no parent). */
function accessorAt(spot: Spot, get: () => unknown, label: string): unknown {
  if (spot.parent === undefined || spot.key === undefined) {
    return markOpaque(
      Object.defineProperty({}, "id", { get, enumerable: true, configurable: true }),
      `object whose "id" is a ${label}`,
    );
  }
  Object.defineProperty(spot.parent, spot.key, { get, enumerable: true, configurable: true });
  return IN_PLACE;
}

const asObject = (node: unknown): object => (typeof node === "object" && node !== null ? node : { value: node });

/** Every corruption, weighted so that JSON-shaped garbage dominates and each exotic value still shows up often. */
export const HOSTILE_KINDS: readonly HostileKind[] = [
  { name: "wrong type", json: true, weight: 12, apply: (_, rng) => wrongType(rng) },
  { name: "edge number", json: true, weight: 6, apply: (_, rng) => rng.pick(EDGE_NUMBERS_JSON) },
  { name: "long string", json: true, weight: 10, apply: (_, rng, limits) => longString(rng, limits) },
  { name: "odd string", json: true, weight: 8, apply: (spot, rng) => (typeof spot.node === "string" && rng.chance(0.5) ? spot.node + rng.pick(ODD_STRINGS) : rng.pick(ODD_STRINGS)) },
  { name: "__proto__ keys", json: true, weight: 4, apply: (spot) => withKey(spot, "__proto__", { polluted: "yes" }) },
  { name: "constructor key", json: true, weight: 2, apply: (spot) => withKey(spot, "constructor", { prototype: { polluted: "yes" } }) },
  { name: "unknown key", json: true, weight: 3, apply: (spot, rng) => withKey(spot, rng.pick(["zzz", "", "hasOwnProperty", "toString", "valueOf", "length", "then"]), rng.pick([1, "x", null, {}])) },
  { name: "deep nesting", json: true, weight: 2, apply: (spot, rng, limits) => nest(spot.node, size(rng, limits.maxDepth, [10, 64, 65, 1000]), rng.chance(0.5)) },
  { name: "huge array", json: true, weight: 3, apply: (spot, rng, limits) => new Array<unknown>(size(rng, limits.maxArray, [16, 100, 256, 1000])).fill(spot.node) },
  { name: "NaN", json: false, weight: 2, apply: () => NaN },
  { name: "undefined", json: false, weight: 2, apply: () => undefined },
  { name: "bigint", json: false, weight: 1, apply: () => 10n ** 30n },
  { name: "symbol", json: false, weight: 1, apply: () => Symbol("hostile") },
  { name: "function", json: false, weight: 1, apply: () => markOpaque(() => "fn", "function") },
  {
    name: "built-in object",
    json: false,
    weight: 2,
    apply: (_, rng) =>
      rng.pick<() => object>([
        () => markOpaque(new Date(0), "Date(0)"),
        () => markOpaque(new Date(NaN), "invalid Date"),
        () => markOpaque(new Map([["id", "x"]]), "Map"),
        () => markOpaque(new Set(["x"]), "Set"),
        () => markOpaque(new Uint8Array(8), "Uint8Array"),
        () => markOpaque(/x/g, "RegExp"),
        () => markOpaque(new Error("an error as a value"), "Error"),
        () => markOpaque(new String("boxed"), "String object"),
        () => markOpaque(new Number(1), "Number object"),
        () => markOpaque(new WeakMap(), "WeakMap"),
      ])(),
  },
  { name: "null prototype", json: false, weight: 3, apply: (spot) => reprototype(spot.node, null) },
  { name: "class instance", json: false, weight: 2, apply: (spot) => reprototype(spot.node, Snapshotish.prototype) },
  { name: "frozen", json: false, weight: 2, apply: (spot) => (typeof spot.node === "object" && spot.node !== null ? Object.freeze(spot.node) : spot.node) },
  { name: "transparent proxy", json: false, weight: 3, apply: (spot) => markOpaque(new Proxy(asObject(spot.node), {}), "transparent proxy") },
  { name: "throwing proxy", json: false, weight: 3, apply: (spot) => markOpaque(new Proxy(asObject(spot.node), THROWING_TRAPS), "proxy whose every trap throws") },
  {
    name: "revoked proxy",
    json: false,
    weight: 3,
    apply: (spot) => {
      const { proxy, revoke } = Proxy.revocable(asObject(spot.node), {});
      revoke();
      return markOpaque(proxy, "revoked proxy");
    },
  },
  { name: "throwing getter", json: false, weight: 4, apply: (spot) => accessorAt(spot, () => throwing("getter"), "throwing getter") },
  {
    name: "unstable getter",
    json: false,
    weight: 2,
    apply: (spot, rng) => {
      let calls = 0;
      const other = wrongType(rng);
      const original = spot.node;
      return accessorAt(spot, () => (calls++ % 2 === 0 ? original : other), "getter answering differently each time");
    },
  },
  {
    name: "promise",
    json: false,
    weight: 2,
    apply: (spot, rng) => {
      // Promise.resolve of a revoked proxy (an earlier corruption) rejects; no rejection may go unhandled here.
      const promise = rng.chance(0.5) ? Promise.resolve(spot.node) : Promise.reject(new Error("hostile rejection"));
      promise.catch(() => {});
      return markOpaque(promise, "Promise");
    },
  },
  {
    name: "cycle",
    json: false,
    weight: 3,
    apply: (spot, rng) => {
      const node = spot.node;
      if (typeof node !== "object" || node === null) return { self: spot.root, value: node };
      if (Array.isArray(node)) node.push(rng.chance(0.5) ? node : spot.root);
      else Object.defineProperty(node, rng.pick(["self", "attributes", "state", "design", "events"]), { value: rng.chance(0.5) ? node : spot.root, enumerable: true, writable: true, configurable: true });
      return node;
    },
  },
  {
    name: "throwing conversion",
    json: false,
    weight: 2,
    apply: () => ({
      toString: markOpaque(() => throwing("toString"), "throwing toString"),
      valueOf: markOpaque(() => throwing("valueOf"), "throwing valueOf"),
      toJSON: markOpaque(() => throwing("toJSON"), "throwing toJSON"),
      [Symbol.toPrimitive]: markOpaque(() => throwing("Symbol.toPrimitive"), "throwing Symbol.toPrimitive"),
    }),
  },
  {
    name: "sparse array",
    json: false,
    weight: 2,
    apply: (spot, rng) => {
      // Copied key by key, holes and accessors kept: spreading a 2³²−1-long array (an earlier corruption) would try
      // to allocate four billion slots and kill the worker, and would call the node's getters here.
      const array: unknown[] = [];
      const node = spot.node;
      if (Array.isArray(node)) {
        for (const key of Object.keys(node)) Object.defineProperty(array, key, Object.getOwnPropertyDescriptor(node, key) as PropertyDescriptor);
      } else array.push(node);
      array.length = (Array.isArray(node) ? node.length : 1) + rng.int(1, 5); // past 2³²−1 a RangeError: the step is dropped
      return array;
    },
  },
  {
    // Nothing in it but a length of 2³²−1: a loop over `length` never ends (four bytes of input, no JSON can say it).
    name: "huge sparse array",
    json: false,
    weight: 0.2,
    apply: () => Object.assign([] as unknown[], { length: 4_294_967_295 }),
  },
  {
    // [[n, n], [n, n]]… : d + 1 objects, 2^d paths. JSON cannot share (its trees are as big as their text); a walk
    // that does not remember what it has seen visits every path. The parse functions read each object once and
    // refuse a graph past the values or sharing bound at once (1–2 ms); the weight is kept, so a million inputs hold
    // ~2 000 of them and earlier runs' seeds still make the same inputs.
    name: "shared DAG",
    json: false,
    weight: 0.5,
    apply: (spot, rng) => {
      let node = spot.node;
      for (let i = rng.weighted([[4, 4], [12, 4], [18, 1], [24, 1]]); i > 0; i--) node = [node, node];
      return node;
    },
  },
  {
    name: "hidden key",
    json: false,
    weight: 2,
    apply: (spot, rng) => {
      const node = typeof spot.node === "object" && spot.node !== null ? spot.node : {};
      if (rng.chance(0.5)) Object.defineProperty(node, rng.pick(["id", "url", "message", "v"]), { value: "hidden", enumerable: false, configurable: true });
      else Object.defineProperty(node, Symbol("hidden"), { value: "symbol", enumerable: true, configurable: true });
      return node;
    },
  },
];
