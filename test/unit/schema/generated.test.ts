import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INVITATION_FIELD_NAMES, INVITATION_FIELDS } from "../../../src/fields.js";
import { invitationsJsonSchema } from "../../../src/schema/index.js";
import { invitationsJsonSchemaText } from "../../../scripts/generate-schema.js";

const root = join(import.meta.dirname, "..", "..", "..");
const committed = readFileSync(join(root, "schema.json"), "utf8");
const invitation = invitationsJsonSchema.$defs.Invitation;
const properties = invitation.properties ?? {};

describe("schema.json", () => {
  // The TypeScript compiler reads src/types.ts: a few seconds on a loaded machine.
  it("is what scripts/generate-schema.ts generates today (run `npm run generate:schema`)", { timeout: 60_000 }, () => {
    expect(invitationsJsonSchemaText()).toBe(committed);
  });

  it("is what beckon/schema exports", () => {
    expect(invitationsJsonSchema).toEqual(JSON.parse(committed));
  });

  it("is a draft 2020-12 schema of a list of invitations", () => {
    expect(invitationsJsonSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(invitationsJsonSchema.$defs.Invitations).toMatchObject({ type: "array", items: { $ref: "#/$defs/Invitation" } });
    expect(invitationsJsonSchema.anyOf[0]).toEqual({ $ref: "#/$defs/Invitations" });
    expect(invitation.additionalProperties).toBe(false);
    expect(invitation.required).toEqual(["id", "message"]);
  });

  it("has a property for every invitation field, in the field table's order, and no other", () => {
    expect(Object.keys(properties)).toEqual(INVITATION_FIELD_NAMES);
  });

  it("describes every invitation field", () => {
    const undescribed = INVITATION_FIELD_NAMES.filter((name) => typeof properties[name]?.description !== "string");
    expect(undescribed).toEqual([]);
  });

  it("gives as default the field table's default wherever it states one", () => {
    const stated = INVITATION_FIELD_NAMES.filter((name) => properties[name]?.default !== undefined);
    expect(stated.length).toBeGreaterThan(15);
    for (const name of stated) expect([name, properties[name]?.default]).toEqual([name, INVITATION_FIELDS[name].default]);
  });

  it("names each definition after the public type it describes, with that type's description", () => {
    expect(invitationsJsonSchema.$defs.Schedule?.description).toBe("When an invitation may be offered (docs/semantics.md: Schedules).");
    expect(invitationsJsonSchema.$defs.Trigger?.description).toBe("A dynamic invitation's client-side trigger.");
  });
});
