import type * as z from "zod/mini";
import { ConfigError, type ConfigIssue } from "./config-error.js";
import { isPlainData } from "./is-plain-data.js";
import { issueMessage } from "./issue-message.js";
import { NO_LIMITS, readPlain, type ReadLimits } from "./read-plain.js";
import type { SafeParseResult } from "./safe-parse-result.js";
import { checkList, listElement, type ListFindings } from "./check-list.js";
import { tierUp } from "./tier-up.js";
import { toConfigIssues } from "./to-config-issues.js";

/**
 * Runs a schema and the cross-field rules in one pass and merges what both found, ordered by path. Data comes back
 * only when both are satisfied; a failure always carries at least one issue. It never throws: the input is first
 * read into plain data (`readPlain`: parts that cannot be read, are not plain data, or hold a string longer than
 * `limits` become issues), and the schema and the rules only ever see that copy. `quick`, when given, is tried first
 * on input that passed `isPlainData`: a parser that returns exactly the schema's data for input the schema accepts,
 * and `null` for anything else (the schema then reports); its data is kept when the rules find nothing either. The
 * rules get, as their second argument, what they already found nothing in, when there is such a thing: the part of
 * their work that only repeats on equal values may be left out.
 *
 * @example
 * parseWithSchema(invitationsSchema, input, "invitations", checkInvitationSet)
 * // => { success: false, error: ConfigError { issues: [...] } }
 */
export function parseWithSchema<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  what: string,
  check: (input: unknown, checked?: unknown) => ConfigIssue[] = () => [],
  limits: ReadLimits = NO_LIMITS,
  quick: (input: unknown) => T | null = () => null,
): SafeParseResult<T> {
  const parse = { schema, what, check, limits, quick };
  // A list whose checking stopped early, yet left no more issues than are listed once repeats and what a read
  // problem stands for are dropped, is checked again in full: the issues past the stop may then be listed too.
  return parseOnce(parse, input, true) ?? (parseOnce(parse, input, false) as SafeParseResult<T>);
}

interface Parse<T> {
  schema: z.ZodMiniType<T>;
  what: string;
  check: (input: unknown, checked?: unknown) => ConfigIssue[];
  limits: ReadLimits;
  quick: (input: unknown) => T | null;
}

/** {@link parseWithSchema}, or `null` when a list stopped early and that left too few issues (see there). */
function parseOnce<T>(parse: Parse<T>, input: unknown, stopEarly: boolean): SafeParseResult<T> | null {
  const { schema, what, check, limits, quick } = parse;
  // Nearly every input is plain data already: checked in place, it needs no copy of its own.
  if (isPlainData(input, limits)) {
    // And nearly every one is valid: a hand-written parser says so for a fraction of the schema's time and garbage.
    const data = quickly(quick, input, check);
    if (data !== null) return { success: true, data };
    const found = validate(schema, input, check, stopEarly, withSharedShape);
    if (found !== null) return conclude(found.data, found.issues, what, found.stopped);
  }
  // Something cannot be read, or is not data, or changed while it was read (a proxy, a getter): work on a copy.
  const plain = readPlain(input, limits);
  const issues = [...plain.issues];
  if (!plain.complete) return conclude<T>(undefined, issues, what);
  const found = validate(schema, plain.value, check, stopEarly) ?? unchecked(plain.value);
  // A problem reading a value stands for every finding at or below it ("got nothing" for what could not be read).
  const shadowed = new Set(plain.issues.map((issue) => pathKey(issue.path)));
  // Loops, not `push(...list)`: a list of 10⁵ issues would overflow the stack as arguments.
  for (const issue of found.issues) if (shadowed.size === 0 || !isShadowed(issue.path, shadowed)) issues.push(issue);
  if (plain.cuts.length > 0) {
    const reported = new Set(issues.map((issue) => pathKey(issue.path)));
    for (const cut of plain.cuts) if (!isShadowed(cut.path, reported)) issues.push(cut);
  }
  return conclude(found.data, issues, what, found.stopped);
}

/**
 * The quick parser's data when the rules find nothing either, in the data (what is handed out: a getter may have
 * answered the rules differently) and in the input (the data leaves out some of what they look for, such as an own
 * `__proto__` key the schema drops; the data comes along, checked already); `null` when anything objects or throws.
 */
function quickly<T>(
  quick: (input: unknown) => T | null,
  input: unknown,
  check: (input: unknown, checked?: unknown) => ConfigIssue[],
): T | null {
  try {
    const data = quick(input);
    return data !== null && check(data).length === 0 && check(input, data).length === 0 ? data : null;
  } catch {
    return null;
  }
}

function conclude<T>(data: T | undefined, issues: ConfigIssue[], what: string, stopped?: Stopped): SafeParseResult<T> | null {
  if (data !== undefined && issues.length === 0) return { success: true, data };
  if (issues.length === 0) issues.push({ code: "invalid_value", path: [], message: `invalid ${what}` });
  // Past the last item checked only read problems can have been found: they are left out with what was not checked.
  const kept = stopped === undefined ? issues : issues.filter((issue) => !(typeof issue.path[0] === "number" && issue.path[0] > stopped.last));
  const listed = sortIssues(kept, stopped);
  if (listed === null) return null;
  return { success: false, error: new ConfigError(listed, what) };
}

/** A list checked only up to item `last` of `length`. */
interface Stopped {
  last: number;
  length: number;
}

