import { describe, expect, it } from "vitest";
import { invitationSchema } from "../../../src/config/invitation-schema.js";
import { safeParseInvitations } from "../../../src/config/safe-parse-invitations.js";

/** Invitations made one by one with spreads, as hosts often do: V8 soon gives each object a hidden class of its own. */
function spreadBuilt(count: number, extra: (i: number) => object): object[] {
  return Array.from({ length: count }, (_, i) => ({ ...{ id: `a${i}`, message: "Hi" }, ...extra(i) }));
}

describe("parseWithSchema", () => {
  it("gives the list items' data exactly as the schema gives each, keys in schema order", () => {
    const items = spreadBuilt(60, (i) => (i % 2 === 0 ? { tag: `t${i}`, position: i } : { urls: [`h${i}.example.com/*`] }));
    const result = safeParseInvitations(items);
    if (!result.success) throw result.error;
    expect(JSON.stringify(result.data)).toBe(JSON.stringify(items.map((item) => invitationSchema.parse(item))));
  });

  it("reports the problems of list items built one by one at their paths", () => {
    const items = spreadBuilt(60, (i) => (i === 40 ? { bogus: 1 } : i === 50 ? { position: 1.5 } : {}));
    const result = safeParseInvitations(items);
    if (result.success) throw new Error("expected problems");
    expect(result.error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["unknown_key", [40, "bogus"]],
      ["not_integer", [50, "position"]],
    ]);
  });

  it("still reports an own __proto__ key and reads an object without prototype", () => {
    const bare = Object.assign(Object.create(null) as object, { id: "b", message: "Hi" });
    const keyed = JSON.parse('{"id": "c", "message": "Hi", "__proto__": 1}') as object;
    const result = safeParseInvitations([...spreadBuilt(20, () => ({})), bare, keyed]);
    if (result.success) throw new Error("expected problems");
    expect(result.error.issues.map((issue) => [issue.code, issue.path])).toEqual([["unknown_key", [21, "__proto__"]]]);
    const alone = safeParseInvitations([bare]);
    expect(alone.success && alone.data).toEqual([{ id: "b", message: "Hi" }]);
  });
});
