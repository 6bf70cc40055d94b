// beckon in a fetch-style handler, Request → Response: Cloudflare Workers, Deno, Bun, Vercel's edge runtime. The
// widget POSTs JSON to /beckon (widget-api.ts says what); the cookie secret comes from the platform's settings.
import { parseInvitations } from "beckon";
import { createBeckon, createMemoryStorage } from "beckon/storage";
import invitations from "./invitations.json" with { type: "json" };
import { cookieSecret, issueVisitorId, readVisitorId } from "./visitor-cookie.js";
import { answerWidget, readJsonBody } from "./widget-api.js";

// Module scope: validated and compiled once per isolate (a cold start), reused by every request it serves. Memory
// storage lives and dies with one isolate, and a platform runs many: in production share visitors through Redis
//   storage: createRedisStorage({ url: REDIS_URL })   (import from "beckon/redis"; it needs a TCP socket: Node.js
//            compatibility on Workers, or Deno). PostgreSQL likewise: createPostgresStorage from "beckon/postgres".
const beckon = createBeckon({ storage: createMemoryStorage(), invitations: parseInvitations(invitations) });

/**
 * Answers one request: POST /beckon with the widget's JSON, 404 for any other path, 405 for another method.
 *
 * @example
 * Deno.serve((request) => handle(request, Deno.env.get("BECKON_COOKIE_SECRET")));
 */
export async function handle(request: Request, secretSetting: string | undefined): Promise<Response> {
  if (new URL(request.url).pathname !== "/beckon") return new Response("not found", { status: 404 });
  if (request.method !== "POST") return new Response("use POST", { status: 405, headers: { allow: "POST" } });
  const secret = cookieSecret(secretSetting);
  const headers = new Headers({ "content-type": "application/json" });
  let visitorId = await readVisitorId(request.headers.get("cookie"), secret);
  if (visitorId === null) {
    const issued = await issueVisitorId(secret);
    visitorId = issued.visitorId;
    headers.append("set-cookie", issued.setCookie);
  }
  const body = await readJsonBody(request);
  const answer = await answerWidget(beckon, visitorId, body, request.headers.get("user-agent") ?? "");
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

/** Cloudflare Workers: `wrangler secret put BECKON_COOKIE_SECRET`, and this is the worker. */
export default {
  fetch(request: Request, env: { BECKON_COOKIE_SECRET?: string }): Promise<Response> {
    return handle(request, env.BECKON_COOKIE_SECRET);
  },
};
