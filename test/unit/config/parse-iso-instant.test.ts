import { describe, expect, it } from "vitest";
import { parseIsoInstant } from "../../../src/config/parse-iso-instant.js";

describe("parseIsoInstant", () => {
  it.each<[string, number]>([
    ["2026-12-02T18:00:00Z", Date.UTC(2026, 11, 2, 18)],
    ["2026-12-02T20:00:00+02:00", Date.UTC(2026, 11, 2, 18)],
    ["2026-12-02T13:30-04:30", Date.UTC(2026, 11, 2, 18)],
    ["2026-12-02T18:00:00.250Z", Date.UTC(2026, 11, 2, 18, 0, 0, 250)],
    ["2028-02-29T00:00:00Z", Date.UTC(2028, 1, 29)],
    ["2000-02-29T00:00:00Z", Date.UTC(2000, 1, 29)],
    ["9999-12-31T23:59:59.999Z", Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
  ])("reads %s", (text, ms) => {
    expect(parseIsoInstant(text)).toBe(ms);
  });

  it.each([
    "2026-12-02T18:00", // no offset: the local time of whichever machine reads it
    "2026-12-02",
    "Dec 2",
    "1796234400000",
    " 2026-12-02T18:00:00Z",
    "2026-02-30T00:00:00Z", // Date.parse rolls these over
    "2026-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-00-10T00:00:00Z",
    "2026-12-00T00:00:00Z",
    "2026-12-02T24:00:00Z",
    "2026-12-02T23:60:00Z",
    "2026-12-02T23:59:60Z",
    "2026-12-02T18:00:00+24:00",
    "2026-12-02T18:00:00+02:60",
  ])("refuses %j", (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });
});
