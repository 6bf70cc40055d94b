import { formatPath, type ConfigIssue } from "./config-error.js";
import { describeError } from "./describe-error.js";
import { describeValue } from "./describe-value.js";
import type { IssueCode } from "./issue-codes.js";
import { isOverExpanded, overExpandedMessage } from "./shared-expansion.js";

/**
 * Values nested deeper are cut off. No schema accepts anything that deep (a design is JSON at most 64 levels deep,
 * and sits two levels below the root), so a cut only spares the stack; its issue is reported when nothing above it is.
 */
export const MAX_READ_DEPTH = 100;

/**
 * More values than this in one input (counted as `JSON.stringify` would write them) stop the reading: 2 097 152,
 * room for a set of 100 000 invitations. Counting as JSON would write it matters for an object graph that shares
 * parts: 23 nested pairs of one shared array are 23 objects but 2²³ values, and every check after this one walks it
 * as a tree. The reading itself meets each object once, so refusing such a graph costs what the graph holds; the
 * sharing bound of `isOverExpanded` then keeps what it accepts linear in that too.
 */
export const MAX_READ_VALUES = 2_097_152;

/** Bounds an input's strings and lists must keep; a longer one is a `too_big` issue at its path. */
export interface ReadLimits {
  readonly maxStringLength: number;
  readonly maxListLength: number;
  /** The bound of a list that is the input itself; `maxListLength` when not given. */
  readonly maxRootListLength?: number;
  /** Values in all, at most {@link MAX_READ_VALUES}. */
  readonly maxValues: number;
}

/** No bound on strings or lists but {@link MAX_READ_VALUES} in all. */
export const NO_LIMITS: ReadLimits = {
  maxStringLength: Number.POSITIVE_INFINITY,
  maxListLength: Number.POSITIVE_INFINITY,
  maxValues: MAX_READ_VALUES,
};

/** The input read into plain data, and what kept parts of it from being read. */
export interface PlainInput {
  /** Plain objects, arrays and primitives only; an unreadable part is `undefined`. */
  value: unknown;
  /** Each stands for every problem at or below its path: the schema's findings there are noise. */
  issues: ConfigIssue[];
  /** Values cut at {@link MAX_READ_DEPTH}: worth reporting only when no problem above them is. */
  cuts: ConfigIssue[];
  /** `false` when the input held more than {@link MAX_READ_VALUES} values: nothing more should be checked. */
  complete: boolean;
}

const PLAIN = "plain data (an object literal, an object without prototype, an array or a primitive)";

/**
 * More problems than this stop the reading: an error lists no more anyway, and a shared object graph can lead to one
 * throwing proxy along 2²⁴ paths — each read throws again, and a thrown error is microseconds, not nanoseconds.
 */
export const MAX_READ_PROBLEMS = 1_000;

/** Thrown inside the reader to stop at once, where the count passed the bound; never leaves this module. */
class TooMany {
  constructor(readonly path: (string | number)[]) {}
}

/** Thrown inside the reader when {@link MAX_READ_PROBLEMS} are found; never leaves this module. */
class TooManyProblems {}

/**
 * Reads an input into plain data before any schema looks at it, so the schemas and checks behind it only ever see
 * values of our own: each property is read exactly once (a getter or proxy cannot answer one thing to the check and
 * another to the copy), and nothing that can throw is touched again. What cannot be read becomes an issue with its
 * path instead of an exception: a throwing getter or proxy trap (`could not be read: …`), a revoked proxy, a class
 * instance, Promise, Map or Date (`invalid_type`: only plain objects and arrays are data), a circular reference
 * (`invalid_value`), nesting deeper than {@link MAX_READ_DEPTH}, more than `limits.maxValues` values counted as JSON
 * would write them (at the root, naming where the count passed the bound), an input that shares its parts past
 * `isOverExpanded` (at the repeat that adds the most), a string (value or key) longer than `limits.maxStringLength`
 * and a list longer than `limits.maxListLength` (`too_big`; its items are not read), and more than
 * {@link MAX_READ_PROBLEMS} of these in all. A list's length is checked before its items are read, so a sparse array
 * claiming 2³² − 1 items costs nothing. Own enumerable string keys are read, as `JSON.stringify` would send them;
 * symbol keys and non-enumerable properties are not data and are left out. An object without prototype is read like
 * an object literal. An object met along several paths is read once: its copy is used at each (the copy shares as
 * the input does), and what was wrong in it is reported at each path, as the JSON text of the input would show it,
 * so the reading takes time linear in the objects and entries the input really holds.
 *
 * @example
 * readPlain({ id: "v", attributes: Promise.resolve(1) }).issues
 * // => [{ code: "invalid_type", path: ["attributes"], message: "expected plain data (…), got a Promise" }]
 * readPlain({ get url() { throw new Error("gone") } }).issues
 * // => [{ code: "invalid_value", path: ["url"], message: "could not be read: gone" }]
 */
