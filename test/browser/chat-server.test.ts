// A visitor's journey on the example chat server's website, in real headless Chromium, with the real widget: the
// invitation appears after its time on site, is closed and stays away this session; failed logins bring the event
// invitation; idling in the docs and leaving the pricing page fire the dynamic ones; a chat starts. Once per storage
// adapter: memory, Redis and PostgreSQL. Screenshots go to $SCREENSHOT_DIR (default: <tmp>/beckon-screenshots).
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import pg from "pg";
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatServer } from "../../examples/chat-server/create-chat-server.js";
import { createPostgresStorage } from "../../src/postgres/index.js";
import { createRedisStorage } from "../../src/redis/index.js";
import { createMemoryStorage, type StorageAdapter } from "../../src/storage/index.js";
import { deleteKeysUnder } from "../storage/redis-keys-under.js";
import { OPERATOR_TOKEN, TEST_EVENTS, TEST_INVITATIONS } from "./chat-server-invitations.js";
import { launchChromium } from "./chromium.js";
import { waitForPostgres } from "../services.js";

const SCREENSHOTS = process.env["SCREENSHOT_DIR"] ?? join(tmpdir(), "beckon-screenshots");
const REDIS_URL = "redis://127.0.0.1:6379";
const POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";
/** Waits are for events (a response, an element); this only bounds them on a machine shared by many processes. */
const WAIT_MS = 60_000;

/** A storage adapter for one journey, and how to remove what it stored. */
interface Adapter {
  name: string;
  open(): Promise<{ storage: StorageAdapter; cleanUp(): Promise<void> }>;
}

const ADAPTERS: Adapter[] = [
  { name: "memory", open: async () => ({ storage: createMemoryStorage(), cleanUp: async () => {} }) },
  {
    name: "redis",
    async open() {
      const direct = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
      direct.on("error", () => {});
      await direct.connect().catch((error: unknown) => {
        throw new Error(`Redis is not reachable at ${REDIS_URL} (start redis-server; .ci/run does): ${String(error)}`);
      });
      const prefix = `beckon-test:chat-server:${randomUUID()}:`;
      return {
        storage: createRedisStorage({ url: REDIS_URL, prefix }),
        async cleanUp() {
          await deleteKeysUnder(direct, prefix);
          await direct.quit();
        },
      };
    },
  },
  {
    name: "postgres",
    async open() {
      await waitForPostgres(POSTGRES_URL);
      const pool = new pg.Pool({ connectionString: POSTGRES_URL });
      pool.on("error", () => {});
      const namespace = `test-chat-server-${randomUUID()}`;
      const storage = createPostgresStorage({ connectionString: POSTGRES_URL, namespace });
      await storage.migrate();
      return {
        storage,
        async cleanUp() {
          for (const table of ["beckon_visitors", "beckon_counters", "beckon_invitation_sets"]) {
            await pool.query(`DELETE FROM ${table} WHERE namespace = $1`, [namespace]);
          }
          await pool.end();
        },
      };
    },
  },
];

/** One widget poll as the browser saw it: what the widget sent and what the server answered. */
interface Poll {
  sent: { url: string; pageView: boolean; timeOnSite: number; trigger?: { type: string; seconds?: number } };
  answer: {
    status: "selected" | "current" | "none";
    reason: string;
    invitationId: string | null;
    message: string | null;
    sender: string | null;
    armed: { invitationId: string; trigger: { type: string } }[];
    recheckAt: number | null;
    at: number;
  };
}

/** Every poll of a page, in the order the answers arrived, and a way to wait for the next one that matters. */
function recordPolls(page: Page) {
  const polls: Poll[] = [];
  const waiting: { test: (poll: Poll) => boolean; resolve: (poll: Poll) => void }[] = [];
  page.on("response", (response: Response) => {
    if (!response.url().endsWith("/beckon/poll") || !response.ok()) return;
    response.json().then(
      (answer: Poll["answer"]) => {
        const poll: Poll = { sent: response.request().postDataJSON(), answer };
        polls.push(poll);
        for (const waiter of waiting.splice(0)) {
          if (waiter.test(poll)) waiter.resolve(poll);
          else waiting.push(waiter);
        }
      },
      // The page navigated away before its body was read: that page's answers no longer matter.
      () => {},
    );
  });
  return {
    polls,
    /** The first poll from `from` on (an index into `polls`) that passes `test`, recorded already or still to come. */
    next(test: (poll: Poll) => boolean, from = 0): Promise<Poll> {
      const seen = polls.slice(from).find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such poll within ${WAIT_MS} ms; polls: ${JSON.stringify(polls)}`)), WAIT_MS);
        waiting.push({ test, resolve: (poll) => (clearTimeout(timer), resolve(poll)) });
      });
    },
  };
}

/** The response to one widget report (shown, closed, chat-started, event) that `action` causes. */
async function report(page: Page, path: string, action: () => Promise<unknown>): Promise<unknown> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/beckon/${path}`), { timeout: WAIT_MS }),
    action(),
  ]);
  expect(response.ok()).toBe(true);
  return response.json();
}

