import { describe, expect, it } from "vitest";
import type { Visitor } from "../../../src/types.js";
import { viewVisitor } from "../../../src/visitor/view-visitor.js";
import { evaluate } from "../../../src/index.js";

/** `target` with `key` a getter answering `answers` in turn, one per read, from the first again after the last. */
function answering<T extends object>(target: T, key: string, answers: readonly unknown[]): T {
  let reads = 0;
  Object.defineProperty(target, key, { enumerable: true, get: () => answers[reads++ % answers.length] });
  return target;
}

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

  it("keeps a chat nick it read as text, whatever the getter answers next", () => {
    // Fuzz seed 1572608773, evaluate:92797: the nick was read once to check its type and again to keep it, so a getter
    // answering a number, then a text, then a number again left a number as the nick, and rendering `{nick}` broke
    // evaluation (evaluation_error).
    const chat = answering({}, "nick", [42, "Rita"]);
    const view = viewVisitor({ id: "v1", chat });
    expect(view?.nick).toBe("Rita");
    const flaky = answering({}, "nick", [42, "Rita"]);
    const decision = evaluate([{ id: "hi", message: "Hi {nick}" }], { id: "v1", chat: flaky }, 0);
    expect(decision.reason).toBe("lowest_position");
    expect(decision.message).toBe("Hi Rita");
  });

  it("keeps the current invitation's ids as it read them, whatever the getters answer next", () => {
    const current = answering({ assignedAt: 5, shownPageviews: 1 }, "invitationId", [7, "hello", 7]);
    answering(current, "variationId", [null, "v2"]);
    const view = viewVisitor({ id: "v1", state: { v: 1, current } } as unknown as Visitor);
    expect(view?.current).toEqual({ invitationId: "hello", variationId: "v2", assignedAt: 5, shownPageviews: 1 });
  });

  it("returns null for something that is not a visitor", () => {
    expect(viewVisitor(null as unknown as Visitor)).toBeNull();
    expect(viewVisitor({ id: 5 } as unknown as Visitor)).toBeNull();
    expect(viewVisitor("v1" as unknown as Visitor)).toBeNull();
  });
});