export function readPlain(input: unknown, limits: ReadLimits = NO_LIMITS): PlainInput {
  const reader = new Reader(limits);
  try {
    const value = reader.read(input);
    if (reader.widest !== null && isOverExpanded(reader.count, reader.distinct)) {
      const message = overExpandedMessage(reader.count, reader.distinct);
      return { value: undefined, issues: [...reader.issues, { code: "too_big", path: reader.widest.path, message }], cuts: [], complete: false };
    }
    return { value, issues: reader.issues, cuts: reader.cuts, complete: true };
  } catch (error) {
    if (error instanceof TooManyProblems) {
      const message = `more than ${MAX_READ_PROBLEMS} parts cannot be read or break a limit; reading stopped there`;
      return { value: undefined, issues: [...reader.issues, { code: "too_big", path: [], message }], cuts: [], complete: false };
    }
    if (!(error instanceof TooMany)) throw error;
    const where = error.path.length === 0 ? "" : ` (the count passed it at ${formatPath(error.path)})`;
    const message = `expected at most ${limits.maxValues} values in all, counted as JSON would write them, got more${where}`;
    return { value: undefined, issues: [{ code: "too_big", path: [], message }], cuts: [], complete: false };
  }
}

/** What reading an object found, kept so that another path to the same object costs one step. */
interface Read {
  readonly copy: unknown;
  /** Its values as JSON would write them. */
  readonly values: number;
  /** Its height in objects: read at depth d, its deepest object sits at depth d + height − 1. */
  readonly height: number;
  /** The path length it was first read at, and the issues found at or below it then (indexes into `issues`). */
  readonly depth: number;
  readonly from: number;
  readonly to: number;
  /** Whether something below it was cut at {@link MAX_READ_DEPTH}. */
  readonly cut: boolean;
}

/** Marks an object whose reading has begun and not ended: meeting it then is meeting a circular reference. */
const IN_PROGRESS = 0;

class Reader {
  readonly issues: ConfigIssue[] = [];
  readonly cuts: ConfigIssue[] = [];
  /** Values read so far, as JSON would write them. */
  count = 0;
  /** Values the input really holds: the root, then each object's entries once. */
  distinct = 1;
  /** The second path to an object already read that adds the most values: where sharing too much is reported. */
  widest: { path: (string | number)[]; values: number } | null = null;
  private readonly path: (string | number)[] = [];
  private readonly done = new Map<object, Read | typeof IN_PROGRESS>();
  /** The height in objects of the value `read` returned last (0 for a primitive). */
  private height = 0;

  constructor(private readonly limits: ReadLimits) {}

  read(value: unknown): unknown {
    this.height = 0;
    if (typeof value === "object" && value !== null) {
      const seen = this.done.get(value);
      if (seen !== undefined) return this.again(seen);
    }
    if (++this.count > this.limits.maxValues) throw new TooMany([...this.path]);
    if (typeof value === "string") {
      if (value.length > this.limits.maxStringLength) this.report("too_big", this.tooLong(value));
      return value;
    }
    // Functions are left to the schemas, which refuse them without reading them.
    if (typeof value !== "object" || value === null) return value;
    if (this.path.length >= MAX_READ_DEPTH) return this.cut();
    return this.first(value);
  }

  /** An object met again: an ancestor is a cycle; one read before costs one step, its findings told at this path. */
  private again(seen: Read | typeof IN_PROGRESS): unknown {
    if (seen === IN_PROGRESS) {
      if (++this.count > this.limits.maxValues) throw new TooMany([...this.path]);
      this.report("invalid_value", "circular reference");
      return undefined;
    }
    this.count += seen.values;
    if (this.count > this.limits.maxValues) throw new TooMany([...this.path]);
    if (this.widest === null || seen.values > this.widest.values) this.widest = { path: [...this.path], values: seen.values };
    this.height = seen.height;
    // Nested too deep here or where it was first read: refused either way, and one cut at the shared part says so.
    if (seen.cut || this.path.length + seen.height > MAX_READ_DEPTH) return this.cut();
    for (let i = seen.from; i < seen.to; i++) {
      const issue = this.issues[i] as ConfigIssue;
      this.report(issue.code, issue.message, [...this.path, ...issue.path.slice(seen.depth)]);
    }
    return seen.copy;
  }

