import { isValidTimeZone } from "../schedule/time-zone.js";
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
  trigger: Trigger | undefined;
}

const DAY_SECONDS = 86_400;

/**
 * Applies the documented defaults (SPEC §3) to evaluation options, or returns `null` when an option cannot be used.
 * Hand-written on purpose: it runs on every call, where zod would be too slow.
 *
 * @example
 * resolveOptions({ suppressAfterCloseSeconds: 60 })?.suppressAfterCloseMs // => 60000
 * resolveOptions({ timeZone: "Mars/Olympus" })                          // => null
 */
export function resolveOptions(options: EvaluateOptions | undefined): ResolvedOptions | null {
  if (options === undefined) return DEFAULTS;
  if (typeof options !== "object" || options === null) return null;
  const o = options;
  const resolved: ResolvedOptions = {
    operatorsOnline: o.operatorsOnline,
    requireOperatorOnline: o.requireOperatorOnline ?? true,
    suppressAfterCloseMs: (o.suppressAfterCloseSeconds ?? DAY_SECONDS) * 1000,
    suppressAfterChatMs: (o.suppressAfterChatSeconds ?? DAY_SECONDS) * 1000,
    timeZone: o.timeZone ?? "UTC",
    escape: o.escape ?? "html",
    defaultOperatorName: o.defaultOperatorName ?? "Live Support",
    seed: o.seed ?? "",
    trigger: o.trigger,
  };
  return isUsable(resolved) ? resolved : null;
}

const DEFAULTS: ResolvedOptions = {
  operatorsOnline: undefined,
  requireOperatorOnline: true,
  suppressAfterCloseMs: DAY_SECONDS * 1000,
  suppressAfterChatMs: DAY_SECONDS * 1000,
  timeZone: "UTC",
  escape: "html",
  defaultOperatorName: "Live Support",
  seed: "",
  trigger: undefined,
};

function isUsable(o: ResolvedOptions): boolean {
  return (
    (o.operatorsOnline === undefined || (Array.isArray(o.operatorsOnline) && o.operatorsOnline.every(isOperator))) &&
    typeof o.requireOperatorOnline === "boolean" &&
    isDuration(o.suppressAfterCloseMs) &&
    isDuration(o.suppressAfterChatMs) &&
    typeof o.timeZone === "string" &&
    isValidTimeZone(o.timeZone) &&
    (o.escape === "html" || o.escape === "none") &&
    typeof o.defaultOperatorName === "string" &&
    typeof o.seed === "string" &&
    (o.trigger === undefined || isTrigger(o.trigger))
  );
}

function isDuration(ms: unknown): boolean {
  return typeof ms === "number" && Number.isFinite(ms) && ms >= 0;
}

function isOperator(value: unknown): value is OnlineOperator {
  if (typeof value !== "object" || value === null) return false;
  const op = value as Partial<OnlineOperator>;
  return (
    typeof op.id === "string" &&
    (op.name === undefined || typeof op.name === "string") &&
    (op.departments === undefined || Array.isArray(op.departments))
  );
}

function isTrigger(value: unknown): value is Trigger {
  if (typeof value !== "object" || value === null) return false;
  const t = value as { type?: unknown; seconds?: unknown };
  if (t.type === "exitIntent") return true;
  return t.type === "idle" && typeof t.seconds === "number" && Number.isFinite(t.seconds) && t.seconds >= 0;
}
