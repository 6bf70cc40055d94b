import { listBound, MAX_READ_DEPTH, MAX_READ_VALUES, NO_LIMITS, type ReadLimits } from "./read-plain.js";
import { isOverExpanded, MAX_SHARED_EXPANSION, SHARED_EXPANSION_ALLOWANCE } from "./shared-expansion.js";

/**
 * Tells, without copying anything, whether an input is plain data that `readPlain` would read without a single
 * issue: only primitives, arrays and objects whose prototype is `Object.prototype` or null, nested at most
 * {@link MAX_READ_DEPTH} levels, no circular reference, at most `limits.maxValues` values counted as JSON would write
 * them (at most {@link MAX_READ_VALUES}) and not past the sharing bound of `isOverExpanded`, no string or key longer
 * than `limits.maxStringLength`, no list longer than `limits.maxListLength` (checked before its items, so a sparse
 * array claiming 2³² − 1 items costs nothing), and every property readable. It is the parse functions' fast path:
 * checking is a tenth of the cost of copying, and nearly every input passes. An object reached along several paths is
 * walked once, so the check takes time linear in the objects and entries the input really holds. It never throws; a
 * getter or proxy trap that throws makes the answer `false`.
 *
 * @example
 * isPlainData({ id: "v", tags: ["a"] })             // => true
 * isPlainData({ id: "v", chat: new Date() })        // => false (not plain data)
 * isPlainData({ id: "v", url: "abc" }, { maxStringLength: 2, maxListLength: 9, maxValues: 99 }) // => false (a string over the limit)
 */
export function isPlainData(input: unknown, limits: ReadLimits = NO_LIMITS): boolean {
  try {
    // Most inputs are small trees: walked as trees, with nothing remembered. Up to the allowance sharing costs
    // no more than the values it adds; past it, objects are remembered, and only a graph that shares is walked as one.
    const small = new TreeWalk(limits, Math.min(limits.maxValues, SHARED_EXPANSION_ALLOWANCE), null).run(input);
    if (small !== TOO_MANY || limits.maxValues <= SHARED_EXPANSION_ALLOWANCE) return small === PLAIN;
    const large = new TreeWalk(limits, limits.maxValues, new Set()).run(input);
    if (large !== SHARED) return large === PLAIN;
    const graph = new GraphWalk(limits);
    return graph.walk(input, 0) >= 0 && !isOverExpanded(limits.maxValues - graph.left, graph.distinct);
  } catch {
    return false;
  }
}

const OBJECT_PROTOTYPE: unknown = Object.prototype;

/** Marks an object whose walk has begun and not ended: meeting it again is a circular reference. */
const IN_PROGRESS = -1;

/** What the walk found below an object it has finished: its height in objects, and its values as JSON writes them. */
interface Walked {
  height: number;
  values: number;
}

const PLAIN = 0;
const NOT_PLAIN = 1;
const TOO_MANY = 2;
/**
 * Objects below this many values (as JSON writes them) are walked again at each path instead of being remembered:
 * an input whose larger parts are all met once holds at most this many times its distinct values, within the
 * sharing bound, and a tree's many small objects cost no hash.
 */
const REMEMBERED = MAX_SHARED_EXPANSION;

/** A part of {@link REMEMBERED} values or more was met twice: the input shares it, or holds a cycle. */
const SHARED = 3;
type Verdict = typeof PLAIN | typeof NOT_PLAIN | typeof TOO_MANY | typeof SHARED;

/** The input walked as a tree, every path on its own; with `seen`, a second meeting with an object stops the walk. */
class TreeWalk {
  private left: number;

  constructor(
    private readonly limits: ReadLimits,
    budget: number,
    private readonly seen: Set<object> | null,
  ) {
    this.left = budget;
  }

  run(value: unknown): Verdict {
    return this.walk(value, 0);
  }

  private walk(value: unknown, depth: number): Verdict {
    if (--this.left < 0) return TOO_MANY;
    if (typeof value === "string") return value.length <= this.limits.maxStringLength ? PLAIN : NOT_PLAIN;
    if (typeof value !== "object" || value === null) return PLAIN;
    if (depth >= MAX_READ_DEPTH) return NOT_PLAIN;
    const seen = this.seen;
    if (seen === null) return this.object(value, depth);
    // Only objects of REMEMBERED values or more are remembered: asking about one never seen costs no hash.
    if (seen.has(value)) return SHARED;
    const before = this.left;
    const verdict = this.object(value, depth);
    if (verdict === PLAIN && before - this.left >= REMEMBERED) seen.add(value);
    return verdict;
  }

  private object(value: object, depth: number): Verdict {
    if (Array.isArray(value)) {
      const array = value as readonly unknown[];
      if (array.length > listBound(this.limits, depth)) return NOT_PLAIN;
      if (array.length > this.left) return TOO_MANY;
      for (let i = 0; i < array.length; i++) {
        const verdict = this.walk(array[i], depth + 1);
        if (verdict !== PLAIN) return verdict;
      }
      return PLAIN;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) return NOT_PLAIN;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key.length > this.limits.maxStringLength) return NOT_PLAIN;
      const verdict = this.walk((value as Record<string, unknown>)[key], depth + 1);
      if (verdict !== PLAIN) return verdict;
    }
    return PLAIN;
  }
}

/** The input walked as a graph: each object once, its height and values as JSON writes them remembered. */
class GraphWalk {
  left: number;
  /** Values the input really holds: the root, then each object's entries once. */
  distinct = 1;
  private readonly walked = new Map<object, Walked | typeof IN_PROGRESS>();

  constructor(private readonly limits: ReadLimits) {
    this.left = limits.maxValues;
  }

  /** The height of `value` in objects (0 for a primitive), or -1 when it is no plain data within the limits. */
  walk(value: unknown, depth: number): number {
    if (typeof value === "string") return --this.left >= 0 && value.length <= this.limits.maxStringLength ? 0 : -1;
    if (typeof value !== "object" || value === null) return --this.left >= 0 ? 0 : -1;
    const seen = this.walked.get(value);
    if (seen === IN_PROGRESS) return -1;
    if (seen !== undefined) {
      this.left -= seen.values;
      return this.left >= 0 && depth + seen.height <= MAX_READ_DEPTH ? seen.height : -1;
    }
    if (--this.left < 0 || depth >= MAX_READ_DEPTH) return -1;
    const before = this.left + 1;
    this.walked.set(value, IN_PROGRESS);
    const below = Array.isArray(value) ? this.items(value as readonly unknown[], depth) : this.entries(value, depth);
    if (below < 0) return -1;
    this.walked.set(value, { height: below + 1, values: before - this.left });
    return below + 1;
  }

  private items(array: readonly unknown[], depth: number): number {
    if (array.length > listBound(this.limits, depth) || array.length > this.left) return -1;
    this.distinct += array.length;
    let height = 0;
    for (let i = 0; i < array.length; i++) {
      const below = this.walk(array[i], depth + 1);
      if (below < 0) return -1;
      if (below > height) height = below;
    }
    return height;
  }

  private entries(object: object, depth: number): number {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) return -1;
    const keys = Object.keys(object);
    this.distinct += keys.length;
    let height = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key.length > this.limits.maxStringLength) return -1;
      const below = this.walk((object as Record<string, unknown>)[key], depth + 1);
      if (below < 0) return -1;
      if (below > height) height = below;
    }
    return height;
  }
}