  private first(value: object): unknown {
    const before = this.count - 1;
    const from = this.issues.length;
    const cuts = this.cuts.length;
    this.done.set(value, IN_PROGRESS);
    const copy = this.object(value);
    const height = this.height + 1;
    this.done.set(value, {
      copy,
      values: this.count - before,
      height,
      depth: this.path.length,
      from,
      to: this.issues.length,
      cut: this.cuts.length > cuts,
    });
    this.height = height;
    return copy;
  }

  /** The copy of an object read for the first time; `this.height` is then the greatest height of its items. */
  private object(value: object): unknown {
    let keys: string[] | null = null;
    let length = 0;
    try {
      if (Array.isArray(value)) {
        length = (value as unknown[]).length;
        // Only a proxy can claim such a length; a real array's is always a valid index count.
        if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`invalid array length ${String(length)}`);
      } else {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          this.report("invalid_type", `expected ${PLAIN}, got ${describe(value)}`);
          return undefined;
        }
        keys = Object.keys(value);
      }
    } catch (error) {
      this.unreadable(error);
      return undefined;
    }
    // A list's length is judged before its items are read: a sparse array can claim 2³² − 1 items and hold none.
    const maxLength = listBound(this.limits, this.path.length);
    if (keys === null && length > maxLength) {
      this.report("too_big", `expected a list of at most ${maxLength} items, got ${length}`);
      return undefined;
    }
    if (keys === null && length > this.limits.maxValues - this.count) throw new TooMany([...this.path]);
    this.distinct += keys === null ? length : keys.length;
    return keys === null ? this.items(value as unknown[], length) : this.entries(value, keys);
  }

  private items(array: readonly unknown[], length: number): unknown[] {
    const copy: unknown[] = [];
    let height = 0;
    for (let i = 0; i < length; i++) {
      copy.push(this.child(array, i));
      if (this.height > height) height = this.height;
    }
    this.height = height;
    return copy;
  }

  private entries(object: object, keys: readonly string[]): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    let height = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key.length > this.limits.maxStringLength) {
        this.path.push(key);
        this.report("too_big", `key: ${this.tooLong(key)}`);
        this.path.pop();
      }
      const item = this.child(object, key);
      if (this.height > height) height = this.height;
      // Assigning `__proto__` would set the copy's prototype; the schemas report the key, so it must stay a key.
      if (key === "__proto__") Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
      else copy[key] = item;
    }
    this.height = height;
    return copy;
  }

  private child(parent: object, key: string | number): unknown {
    this.path.push(key);
    let value: unknown;
    try {
      value = (parent as Record<string | number, unknown>)[key];
    } catch (error) {
      this.unreadable(error);
      this.path.pop();
      this.height = 0;
      return undefined;
    }
    const copy = this.read(value);
    this.path.pop();
    return copy;
  }

  private cut(): undefined {
    const message = `expected values nested at most ${MAX_READ_DEPTH} levels deep`;
    this.cuts.push({ code: "too_big", path: [...this.path], message });
    return undefined;
  }

  private unreadable(error: unknown): void {
    this.report("invalid_value", `could not be read: ${describeError(error)}`);
  }

  private tooLong(text: string): string {
    return `expected a string of at most ${this.limits.maxStringLength} UTF-16 code units, got ${text.length}`;
  }

  private report(code: IssueCode, message: string, path: (string | number)[] = [...this.path]): void {
    if (this.issues.length >= MAX_READ_PROBLEMS) throw new TooManyProblems();
    this.issues.push({ code, path, message });
  }
}

/** `describeValue` reads `constructor`, which a proxy may refuse. */
function describe(value: object): string {
  try {
    return describeValue(value);
  } catch {
    return "an object that is not plain data";
  }
}

/** The most items a list at `depth` (0: the input itself) may hold under `limits`. */
export function listBound(limits: ReadLimits, depth: number): number {
  return depth === 0 ? (limits.maxRootListLength ?? limits.maxListLength) : limits.maxListLength;
}
