import { describe, expect, it } from "vitest";
import { knownKeysAt } from "../../../src/config/known-keys.js";
import { didYouMean } from "../../../src/cli/did-you-mean.js";
import { formatInstant, parseInstant } from "../../../src/cli/format-instant.js";

describe("didYouMean", () => {
  it("names a known key a few edits away, or one the key starts with", () => {
    expect(didYouMean("postion", knownKeysAt("invitations", [0]))).toBe("position");
    expect(didYouMean("timeonsite", knownKeysAt("invitations", [0]))).toBe("timeOnSite");
    expect(didYouMean("monday", knownKeysAt("invitations", [0, "schedule", "days"]))).toBe("mon");
    expect(didYouMean("storeTimeout", knownKeysAt("event definitions", [0]))).toBe("storeTimeoutSeconds");
  });

  it("says nothing when no key is close", () => {
    expect(didYouMean("colour", knownKeysAt("invitations", [0]))).toBeUndefined();
    expect(didYouMean("x", ["id", "message"])).toBeUndefined();
  });
});

describe("knownKeysAt", () => {
  it("reads the keys from the validating schemas, through arrays, records, optionals and unions", () => {
    expect(knownKeysAt("invitations", [3])).toContain("hideForSessionAfterClose");
    expect(knownKeysAt("invitations", [0, "schedule"]).sort()).toEqual(["days", "from", "timeZone", "to", "type"]);
    expect(knownKeysAt("invitations", [0, "translations", "lt-LT"])).toEqual(["message", "returningMessage", "returningNick", "operatorName"]);
    expect(knownKeysAt("invitations", [0, "attributes", 2]).sort()).toEqual(["key", "op", "value"]);
    expect(knownKeysAt("invitations", [0, "nonsense"])).toEqual([]);
  });
});

describe("formatInstant and parseInstant", () => {
  it("shows an instant on the wall clock of a zone with its offset", () => {
    expect(formatInstant(Date.UTC(2026, 11, 2, 18), "Europe/Vilnius")).toBe("2026-12-02 20:00:00 +02:00 (Europe/Vilnius)");
    expect(formatInstant(Date.UTC(2026, 6, 2, 18), "Europe/Vilnius")).toBe("2026-07-02 21:00:00 +03:00 (Europe/Vilnius)");
    expect(formatInstant(Date.UTC(2026, 11, 2, 18), "UTC")).toBe("2026-12-02 18:00:00 +00:00 (UTC)");
  });

  it("reads ISO 8601 or epoch milliseconds, and nothing else", () => {
    expect(parseInstant("2026-12-02T18:00:00Z")).toBe(Date.UTC(2026, 11, 2, 18));
    expect(parseInstant(String(Date.UTC(2026, 11, 2, 18)))).toBe(Date.UTC(2026, 11, 2, 18));
    expect(parseInstant("tomorrow")).toBeUndefined();
  });
});
