import { describe, expect, it } from "vitest";
import type { Visitor } from "../../../src/types.js";
import { viewVisitor } from "../../../src/visitor/view-visitor.js";

describe("viewVisitor", () => {
  it("fills the documented defaults for a visitor that only has an id", () => {
    expect(viewVisitor({ id: "v1" })).toMatchObject({
      id: "v1",
      timeOnSite: 0,
      pageviews: 1,
      visits: 1,
      page: null,
      referrerHost: "",
      language: "",
      identifier: "",
      department: undefined,
      device: "desktop",
      chatActive: false,
      current: undefined,
    });
  });

  it("normalises texts, departments, tags, the page and the referrer once", () => {
    const view = viewVisitor({
      id: "v1",
      language: " ENG ",
      identifier: "Example1_COM",
      department: 7,
      tags: ["VIP", " promo "],
      url: "https://Shop.Example.com/pricing/?x=1",
      referrer: "https://www.Google.com/search",
    });
    expect(view).toMatchObject({ language: "eng", identifier: "example1_com", department: "7", referrerHost: "google.com" });
    expect([...(view?.tags ?? [])]).toEqual(["vip", "promo"]);
    expect(view?.page).toEqual({ hostPath: "shop.example.com/pricing", path: "/pricing", host: "shop.example.com" });
  });

  it("indexes events by normalised name, oldest first", () => {
    const view = viewVisitor({ id: "v1", events: [{ name: "Login_Failed", at: 30 }, { name: "login_failed", at: 10 }] });
    expect(view?.events.get("login_failed")).toEqual([10, 30]);
  });

  it("indexes only the events a ruleset looks at, whatever their spelling", () => {
    const events = [
      { name: " LOGIN_failed", at: 30 },
      { name: "download", at: 5 },
      { name: "login_failed", at: 10 },
      { name: "Birthday", at: 1 },
    ];
    const view = viewVisitor({ id: "v1", events }, new Set(["login_failed", "birthday"]));
    expect([...(view?.events ?? [])]).toEqual([
      ["login_failed", [10, 30]],
      ["birthday", [1]],
    ]);
    expect(viewVisitor({ id: "v1", events }, new Set())?.events.size).toBe(0);
  });

  it("treats unusable fields as missing instead of failing", () => {
    const garbage = {
      id: "v1",
      timeOnSite: "long",
      pageviews: -3,
      device: "watch",
      tags: "vip",
      events: [null, { name: 5, at: 1 }, { name: "ok", at: "yesterday" }],
      chat: "yes",
      attributes: [1, 2],
      state: { current: { invitationId: 3 }, sessionExcluded: "a", seenOnce: ["x", 1] },
    } as unknown as Visitor;
    const view = viewVisitor(garbage);
    expect(view).toMatchObject({ timeOnSite: 0, pageviews: 1, device: "desktop", chatActive: false, current: undefined });
    expect(view?.tags.size).toBe(0);
    expect(view?.events.size).toBe(0);
    expect(view?.attributes).toEqual({});
    expect([...(view?.seenOnce ?? [])]).toEqual(["x"]);
  });

  it("returns null for something that is not a visitor", () => {
    expect(viewVisitor(null as unknown as Visitor)).toBeNull();
    expect(viewVisitor({ id: 5 } as unknown as Visitor)).toBeNull();
    expect(viewVisitor("v1" as unknown as Visitor)).toBeNull();
  });
});
