import { isValidTimeZone } from "../schedule/time-zone.js";
import { OPTION_DEFAULTS } from "../state/option-defaults.js";
import type { EvaluateOptions, OnlineOperator, Trigger } from "../types.js";

/** Evaluation options with every default applied and seconds turned into milliseconds. */
export interface ResolvedOptions {
  operatorsOnline: readonly OnlineOperator[] | undefined;
  requireOperatorOnline: boolean;
  suppressAfterCloseMs: number;
  suppressAfterChatMs: number;
  timeZone: string;
  escape: "html" | "none";
  defaultOperatorName: string;
  seed: string;
  /** A copy: the caller's object is read once, here. */
  trigger: Trigger | undefined;
}

const D = OPTION_DEFAULTS;

/**
 * Applies the documented defaults ({@link OPTION_DEFAULTS}) to evaluation options, or returns `null` when an option
 * cannot be used or cannot be read (a getter or proxy trap that throws): every part evaluation reads later, down to
 * each online operator's departments, is read and checked here once. Hand-written on purpose: it runs on every call, where zod
 * would be too slow.
 *
 * @example
 * resolveOptions({ suppressAfterCloseSeconds: 60 })?.suppressAfterCloseMs // => 60000
 * resolveOptions({ timeZone: "Mars/Olympus" })                          // => null
 * resolveOptions({ operatorsOnline: [{ id: "7", departments: [{}] }] })  // => null
 */
export function resolveOptions(options: EvaluateOptions | undefined): ResolvedOptions | null {
  if (options === undefined) return DEFAULTS;
  try {
    return resolve(options);
  } catch {
    return null;
  }
}

function resolve(options: EvaluateOptions): ResolvedOptions | null {
  if (typeof options !== "object" || options === null) return null;
  const o = options;
  const trigger = ownTrigger(o.trigger);
  if (trigger === null) return null;
  const operatorsOnline = ownOperators(o.operatorsOnline);
  if (operatorsOnline === null) return null;
  const resolved: ResolvedOptions = {
    operatorsOnline,
    requireOperatorOnline: o.requireOperatorOnline ?? D.requireOperatorOnline,
    suppressAfterCloseMs: milliseconds(o.suppressAfterCloseSeconds ?? D.suppressAfterCloseSeconds),
    suppressAfterChatMs: milliseconds(o.suppressAfterChatSeconds ?? D.suppressAfterChatSeconds),
    timeZone: o.timeZone ?? D.timeZone,
    escape: o.escape ?? D.escape,
    defaultOperatorName: o.defaultOperatorName ?? D.defaultOperatorName,
    seed: o.seed ?? D.seed,
    trigger,
  };
  return isUsable(resolved) ? resolved : null;
}

const DEFAULTS: ResolvedOptions = {
  operatorsOnline: D.operatorsOnline,
  requireOperatorOnline: D.requireOperatorOnline,
  suppressAfterCloseMs: D.suppressAfterCloseSeconds * 1000,
  suppressAfterChatMs: D.suppressAfterChatSeconds * 1000,
  timeZone: D.timeZone,
  escape: D.escape,
  defaultOperatorName: D.defaultOperatorName,
  seed: D.seed,
  trigger: D.trigger,
};

/**
 * The most operators `operatorsOnline` may list, and departments per operator: a list's length is judged before its
 * items, since a sparse array can claim 2³² − 1 of them (the visitor's lists are bounded the same way).
 */
export const MAX_OPERATORS_ONLINE = 10_000;
const MAX_OPERATOR_DEPARTMENTS = 1_000;

function isUsable(o: ResolvedOptions): boolean {
  return (
    typeof o.requireOperatorOnline === "boolean" &&
    isDuration(o.suppressAfterCloseMs) &&
    isDuration(o.suppressAfterChatMs) &&
    typeof o.timeZone === "string" &&
    isValidTimeZone(o.timeZone) &&
    (o.escape === "html" || o.escape === "none") &&
    typeof o.defaultOperatorName === "string" &&
    typeof o.seed === "string"
  );
}

/**
 * Seconds as ms, or `NaN` (refused by `isDuration`) for anything but a number: multiplying a value converts it to
 * text first, and an array that shares its parts takes exponentially long to write out.
 */
function milliseconds(seconds: unknown): number {
  return typeof seconds === "number" ? seconds * 1000 : Number.NaN;
}

function isList(value: unknown, max: number): value is readonly unknown[] {
  return Array.isArray(value) && value.length <= max;
}

function isDuration(ms: unknown): boolean {
  return typeof ms === "number" && Number.isFinite(ms) && ms >= 0;
}

/**
 * The online operators as our own copies, each part read once (`undefined` when none are given, `null` when one
 * cannot be used): a getter that answers differently on a second read cannot slip past the check.
 */
function ownOperators(value: unknown): OnlineOperator[] | undefined | null {
  if (value === undefined) return undefined;
  if (!isList(value, MAX_OPERATORS_ONLINE)) return null;
  const length = value.length;
  const operators: OnlineOperator[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const operator = ownOperator(value[i]);
    if (operator === null) return null;
    operators[i] = operator;
  }
  return operators;
}

function ownOperator(value: unknown): OnlineOperator | null {
  if (typeof value !== "object" || value === null) return null;
  const op = value as Partial<OnlineOperator>;
  const id = op.id;
  const name = op.name;
  if (typeof id !== "string" || (name !== undefined && typeof name !== "string")) return null;
  const departments = ownDepartments(op.departments);
  if (departments === null) return null;
  const operator: OnlineOperator = { id };
  if (name !== undefined) operator.name = name;
  if (departments !== undefined) operator.departments = departments;
  return operator;
}

function ownDepartments(value: unknown): (string | number)[] | undefined | null {
  if (value === undefined) return undefined;
  if (!isList(value, MAX_OPERATOR_DEPARTMENTS)) return null;
  const length = value.length;
  const departments: (string | number)[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const department: unknown = value[i];
    if (!isDepartment(department)) return null;
    departments[i] = department as string | number;
  }
  return departments;
}

/** A department id, as `departments` lists them: text, or a finite number. */
function isDepartment(value: unknown): boolean {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** The trigger as our own object (`undefined` when none is given, `null` when it cannot be used). */
function ownTrigger(value: unknown): Trigger | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) return null;
  const t = value as { type?: unknown; seconds?: unknown };
  const type = t.type;
  if (type === "exitIntent") return { type };
  const seconds = t.seconds;
  if (type !== "idle" || typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) return null;
  return { type, seconds };
}
