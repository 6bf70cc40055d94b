import { describe, expect, it } from "vitest";
import { invitationFields } from "../../../src/pipeline/invitation-fields.js";
import type { Invitation } from "../../../src/types.js";

describe("invitationFields", () => {
  it("copies the fields an invitation sets and leaves the others undefined", () => {
    const fields = invitationFields({ id: "a", message: "Hi", position: 2, urls: ["/x"] });
    expect(fields.id).toBe("a");
    expect(fields.position).toBe(2);
    expect(fields.urls).toEqual(["/x"]);
    expect(fields.timeOnSite).toBeUndefined();
  });

  it("forgets the fields of the invitation read before", () => {
    invitationFields({ id: "a", message: "Hi", tag: "vip" });
    expect(invitationFields({ id: "b", message: "Hi" }).tag).toBeUndefined();
  });

  it("reads an object without Object.prototype field by field", () => {
    const bare = Object.assign(Object.create(null) as object, { id: "a", message: "Hi", pageviews: 3 }) as Invitation;
    expect(invitationFields(bare).pageviews).toBe(3);
  });

  it("ignores keys that are no field compile reads", () => {
    const fields = invitationFields({ id: "a", message: "Hi", constructor: 1 } as unknown as Invitation);
    expect(Object.keys(fields)).not.toContain("message");
    expect(Object.keys(fields)).not.toContain("constructor");
  });
});
