import { describe, expect, it } from "vitest";
import { invitationsPart, safeParseInvitationsFile } from "../../../src/cli/invitations-file.js";
import { safeParseInvitations } from "../../../src/index.js";
import { schemaAccepts } from "../schema/schema-validator.js";

const list = [{ id: "hello", message: "Hello" }];
const SCHEMA = "./node_modules/beckon/schema.json";

describe("an invitations file", () => {
  it("is the list itself, or the list under invitations beside $schema: both parse to the same invitations", () => {
    expect(safeParseInvitationsFile(list)).toEqual(safeParseInvitations(list));
    expect(safeParseInvitationsFile({ $schema: SCHEMA, invitations: list })).toEqual(safeParseInvitations(list));
    expect(safeParseInvitationsFile({ invitations: list })).toEqual(safeParseInvitations(list));
  });

  it("reports problems of the wrapped list at their path in the file", () => {
    const result = safeParseInvitationsFile({ $schema: SCHEMA, invitations: [{ id: "hello", message: "Hi", postion: 1 }] });
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues).toEqual([{ code: "unknown_key", path: ["invitations", 0, "postion"], message: 'unknown key "postion"' }]);
  });

  it("reports a key beside $schema and invitations, and a $schema that is not text, with the list's own problems", () => {
    const result = safeParseInvitationsFile({ $schema: 7, invitations: [{ id: "a" }], extra: true });
    const issues = result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]);
    expect(issues).toEqual([
      ["unknown_key", ["extra"]],
      ["invalid_type", ["$schema"]],
      ["required", ["invitations", 0, "message"]],
    ]);
  });

  it("is any other object as the parser sees it: an object without invitations is not a list", () => {
    expect(invitationsPart({ id: "a" })).toEqual({ list: { id: "a" }, at: [], issues: [] });
    expect(safeParseInvitationsFile({ id: "a" })).toEqual(safeParseInvitations({ id: "a" }));
  });

  it("is what beckon/schema.json accepts: the schema and the reader agree on both forms", () => {
    const cases: unknown[] = [
      list,
      { $schema: SCHEMA, invitations: list },
      { invitations: list },
      { $schema: SCHEMA, invitations: list, extra: 1 },
      { $schema: 7, invitations: list },
      { $schema: SCHEMA },
      { $schema: SCHEMA, invitations: [{ id: "a" }] },
    ];
    for (const file of cases) expect(schemaAccepts(file), JSON.stringify(file)).toBe(safeParseInvitationsFile(file).success);
  });
});
