import { describe, expect, it } from "vitest";
import { compileInvitation, compileInvitations } from "../../../src/compile/compile-invitation.js";
import type { Invitation } from "../../../src/types.js";

describe("compileInvitation", () => {
  it("applies the defaults and normalises texts", () => {
    const compiled = compileInvitation({ id: "a", message: "Hi", language: " ENG ", referrer: "www.Google" });
    expect(compiled).toMatchObject({ position: 0, enabled: true, kind: "standard", language: "eng", referrer: "google" });
    expect(compiled.urls).toBeNull();
    expect(compiled.attributes).toEqual([]);
  });

  it("splits attribute conditions into those time moves and those it does not", () => {
    const compiled = compileInvitation({
      id: "a",
      message: "Hi",
      attributes: [
        { key: "plan", op: "eq", value: "pro" },
        { key: "signupAt", op: "gt", value: { now: -60 } },
      ],
    });
    expect(compiled.attributes.map((a) => a.key)).toEqual(["plan"]);
    expect(compiled.movingAttributes.map((a) => a.key)).toEqual(["signupAt"]);
  });

  it("builds the content on first use, once", () => {
    const compiled = compileInvitation({ id: "a", message: "Hi {nick}", variations: [{ id: "b", message: "Yo" }] });
    const rendering = compiled.rendering;
    expect(rendering.pool.map((entry) => entry.id)).toEqual(["a", "b"]);
    expect(compiled.rendering).toBe(rendering);
  });

  it("reads fields through getters of an invitation that is not a plain object", () => {
    class Configured {
      readonly id = "a";
      readonly message = "Hi";
      get position(): number {
        return 4;
      }
      get urls(): string[] {
        return ["/pricing"];
      }
    }
    const compiled = compileInvitation(new Configured() as Invitation);
    expect(compiled.position).toBe(4);
    expect(compiled.urls?.segments).toEqual(["pricing"]);
  });

  it("reads an invitation without Object.prototype field by field", () => {
    const bare = Object.assign(Object.create(null) as object, { id: "a", message: "Hi", pageviews: 3 }) as Invitation;
    expect(compileInvitation(bare)).toMatchObject({ id: "a", pageviews: 3, timeOnSite: 0 });
  });

  it("ignores keys that are no field it compiles, and fields set to undefined", () => {
    const odd = { id: "a", message: "Hi", constructor: 1, toString: 2, position: undefined } as unknown as Invitation;
    expect(compileInvitation(odd)).toMatchObject({ id: "a", position: 0 });
  });
});

describe("compileInvitations", () => {
  it("compiles every invitation in order and shares equal pieces between them", () => {
    const [a, b] = compileInvitations([
      { id: "a", message: "A", urls: ["/x"], departments: [1] },
      { id: "b", message: "B", urls: ["/x"], departments: ["1"] },
    ]);
    expect([a?.id, b?.id]).toEqual(["a", "b"]);
    expect(a?.urls).toBe(b?.urls);
    expect(a?.departments).toBe(b?.departments);
  });
});
