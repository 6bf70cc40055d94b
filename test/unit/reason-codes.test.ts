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

  it("each candidate reason appears in some fixture case", () => {
    expect(candidateReasons.filter((code) => !cases.some((text) => text.includes(`"${code}"`)))).toEqual([]);
  });
});
