import { describe, expect, it } from "vitest";
import { MAX_VISITOR_STRING_LENGTH } from "../../../src/config/visitor-limits.js";
import { VISITOR_FIELD_NAMES, VISITOR_FIELDS } from "../../../src/fields.js";
import type { Visitor } from "../../../src/types.js";
import { checkSnapshot } from "../../../src/visitor/check-snapshot.js";
import { readSnapshot } from "../../../src/visitor/read-snapshot.js";

const STRING_FIELDS = VISITOR_FIELD_NAMES.filter((field) => VISITOR_FIELDS[field].kind === "string" && field !== "id");

describe("checkSnapshot", () => {
  it.each(STRING_FIELDS)("refuses a %s longer than MAX_VISITOR_STRING_LENGTH", (field) => {
    const at = (length: number): boolean => {
      const visitor = { id: "v1", [field]: "x".repeat(length) } as unknown as Visitor;
      return checkSnapshot("v1", readSnapshot(visitor));
    };
    expect([at(MAX_VISITOR_STRING_LENGTH), at(MAX_VISITOR_STRING_LENGTH + 1)]).toEqual([true, false]);
  });
});