interface Findings<T> {
  data: T | undefined;
  issues: ConfigIssue[];
  /** When a list was checked only up to an item (it had enough issues before): that item, and the list's length. */
  stopped?: Stopped;
}

/**
 * The schema, then the rules, on a value; `null` when either threw while reading it (a getter or proxy that answers
 * differently the second time: the caller then works on a copy). A list schema checks a list item by item and, when
 * `stopEarly`, stops once the items checked have more issues than are listed (`checkList`). `prepare`, when given, is
 * applied to each item of an array before it is checked. A stack overflow is zod
 * listing ~10⁵ issues of one array: checking a copy would only overflow again, after as long.
 */
function validate<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  check: (input: unknown) => ConfigIssue[],
  stopEarly: boolean,
  prepare?: (item: unknown) => unknown,
): Findings<T> | null {
  try {
    const element = Array.isArray(value) ? listElement(schema) : null;
    if (element !== null) {
      const list = value as unknown[];
      return listFindings(checkList<T>(schema, list, check, stopEarly ? MAX_LISTED_ISSUES : Infinity, prepare), list.length);
    }
    if (prepare !== undefined && Array.isArray(value)) value = value.map(prepare);
    const result = tierUp(schema, Array.isArray(value) ? value.length : 1).safeParse(value, { error: issueMessage, reportInput: true });
    const issues = result.success ? [] : toConfigIssues(result.error.issues, value);
    for (const issue of check(value)) issues.push(issue);
    return { data: result.success ? result.data : undefined, issues };
  } catch (error) {
    return error instanceof RangeError ? unchecked(value) : null;
  }
}

function listFindings<T>(found: ListFindings<T>, length: number): Findings<T> {
  const { data, issues, last } = found;
  return last === length - 1 ? { data, issues } : { data, issues, stopped: { last, length } };
}

const OBJECT_PROTOTYPE: unknown = Object.prototype;

/**
 * A list's object item copied one level deep, so that the items of a large list share hidden classes: objects built
 * one by one (a spread in a loop) may each get one of their own, and every read the schema makes of them then misses
 * V8's caches (100 000 such invitations check three times slower). Property for property the same plain data; an
 * object without prototype or with an own `__proto__` key is left as it is.
 */
function withSharedShape(item: unknown): unknown {
  if (typeof item !== "object" || item === null || Object.getPrototypeOf(item) !== OBJECT_PROTOTYPE) return item;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    if (key === "__proto__") return item;
    copy[key] = (item as Record<string, unknown>)[key];
  }
  return copy;
}

/** Plain data that still made the schema or the rules throw. */
function unchecked(value: unknown): Findings<never> {
  const size = Array.isArray(value) ? ` (an array of ${value.length} items)` : "";
  const message = `could not be checked${size}: too many problems to list`;
  return { data: undefined, issues: [{ code: "too_big", path: [], message }] };
}

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/** Is `path`, or a path above it, one of `keys`? */
function isShadowed(path: readonly (string | number)[], keys: ReadonlySet<string>): boolean {
  for (let length = 0; length <= path.length; length++) if (keys.has(pathKey(path.slice(0, length)))) return true;
  return false;
}

/** The most issues one error lists; the rest are counted in one more issue at the root. */
export const MAX_LISTED_ISSUES = 1000;

/**
 * Sorts the issues by path, drops repeats, and keeps the first {@link MAX_LISTED_ISSUES}: a set with a hundred
 * thousand broken entries is better told "and 99 000 more" than kept waiting while each is written out. When a list
 * was `stopped` early, the last issue says which items were not checked; `null` when it then has no more issues than
 * are listed (the stop was not justified).
 */
function sortIssues(issues: ConfigIssue[], stopped?: Stopped): ConfigIssue[] | null {
  // A stable sort keeps repeats (same path) next to each other, so they are dropped without a key per issue.
  issues.sort((a, b) => comparePaths(a.path, b.path));
  const listed: ConfigIssue[] = [];
  let unlisted = 0;
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as ConfigIssue;
    if (isRepeat(issues, i)) continue;
    if (listed.length < MAX_LISTED_ISSUES) listed.push(issue);
    else unlisted += 1;
  }
  if (stopped !== undefined) {
    if (unlisted === 0) return null;
    const { last, length } = stopped;
    const rest = last + 2 === length ? `item ${last + 1} was` : `items ${last + 1} to ${length - 1} were`;
    const message = `${unlisted} more problems not listed (at most ${MAX_LISTED_ISSUES} are), and ${rest} not checked`;
    listed.push({ code: "too_big", path: [], message });
  } else if (unlisted > 0) {
    listed.push({ code: "too_big", path: [], message: `${unlisted} more problems not listed (at most ${MAX_LISTED_ISSUES} are)` });
  }
  return listed;
}

/** Whether an issue equal to `issues[i]` comes earlier among those with the same path. */
function isRepeat(issues: readonly ConfigIssue[], i: number): boolean {
  const issue = issues[i] as ConfigIssue;
  for (let j = i - 1; j >= 0; j--) {
    const other = issues[j] as ConfigIssue;
    if (comparePaths(other.path, issue.path) !== 0) return false;
    if (other.code === issue.code && other.message === issue.message) return true;
  }
  return false;
}

/** Element by element: indexes numerically and before keys, keys by code unit, a path before its extensions. */
function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
