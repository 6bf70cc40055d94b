import { describe, expect, it } from "vitest";
import worker, { handle } from "../../docs/recipes/edge.js";
import { requestSend } from "./request-send.js";
import { itServesTheWidget } from "./journeys.js";
import { newVisitorIsInvited } from "./widget-journey.js";

const SECRET = "edge-recipe-under-test-0123456789abcdef";

describe("the edge recipe", () => {
  itServesTheWidget(() => requestSend((request) => handle(request, SECRET)));

  it("is a Cloudflare worker reading the secret from its environment", async () => {
    await newVisitorIsInvited(requestSend((request) => worker.fetch(request, { BECKON_COOKIE_SECRET: SECRET })));
  });

  it("answers 404 off its path and 405 for another method", async () => {
    expect((await handle(new Request("https://shop.example/other", { method: "POST" }), SECRET)).status).toBe(404);
    const get = await handle(new Request("https://shop.example/beckon"), SECRET);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("refuses to run without a secret of 32 characters or more", async () => {
    const request = (): Request => new Request("https://shop.example/beckon", { method: "POST", body: "{}" });
    await expect(handle(request(), undefined)).rejects.toThrow(/BECKON_COOKIE_SECRET/);
    await expect(handle(request(), "short")).rejects.toThrow(/BECKON_COOKIE_SECRET/);
  });
});
