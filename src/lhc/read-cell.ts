import { describeError } from "../config/describe-error.js";
import type { LhcReport, Place } from "./lhc-report.js";
import type { LhcRow } from "./lhc-types.js";

const INTEGER = /^\s*[+-]?\d+\s*$/;

/**
 * Reads the columns of one LHC row as LHC would, reporting every value that is not what its column holds. A missing
 * column (an older LHC without it) reads as the column's default without a word; a value that cannot be read is
 * reported and replaced by the default.
 *
 * @example
 * new RowReader({ id: "7", position: "10" }, place, report).int("position") // => 10
 */
export class RowReader {
  constructor(
    readonly row: LhcRow,
    readonly place: Place,
    readonly report: LhcReport,
  ) {}

  /** The raw value, `undefined` when the column is missing or cannot be read. */
  raw(column: string): unknown {
    try {
      return Object.hasOwn(this.row, column) ? this.row[column] : undefined;
    } catch (error) {
      this.lossy("unreadable_value", column, `could not be read (${describeError(error)}); the column's default is used`);
      return undefined;
    }
  }

  /** An integer column; numbers may arrive as strings (`"10"`) or, for BIGINT, as bigint. */
  int(column: string, fallback = 0): number {
    const value = this.raw(column);
    if (value === undefined || value === null) return fallback;
    const read = readInteger(value);
    if (read !== null) return read;
    this.lossy("invalid_number", column, `${show(value)} is not an integer; ${fallback} is used instead`);
    return fallback;
  }

  /** A text column; a number is read as its text. */
  text(column: string): string {
    const value = this.raw(column);
    if (value === undefined || value === null) return "";
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "bigint") return String(value);
    this.lossy("invalid_text", column, `${show(value)} is not text; "" is used instead`);
    return "";
  }

  /** A 0/1 column: anything but 0 is on, as LHC's SQL reads it. */
  flag(column: string): boolean {
    return this.int(column) !== 0;
  }

  lossy(code: string, column: string | null, message: string): void {
    this.report.add("lossy", code, this.place, column, message);
  }

  difference(code: string, column: string | null, message: string): void {
    this.report.add("difference", code, this.place, column, message);
  }
}

/**
 * An integer from a number, a bigint or an integer string; `null` for anything else.
 *
 * @example
 * readInteger(" 10 ") // => 10
 * readInteger("1.5")  // => null
 */
export function readInteger(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  if (typeof value === "bigint") {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : null;
  }
  if (typeof value === "string" && INTEGER.test(value)) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/**
 * A value as the report shows it: JSON where it can (cut at 80 characters), else its type.
 *
 * @example
 * show({ start: 900 }) // => '{"start":900}'
 */
export function show(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (typeof text === "string") return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    // fall through: a value JSON cannot write (a cycle, a bigint) is named by its type
  }
  return typeof value === "bigint" ? `${value}n` : `a ${typeof value}`;
}

