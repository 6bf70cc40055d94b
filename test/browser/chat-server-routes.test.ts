// The example chat server's HTTP surface without a browser (fastify's inject): what makes it safe to copy — the
// server-issued visitor id, validated bodies and size limits, the operator's token — and the files it ships with.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createChatServer, type ChatServerOptions } from "../../examples/chat-server/create-chat-server.js";
import { readInvitationFiles } from "../../examples/chat-server/invitation-files.js";
import { storageFromEnvironment } from "../../examples/chat-server/storage-from-environment.js";
import { VISITOR_COOKIE } from "../../examples/chat-server/visitor-cookie.js";
import { lintInvitations, type Invitation } from "../../src/index.js";
import { createMemoryStorage } from "../../src/storage/index.js";
import { OPERATOR_TOKEN, TEST_EVENTS, TEST_INVITATIONS } from "./chat-server-invitations.js";

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function server(extra: Partial<ChatServerOptions> = {}): Promise<FastifyInstance> {
  const app = await createChatServer({
    storage: createMemoryStorage(),
    invitations: TEST_INVITATIONS,
    events: TEST_EVENTS,
    cookieSecret: "a-secret-for-the-route-tests",
    ...extra,
  });
  apps.push(app);
  return app;
}

const PRICING = "http://127.0.0.1/pricing";

/** The visitor cookie a reply set, as `name=value` for the next request. */
function visitorCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === VISITOR_COOKIE);
  if (cookie === undefined) throw new Error("no visitor cookie was set");
  return `${cookie.name}=${cookie.value}`;
}

function poll(app: FastifyInstance, payload: object, cookie?: string) {
  return app.inject({
    method: "POST",
    url: "/beckon/poll",
    payload,
    headers: cookie === undefined ? {} : { cookie },
  });
}

describe("the example chat server's visitor cookie", () => {
  it("issues a random, signed, httpOnly, SameSite=Lax visitor id on the first call", async () => {
    const app = await server();
    const first = await poll(app, { url: PRICING, pageView: true });
    const second = await poll(app, { url: PRICING, pageView: true });
    const [a, b] = [first, second].map((r) => r.cookies.find((c) => c.name === VISITOR_COOKIE));
    expect(a).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(a?.value).toMatch(/^[A-Za-z0-9_-]{24}\.[A-Za-z0-9+/_-]+$/);
    expect(a?.value).not.toBe(b?.value);
  });

  it("keeps the id of a validly signed cookie and sets none", async () => {
    const app = await server();
    const cookie = visitorCookie(await poll(app, { url: PRICING, pageView: true, timeOnSite: 5 }));
    const again = await poll(app, { url: PRICING, timeOnSite: 6 }, cookie);
    expect(again.cookies.find((c) => c.name === VISITOR_COOKIE)).toBeUndefined();
    expect(again.json()).toMatchObject({ status: "current", invitationId: "pricing-help" });
  });

  it("gives a forged or unsigned cookie a new id, so nobody can act for another visitor", async () => {
    const app = await server();
    const victim = visitorCookie(await poll(app, { url: PRICING, pageView: true, timeOnSite: 5 }));
    const victimId = victim.slice(VISITOR_COOKIE.length + 1).split(".")[0] as string;
    for (const forged of [victimId, `${victimId}.AAAA`, `${victimId}.${"A".repeat(43)}`]) {
      const closed = await app.inject({ method: "POST", url: "/beckon/closed", payload: {}, headers: { cookie: `${VISITOR_COOKIE}=${forged}` } });
      expect(closed.json()).toEqual({ ok: false });
      expect(visitorCookie(closed)).not.toBe(victim);
    }
    // The victim's invitation is still on screen: nothing was closed for them.
    expect((await poll(app, { url: PRICING, timeOnSite: 7 }, victim)).json()).toMatchObject({ status: "current" });
  });
});

