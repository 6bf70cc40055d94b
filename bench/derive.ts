/**
 * What the hand loop, json-rules-engine and GrowthBook compute from a raw visitor snapshot once per visitor (README
 * "Semantics in detail"): normalised texts, the page as `host/path`, attribute values as text and number, event
 * times by name, and the local minute of the week in a time zone.
 */
import type { AttributeValue, Visitor } from "../src/index.js";
import { normalizePage, type Page } from "./url-matcher.js";

/** A visitor with every value the conditions compare, computed once. */
export interface DerivedVisitor {
  id: string;
  timeOnSite: number;
  pageviews: number;
  language: string;
  identifier: string;
  department: string | undefined;
  tags: string[];
  device: string;
  page: Page | null;
  attributes: Readonly<Record<string, AttributeValue>>;
  /** Event times by lower-cased name, ascending. */
  events: Map<string, number[]>;
}

/** Trimmed, Unicode lower-cased: how every text compares. */
export function normalizeText(value: string): string {
  return value.trim().toLowerCase();
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number, or a string holding a plain decimal literal; anything else (booleans too) is not numeric. */
export function numericValue(value: AttributeValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!DECIMAL.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** The text an attribute value compares as (`true` → `"true"`), or `undefined` when missing or null. */
export function attributeText(value: AttributeValue | undefined): string | undefined {
  return value === undefined || value === null ? undefined : normalizeText(String(value));
}

/** An own, non-null attribute value. */
export function readAttribute(attributes: Readonly<Record<string, AttributeValue>>, key: string): AttributeValue | undefined {
  if (!Object.hasOwn(attributes, key)) return undefined;
  const value = attributes[key];
  return value === null ? undefined : value;
}

/**
 * Derives everything once per visitor.
 *
 * @example
 * deriveVisitor({ id: "v", language: " ENG " }).language // => "eng"
 */
export function deriveVisitor(visitor: Visitor): DerivedVisitor {
  const events = new Map<string, number[]>();
  for (const event of visitor.events ?? []) {
    const name = normalizeText(event.name);
    const list = events.get(name);
    if (list === undefined) events.set(name, [event.at]);
    else list.push(event.at);
  }
  for (const list of events.values()) if (list.length > 1) list.sort((a, b) => a - b);
  return {
    id: visitor.id,
    timeOnSite: visitor.timeOnSite ?? 0,
    pageviews: visitor.pageviews ?? 1,
    language: normalizeText(visitor.language ?? ""),
    identifier: normalizeText(visitor.identifier ?? ""),
    department: visitor.department === undefined ? undefined : normalizeText(String(visitor.department)),
    tags: (visitor.tags ?? []).map(normalizeText),
    device: visitor.device ?? "desktop",
    page: normalizePage(visitor.url),
    attributes: visitor.attributes ?? {},
    events,
  };
}

/** Records of an event with `now − at < withinMs` (all records when `withinMs` is 0). */
export function countEvents(times: readonly number[] | undefined, withinMs: number, now: number): number {
  if (times === undefined) return 0;
  if (withinMs === 0) return times.length;
  let count = 0;
  for (let i = times.length - 1; i >= 0; i--) {
    if (now - (times[i] as number) < withinMs) count++;
    else break;
  }
  return count;
}

const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Minute of the local week (Monday 00:00 = 0) of `now` on the wall clock of `timeZone`.
 *
 * @example
 * minuteOfWeek("UTC", Date.UTC(2026, 2, 23, 9, 30)) // => 570 (a Monday)
 */
export function minuteOfWeek(timeZone: string, now: number): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, format);
  }
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(now)) {
    if (part.type === "weekday") day = WEEKDAY_INDEX[part.value] ?? 0;
    else if (part.type === "hour") hour = Number(part.value);
    else if (part.type === "minute") minute = Number(part.value);
  }
  return day * 1440 + hour * 60 + minute;
}