const BUBBLE = ".beckon-bubble:not([hidden])";

/**
 * Moves the pointer out of the window until the widget fires exit intent. The widget arms the trigger once it has
 * read the poll's answer, which can be a moment after the test has read it; each attempt waits for the request.
 */
async function leaveWindow(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const fired = page.waitForRequest(
      (request) => request.url().endsWith("/beckon/poll") && request.postDataJSON()?.trigger?.type === "exitIntent",
      { timeout: 3_000 },
    );
    await page.mouse.move(400, 300);
    await page.mouse.move(400, -10);
    try {
      await fired;
      return;
    } catch (error) {
      if (attempt === 10) throw new Error(`the widget never fired exit intent: ${String(error)}`);
    }
  }
}

async function bubbleText(page: Page): Promise<{ message: string; sender: string }> {
  await page.waitForSelector(BUBBLE, { timeout: WAIT_MS });
  return {
    message: (await page.textContent(`${BUBBLE} .beckon-message`)) ?? "",
    sender: (await page.textContent(`${BUBBLE} .beckon-sender`)) ?? "",
  };
}

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(ADAPTERS)("the example chat server on $name storage, in Chromium", (adapter) => {
  let app: FastifyInstance;
  let base: string;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    const opened = await adapter.open();
    cleanUp = opened.cleanUp;
    app = await createChatServer({
      storage: opened.storage,
      invitations: TEST_INVITATIONS,
      events: TEST_EVENTS,
      cookieSecret: randomUUID(),
      operatorToken: OPERATOR_TOKEN,
    });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await cleanUp?.();
  });

  it("follows a visitor from arrival to a chat", { timeout: 600_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `widget-${adapter.name}-${name}.png`) });
    const { polls, next } = recordPolls(page);
    const shown = page.waitForResponse((r) => r.url().endsWith("/beckon/shown"), { timeout: WAIT_MS });

    // Arrival on the pricing page: nothing yet, and the server says when to ask again (after 2 s on the site).
    await page.goto(`${base}/pricing`);
    const arrival = await next((p) => p.sent.pageView);
    expect(arrival.answer).toMatchObject({ status: "none", reason: "no_eligible_invitation" });
    expect(arrival.sent.timeOnSite).toBeLessThan(2);
    expect(arrival.answer.recheckAt! - arrival.answer.at).toBeCloseTo((2 - arrival.sent.timeOnSite) * 1000, -1);
    expect(arrival.answer.armed).toEqual([{ invitationId: "exit-offer", trigger: { type: "exitIntent" } }]);

    // The widget asks again at recheckAt and shows the invitation with its sender; the cookie it runs on is the
    // server's, out of reach of the page's scripts.
    expect(await bubbleText(page)).toEqual({ message: "Need help choosing a plan? Rita can walk you through it.", sender: "Rita" });
    const offered = await next((p) => p.answer.status === "selected");
    expect(offered.sent).toMatchObject({ pageView: false });
    expect(offered.sent.timeOnSite).toBeGreaterThanOrEqual(2);
    expect(offered.answer.invitationId).toBe("pricing-help");
    expect(await (await shown).json()).toEqual({ ok: true });
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: "beckon_visitor", httpOnly: true, sameSite: "Lax" });
    expect(await page.evaluate(() => document.cookie)).toBe("");
    await shot("time-on-site");
    await page.locator(".beckon-bubble").screenshot({ path: join(SCREENSHOTS, `widget-${adapter.name}-bubble.png`) });

    // Closed: it stays away this session, on a reload too, also once the pause after closing is over.
    expect(await report(page, "closed", () => page.click(`${BUBBLE} .beckon-close`))).toEqual({ ok: true });
    await page.waitForSelector(".beckon-bubble", { state: "hidden", timeout: WAIT_MS });
    const paused = await next((p) => p.answer.reason === "suppressed");
    const pauseEnds = paused.answer.recheckAt!;
    const reloadedFrom = polls.length;
    await page.reload();
    await next((p) => p.sent.pageView, reloadedFrom);
    const afterPause = await next((p) => p.answer.at >= pauseEnds, reloadedFrom);
    expect(afterPause.answer).toMatchObject({ status: "none", reason: "no_eligible_invitation" });
    expect(await page.isVisible(BUBBLE)).toBe(false);

    // Three failed logins within ten minutes: the event invitation.
    const homeFrom = polls.length;
    await page.goto(`${base}/`);
    await next((p) => p.sent.pageView, homeFrom);
    for (const attempt of [1, 2, 3]) {
      const from = polls.length;
      expect(await report(page, "event", () => page.click("#login-button"))).toEqual({ outcome: "appended" });
      const answer = (await next(() => true, from)).answer;
      expect(answer.invitationId).toBe(attempt < 3 ? null : "login-trouble");
    }
    expect(await bubbleText(page)).toEqual({ message: "Trouble logging in? Tom can reset your password.", sender: "Tom" });
    await shot("event");
    const closedFrom = polls.length;
    await report(page, "closed", () => page.click(`${BUBBLE} .beckon-close`));
    const eventPause = await next((p) => p.answer.reason === "suppressed", closedFrom);
    await next((p) => p.answer.at >= eventPause.answer.recheckAt!, closedFrom);

    // Idle in the docs: the widget waits for the armed idle time without input, then fires the trigger.
    const docsFrom = polls.length;
    await page.goto(`${base}/docs`);
    const idle = await next((p) => p.sent.trigger?.type === "idle", docsFrom);
    expect(idle.sent.trigger?.seconds).toBeGreaterThanOrEqual(2);
    expect(idle.answer).toMatchObject({ status: "selected", invitationId: "docs-idle" });
    expect(await bubbleText(page)).toEqual({ message: "Stuck in the docs? Ask Ann.", sender: "Ann" });
    await shot("idle");
    const idleClosedFrom = polls.length;
    await report(page, "closed", () => page.click(`${BUBBLE} .beckon-close`));
    const idlePause = await next((p) => p.answer.reason === "suppressed", idleClosedFrom);
    await next((p) => p.answer.at >= idlePause.answer.recheckAt!, idleClosedFrom);

    // Exit intent on the pricing page: once the pause is over the widget arms it; the pointer leaving the window
    // fires it, and the dynamic invitation appears.
    const exitFrom = polls.length;
    await page.goto(`${base}/pricing`);
    await next((p) => p.answer.status === "none" && p.answer.armed.some((a) => a.invitationId === "exit-offer"), exitFrom);
    expect(await page.isVisible(BUBBLE)).toBe(false);
    await leaveWindow(page);
    const exit = await next((p) => p.sent.trigger?.type === "exitIntent", exitFrom);
    expect(exit.answer).toMatchObject({ status: "selected", invitationId: "exit-offer" });
    const offer = await bubbleText(page);
    expect(offer).toEqual({ message: "Before you go: 20% off if you start today.", sender: "Rita" });
    expect(await page.innerHTML(`${BUBBLE} .beckon-message`)).toContain("<strong>20% off</strong>");
    await shot("exit-intent");

    // A chat starts from it.
    expect(await report(page, "chat-started", () => page.click(`${BUBBLE} .beckon-start`))).toEqual({ ok: true });
    await page.waitForSelector(".beckon-chat-panel:not([hidden])", { timeout: WAIT_MS });
    expect(await page.textContent(".beckon-chat-panel")).toContain("chatting with Rita");
    await shot("chat");

    // What the widget reported is what the operator's counters say.
    const stats = await (await fetch(`${base}/operator/stats`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json();
    const row = (id: string) => (stats as { invitationId: string }[]).find((r) => r.invitationId === id);
    expect(row("pricing-help")).toMatchObject({ assigned: 1, shown: 1, closed: 1, chatStarted: 0 });
    expect(row("login-trouble")).toMatchObject({ assigned: 1, shown: 1, closed: 1 });
    expect(row("docs-idle")).toMatchObject({ assigned: 1, shown: 1, closed: 1 });
    expect(row("exit-offer")).toMatchObject({ assigned: 1, shown: 1, closed: 0, chatStarted: 1 });
    await context.close();
  });
});