describe("the example chat server's widget routes", () => {
  it("answers a poll with what the widget needs and nothing else", async () => {
    const app = await server();
    const answer = (await poll(app, { url: PRICING, pageView: true, timeOnSite: 0.5 })).json();
    expect(answer).toEqual({
      status: "none",
      reason: "no_eligible_invitation",
      invitationId: null,
      variationId: null,
      message: null,
      sender: null,
      armed: [{ invitationId: "exit-offer", trigger: { type: "exitIntent" } }],
      recheckAt: answer.at + 1500,
      at: answer.at,
    });
  });

  it("decides at the instant of the clock it is given", async () => {
    const now = Date.UTC(2026, 11, 2, 9);
    const app = await server({ clock: { now: () => now } });
    const answer = (await poll(app, { url: PRICING, pageView: true, timeOnSite: 0.5 })).json();
    expect(answer).toMatchObject({ at: now, recheckAt: now + 1500 });
  });

  it.each([
    ["an unknown key", { url: PRICING, visitorId: "someone-else" }],
    ["a missing url", { pageView: true }],
    ["a number sent as text", { url: PRICING, timeOnSite: "5" }],
    ["a negative time on site", { url: PRICING, timeOnSite: -1 }],
    ["an unknown trigger", { url: PRICING, trigger: { type: "scroll" } }],
    ["an idle trigger without seconds", { url: PRICING, trigger: { type: "idle" } }],
    ["a url past 4 096 characters", { url: `${PRICING}/${"a".repeat(4096)}` }],
  ])("refuses a poll with %s (400)", async (_what, payload) => {
    const app = await server();
    const response = await poll(app, payload);
    expect(response.statusCode).toBe(400);
    expect(response.cookies.find((c) => c.name === VISITOR_COOKIE)).toBeUndefined();
  });

  it("refuses what beckon's own validation refuses (400 with the issues)", async () => {
    const app = await server();
    const blank = await app.inject({ method: "POST", url: "/beckon/event", payload: { name: " " } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ error: "invalid_request", issues: [{ path: ["event", "name"] }] });
  });

  it("refuses a body over 16 KiB before reading it (413)", async () => {
    const app = await server();
    const response = await poll(app, { url: PRICING, referrer: "a".repeat(17 * 1024) });
    expect(response.statusCode).toBe(413);
  });

  it("refuses a body that is not JSON", async () => {
    const app = await server();
    const response = await app.inject({
      method: "POST",
      url: "/beckon/event",
      payload: "name=login_failed",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.statusCode).toBe(415);
  });

  it("logs an event by its definition and ignores names it has none for", async () => {
    const app = await server();
    const first = await app.inject({ method: "POST", url: "/beckon/event", payload: { name: "login_failed" } });
    expect(first.json()).toEqual({ outcome: "appended" });
    const cookie = visitorCookie(first);
    const unknown = await app.inject({ method: "POST", url: "/beckon/event", payload: { name: "purchase" }, headers: { cookie } });
    expect(unknown.json()).toEqual({ outcome: "unknown_event" });
  });
});

describe("the example chat server's operator routes", () => {
  const auth = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const renamed: Invitation[] = [{ id: "everywhere", message: "Hello from the new set." }];

  it("do not exist without an operator token", async () => {
    const app = await server();
    for (const [method, url] of [["GET", "/operator/invitations"], ["PUT", "/operator/invitations"], ["GET", "/operator/stats"]] as const) {
      expect((await app.inject({ method, url, headers: auth })).statusCode).toBe(404);
    }
  });

  it("refuse a missing or wrong token (401)", async () => {
    const app = await server({ operatorToken: OPERATOR_TOKEN });
    for (const headers of [{}, { authorization: "Bearer wrong-token-of-some-length" }, { authorization: OPERATOR_TOKEN }]) {
      const response = await app.inject({ method: "PUT", url: "/operator/invitations", headers, payload: { invitations: renamed, events: [] } });
      expect(response.statusCode).toBe(401);
      expect(response.headers["www-authenticate"]).toContain("Bearer");
    }
    const stored = (await app.inject({ method: "GET", url: "/operator/invitations", headers: auth })).json();
    expect(stored.version).toBe(1);
  });

  it("refuse a token shorter than 16 characters at start", async () => {
    await expect(server({ operatorToken: "short" })).rejects.toThrow(/at least 16 characters/);
  });

  it("show the stored set, replace it with a valid one at once, and count", async () => {
    const app = await server({ operatorToken: OPERATOR_TOKEN });
    const stored = (await app.inject({ method: "GET", url: "/operator/invitations", headers: auth })).json();
    expect(stored).toMatchObject({ version: 1, events: TEST_EVENTS });
    expect(stored.invitations.map((i: Invitation) => i.id)).toEqual(TEST_INVITATIONS.map((i) => i.id));

    const put = await app.inject({ method: "PUT", url: "/operator/invitations", headers: auth, payload: { invitations: renamed, events: [] } });
    expect(put.json()).toEqual({ version: 2 });
    const answer = (await poll(app, { url: "http://127.0.0.1/", pageView: true })).json();
    expect(answer).toMatchObject({ status: "selected", invitationId: "everywhere", message: "Hello from the new set." });
    const stats = (await app.inject({ method: "GET", url: "/operator/stats", headers: auth })).json();
    expect(stats).toEqual([expect.objectContaining({ invitationId: "everywhere", assigned: 1, shown: 0 })]);
  });

  it("refuse an invalid set with every issue and its path, and keep the old one", async () => {
    const app = await server({ operatorToken: OPERATOR_TOKEN });
    const response = await app.inject({
      method: "PUT",
      url: "/operator/invitations",
      headers: auth,
      payload: { invitations: [{ id: "a", message: "hi", postion: 1 }], events: [{ name: "" }] },
    });
    expect(response.statusCode).toBe(400);
    const { issues } = response.json();
    expect(issues.map((issue: { path: unknown[] }) => issue.path)).toEqual([
      ["invitations", 0, "postion"],
      ["events", 0, "name"],
    ]);
    const stored = (await app.inject({ method: "GET", url: "/operator/invitations", headers: auth })).json();
    expect(stored.version).toBe(1);
  });

  it("accept a set past the widget's 16 KiB limit, but not past 1 MiB (413)", async () => {
    const app = await server({ operatorToken: OPERATOR_TOKEN });
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `i${i}`, urls: [`/page-${i}`], message: "x".repeat(500) }));
    const accepted = await app.inject({ method: "PUT", url: "/operator/invitations", headers: auth, payload: { invitations: many, events: [] } });
    expect(accepted.json()).toEqual({ version: 2 });
    const big = [{ id: "big", message: "x".repeat(1024 * 1024) }];
    const response = await app.inject({ method: "PUT", url: "/operator/invitations", headers: auth, payload: { invitations: big, events: [] } });
    expect(response.statusCode).toBe(413);
  });
});

