import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "../../../src/schedule/time-zone.js";

/** The sure test: can the runtime format a date in the zone? */
function formats(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

describe("isValidTimeZone", () => {
  it.each(["Europe/Vilnius", "America/New_York", "UTC", "Etc/UTC", "US/Eastern", "Asia/Kolkata", "Asia/Calcutta", "europe/vilnius", "GMT"])(
    "accepts the zone %j, as the runtime's formatter does",
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
      expect(formats(zone)).toBe(true);
    },
  );

  it.each(["Mars/Olympus", "", "  ", "Europe/", "UTC+2", "Europe/Vilnius "])("refuses %j, as the runtime's formatter does", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
    expect(formats(zone)).toBe(false);
  });

  it("agrees with the formatter on every zone the runtime lists", () => {
    for (const zone of Intl.supportedValuesOf("timeZone")) expect(isValidTimeZone(zone)).toBe(formats(zone));
  });
});
