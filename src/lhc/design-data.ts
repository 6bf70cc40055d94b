import type { JsonValue } from "../types.js";
import { readInteger, show, type RowReader } from "./read-cell.js";

const COLUMN = "design_data";

/**
 * An invitation's `design_data` (a JSON object in a text column), read key by key as LHC reads it. Every key the
 * import maps onto a beckon field is marked as used; the rest is handed to `design` untouched.
 *
 * @example
 * const data = DesignData.read(reader); // design_data = '{"one_time":1,"message_width":300}'
 * data.on("one_time")  // => true
 * data.rest()          // => { message_width: 300 }
 */
export class DesignData {
  private readonly used = new Set<string>();

  private constructor(
    private readonly data: Record<string, unknown>,
    readonly reader: RowReader,
  ) {}

  /** Decodes the column; malformed JSON, or JSON that is not an object, is reported and read as `{}`. */
  static read(reader: RowReader): DesignData {
    const text = reader.text(COLUMN);
    if (text.trim() === "") return new DesignData({}, reader);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      reader.lossy("malformed_design_data", COLUMN, `is not JSON (${(error as Error).message}); read as {} — every option in it is lost`);
      return new DesignData({}, reader);
    }
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return new DesignData(parsed as Record<string, unknown>, reader);
    }
    // PHP decodes `[]` for an invitation saved without options: the same as {}.
    if (Array.isArray(parsed) && parsed.length === 0) return new DesignData({}, reader);
    reader.lossy("malformed_design_data", COLUMN, `holds ${show(parsed)}, not a JSON object; read as {} — every option in it is lost`);
    return new DesignData({}, reader);
  }

  /** The raw value of a key (marked as used). */
  get(key: string): unknown {
    this.used.add(key);
    return Object.hasOwn(this.data, key) ? this.data[key] : undefined;
  }

  /**
   * A checkbox or option as LHC tests it: on when present and truthy (`1`, `"1"`, `true`, non-empty text but `"0"`).
   * With `keep` the key is not marked as used, so it still goes to `design`.
   */
  on(key: string, keep = false): boolean {
    const value = keep ? (Object.hasOwn(this.data, key) ? this.data[key] : undefined) : this.get(key);
    return value !== undefined && value !== null && value !== false && value !== 0 && value !== "" && value !== "0";
  }

  /** A text option; numbers read as their text, anything else reported and read as `""`. */
  text(key: string): string {
    const value = this.get(key);
    if (value === undefined || value === null) return "";
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return typeof value === "boolean" ? (value ? "1" : "") : String(value);
    this.lossy("invalid_option", key, `${show(value)} is not text; read as ""`);
    return "";
  }

  /** A seconds option that is on only when > 0 after PHP's integer conversion (`"90abc"` → 90); 0 when off. */
  seconds(key: string): number {
    const value = this.get(key);
    if (value === undefined || value === null || value === "" || value === false) return 0;
    const exact = readInteger(value);
    if (exact !== null) return Math.max(exact, 0);
    const prefix = typeof value === "string" ? /^\s*[+-]?\d+/.exec(value) : null;
    const read = prefix === null ? (typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : 0) : Number(prefix[0]);
    this.lossy("invalid_option", key, `${show(value)} is not a whole number of seconds; read as ${Math.max(read, 0)}, as LHC reads it`);
    return Math.max(read, 0);
  }

  /** Whether the key is present at all (not marked as used). */
  has(key: string): boolean {
    return Object.hasOwn(this.data, key);
  }

  /** Every key the import has not used, as JSON for `design`; values JSON cannot hold are reported and left out. */
  rest(): { [key: string]: JsonValue } {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, value] of Object.entries(this.data)) {
      if (this.used.has(key)) continue;
      if (key === "__proto__") {
        this.lossy("invalid_option", key, "a key beckon's design cannot hold (it would not survive a parse unchanged): left out");
        continue;
      }
      out[key] = value as JsonValue;
    }
    return out;
  }

  lossy(code: string, key: string, message: string): void {
    this.reader.lossy(code, `${COLUMN}.${key}`, message);
  }

  difference(code: string, key: string, message: string): void {
    this.reader.difference(code, `${COLUMN}.${key}`, message);
  }
}