describe("the example chat server's start", () => {
  it("stores its file's set only when the storage holds none", async () => {
    const storage = createMemoryStorage();
    await storage.putInvitationSet({ invitations: [{ id: "kept", message: "Already here." }], definitions: [] });
    const app = await server({ storage });
    expect((await poll(app, { url: PRICING, pageView: true, timeOnSite: 9 })).json()).toMatchObject({ invitationId: "kept" });
  });

  it("serves the pages with a strict content security policy, and the widget", async () => {
    const app = await server();
    for (const url of ["/", "/pricing", "/docs"]) {
      const page = await app.inject({ method: "GET", url });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(page.body).toContain('<script src="/assets/widget.js" data-endpoint="/beckon" defer></script>');
    }
    const widget = await app.inject({ method: "GET", url: "/assets/widget.js" });
    expect(widget.headers["content-type"]).toMatch(/javascript/);
  });

  it("serves the built playground at /playground/, or says how to build it", async () => {
    const missing = await server({ playgroundDir: join(tmpdir(), "no-such-playground-dist") });
    const hint = await missing.inject({ method: "GET", url: "/playground" });
    expect(hint.statusCode).toBe(200);
    expect(hint.body).toContain("npm run build:playground");

    const dist = await mkdtemp(join(tmpdir(), "playground-dist-"));
    try {
      await writeFile(join(dist, "index.html"), "<title>the playground</title>");
      const built = await server({ playgroundDir: dist });
      const redirect = await built.inject({ method: "GET", url: "/playground" });
      expect(redirect.statusCode).toBe(302);
      expect(redirect.headers.location).toBe("/playground/");
      expect((await built.inject({ method: "GET", url: "/playground/" })).body).toBe("<title>the playground</title>");
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });

  it("ships an invitations file and event definitions that validate and lint clean", async () => {
    const { invitations, events } = await readInvitationFiles(
      new URL("../../examples/chat-server/invitations.json", import.meta.url),
      new URL("../../examples/chat-server/events.json", import.meta.url),
    );
    expect(lintInvitations(invitations)).toEqual([]);
    expect(events.map((e) => e.name)).toEqual(["login_failed"]);
    // What the README promises the file shows.
    expect(invitations.some((i) => (i.timeOnSite ?? 0) > 0 && (i.urls ?? []).includes("/pricing"))).toBe(true);
    expect(invitations.some((i) => i.events?.some((e) => e.event === "login_failed" && e.minCount === 3 && e.withinSeconds === 600))).toBe(true);
    expect(invitations.some((i) => i.trigger?.type === "exitIntent")).toBe(true);
    expect(invitations.some((i) => i.trigger?.type === "idle")).toBe(true);
  });

  it("picks its storage from the environment", async () => {
    const memory = await storageFromEnvironment({});
    expect(memory.storage.name).toBe("memory");
    await memory.storage.close();
    await expect(storageFromEnvironment({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://x@127.0.0.1/y" })).rejects.toThrow(
      /not both/,
    );
  });
});
