import { isRecord } from "./is-record.js";

const MAX_SHOWN = 40;

/**
 * Names a value the way an issue message shows it after "got": short, unambiguous, never the whole input.
 *
 * @example
 * describeValue(-3)        // => "-3"
 * describeValue("monday")  // => "\"monday\""
 * describeValue([1, 2])    // => "an array"
 * describeValue(undefined) // => "nothing"
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  return isRecord(value) ? "an object" : `a ${constructorName(value)}`;
}

function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(shown);
}

function constructorName(value: object): string {
  const ctor: unknown = (value as { constructor?: unknown }).constructor;
  return typeof ctor === "function" && ctor.name !== "" ? ctor.name : "object";
}
