import type * as z from "zod/mini";
import type { ConfigIssue } from "./config-error.js";
import { issueMessage } from "./issue-message.js";
import { tierUp } from "./tier-up.js";
import { toConfigIssues } from "./to-config-issues.js";

/** What checking a list found: the data when nothing is wrong, the issues, and the last item checked. */
export interface ListFindings<T> {
  data: T | undefined;
  issues: ConfigIssue[];
  /**
   * The last item whose issues are all listed: `items.length − 1` when every item was checked, less when checking
   * stopped because the items up to it already had more than `enough` issues (issues past it are left out).
   */
  last: number;
}

const PARSE_OPTIONS = { error: issueMessage, reportInput: true } as const;

/** Items checked by one call of the schema. */
const CHUNK = 64;

/** After this many refused chunks, the rest of a list is checked by zod's interpreter rather than compiled code. */
const INTERPRET_AFTER = 4;

/** The rules run first on this many items, then on four times as many, and so on, until they have enough issues. */
const FIRST_RULES_RUN = 4096;

/**
 * The element schema of a plain `z.array(element)` (no checks of the array as a whole): such a schema can be run on
 * a list a chunk at a time with the same result; `null` for any other schema.
 *
 * @example
 * listElement(z.array(z.string())) // => the z.string() schema
 * listElement(z.object({}))        // => null
 */
export function listElement(schema: z.ZodMiniType): z.ZodMiniType | null {
  const def = schema._zod.def as { type: string; element?: z.ZodMiniType; checks?: readonly unknown[] };
  return def.type === "array" && def.element !== undefined && (def.checks ?? []).length === 0 ? def.element : null;
}

/**
 * Checks a list with its (array) schema a chunk of items at a time, then the rules, the way the schema would on the
 * whole list (the same issues, the same data), but stops early: once the items checked have more than `enough` issues, the rest are not
 * checked, so a list of 100 000 broken items costs what its first few thousand do. The rules must be local to a
 * prefix: the issues they find at item `i` (paths starting with `i`) depend only on items `0 … i` (a duplicate is
 * reported at the later item), so running them on a prefix finds exactly the prefix's issues. They are run on
 * growing prefixes, so a flood of rule issues stops early too. `prepare` makes each item what is checked (and what
 * the rules see) from the one in `list`, when its turn comes: a list stopped early prepares none past the stop.
 *
 * @example
 * checkList(eventDefinitionsSchema, new Array(100_000).fill([]), () => [], 1000).last // => 1000
 */
export function checkList<T>(
  schema: z.ZodMiniType,
  list: readonly unknown[],
  check: (input: unknown) => ConfigIssue[],
  enough: number,
  prepare: (item: unknown) => unknown = (item) => item,
): ListFindings<T> {
  let tier = tierUp(schema, list.length);
  // The items as checked: each prepared when its turn comes, so none past the stop is; holes stay holes.
  const items = new Array<unknown>(list.length);
  const data = new Array<unknown>(list.length);
  const issues: ConfigIssue[] = [];
  let failed = 0;
  let last = list.length - 1;
  for (let from = 0; from <= last; from += CHUNK) {
    const to = Math.min(from + CHUNK, list.length);
    for (let i = from; i < to; i++) if (i in list) items[i] = prepare(list[i]);
    // A chunk at a time, so that zod's result and error are made once per chunk, not once per item.
    const chunk = items.slice(from, to);
    const result = tier.safeParse(chunk, PARSE_OPTIONS);
    if (result.success) {
      for (let i = from; i < to; i++) data[i] = (result.data as unknown[])[i - from];
      continue;
    }
    // Compiled code hands a chunk it refuses back to the interpreter, which lists the issues: in a list of broken
    // items, asking the interpreter at once saves checking each chunk twice. Both give the same results.
    if (++failed === INTERPRET_AFTER) tier = schema;
    // Issues come item by item, in order: the one that passes `enough` says where to stop.
    for (const issue of toConfigIssues(result.error.issues, chunk)) issues.push(shifted(issue, from));
    if (issues.length > enough) last = itemOf(issues[enough] as ConfigIssue);
  }
  const rules = ruleIssues(check, items, last, enough);
  if (rules.last < last) last = rules.last;
  const kept = last === items.length - 1 ? issues : issues.filter((issue) => itemOf(issue) <= last);
  for (const issue of rules.issues) if (itemOf(issue) <= last) kept.push(issue);
  return { data: failed === 0 && rules.issues.length === 0 ? (data as T) : undefined, issues: kept, last };
}

/** An issue of a chunk starting at item `from`, with its path from the list's start. */
function shifted(issue: ConfigIssue, from: number): ConfigIssue {
  if (from === 0) return issue;
  const path = issue.path.slice();
  path[0] = (path[0] as number) + from;
  return { ...issue, path };
}

/**
 * The rules' issues for items `0 … last`, run on prefixes four times longer each time until the prefix has more than
 * `enough` issues (then `last` is the item where they passed it) or is the whole range.
 */
function ruleIssues(
  check: (input: unknown) => ConfigIssue[],
  items: readonly unknown[],
  last: number,
  enough: number,
): { issues: ConfigIssue[]; last: number } {
  let length = Math.min(last + 1, FIRST_RULES_RUN);
  for (;;) {
    const issues = check(length === items.length ? items : items.slice(0, length));
    const cut = itemPassing(issues, enough);
    if (cut !== -1) return { issues, last: Math.min(cut, last) };
    if (length === last + 1) return { issues, last };
    length = Math.min(last + 1, length * 4);
  }
}

/** The item whose issues take the count past `enough`, or -1 when they do not (or only issues above the items do). */
function itemPassing(issues: readonly ConfigIssue[], enough: number): number {
  if (issues.length <= enough) return -1;
  const items = new Float64Array(issues.length);
  for (let i = 0; i < issues.length; i++) items[i] = itemOf(issues[i] as ConfigIssue);
  items.sort();
  return items[enough] as number;
}

/** The list item an issue is at; -1 for an issue about the list itself. */
function itemOf(issue: ConfigIssue): number {
  const first = issue.path[0];
  return typeof first === "number" ? first : -1;
}
