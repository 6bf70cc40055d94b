import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NONE_REASONS, OFFER_REASONS, REASON_CODES, WARNING_CODES } from "../../src/reason-codes.js";

const root = join(import.meta.dirname, "../..");
const api = readFileSync(join(root, "docs/api.md"), "utf8");
const casesDir = join(root, "test/fixtures/cases");
const cases = readdirSync(casesDir).map((file) => readFileSync(join(casesDir, file), "utf8"));

/** What explain says of a candidate: every reason code that is not a decision's. */
const candidateReasons = REASON_CODES.filter(
  (code) => !([...OFFER_REASONS, ...NONE_REASONS, ...WARNING_CODES] as readonly string[]).includes(code),
);

describe("REASON_CODES", () => {
  it("are each documented in docs/api.md: Reason codes", () => {
    const section = api.slice(api.indexOf("\n## Reason codes\n"), api.indexOf("\n## Issue codes\n"));
    expect(REASON_CODES.filter((code) => !section.includes(`\`${code}\``))).toEqual([]);
  });

  it("each candidate reason is expected of some candidate by a fixture case's explain", () => {
    // Read from the cases' `explain` expectations ({ id: [reasons] }), not searched as text: a code that is also an
    // attribute key or an event name elsewhere in a file must not count.
    const expected = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (typeof value !== "object" || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === "explain" && typeof inner === "object" && inner !== null) {
          for (const reasons of Object.values(inner)) if (Array.isArray(reasons)) for (const r of reasons) expected.add(String(r));
        }
        walk(inner);
      }
    };
    cases.forEach((text) => walk(JSON.parse(text)));
    expect(candidateReasons.filter((code) => !expected.has(code))).toEqual([]);
  });
});
