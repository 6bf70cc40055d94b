// beckon in a Fastify app: one endpoint, POST /beckon, that the widget calls with JSON (widget-api.ts says what).
// The visitor id is a cookie signed by @fastify/cookie.
// Run: BECKON_COOKIE_SECRET=$(openssl rand -hex 32) npx tsx fastify.ts
import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import Fastify from "fastify";
import { parseInvitations } from "beckon";
import { createBeckon, createMemoryStorage } from "beckon/storage";
import invitations from "./invitations.json" with { type: "json" };
import { cookieSecret, VISITOR_COOKIE } from "./visitor-cookie.js";
import { answerWidget, MAX_BODY_LENGTH } from "./widget-api.js";

// Validated and compiled once, at start-up. Memory storage keeps visitors in this process; with several processes,
// share them through Redis or PostgreSQL instead:
//   storage: createRedisStorage({ url: process.env.REDIS_URL })                     (import from "beckon/redis")
//   storage: createPostgresStorage({ connectionString: process.env.DATABASE_URL })  (from "beckon/postgres"; run
//            `await storage.migrate()` once at deploy)
const beckon = createBeckon({ storage: createMemoryStorage(), invitations: parseInvitations(invitations) });

/** The Fastify app: `await app.listen({ port: 3000 })` serves it. */
export const app = Fastify({ bodyLimit: MAX_BODY_LENGTH });
await app.register(cookie, { secret: cookieSecret(process.env.BECKON_COOKIE_SECRET) });
app.addHook("onClose", () => beckon.close());

app.post("/beckon", async (request, reply) => {
  const signed = request.cookies[VISITOR_COOKIE];
  const unsigned = signed === undefined ? null : request.unsignCookie(signed);
  let visitorId = unsigned?.valid === true ? unsigned.value : null;
  if (visitorId === null) {
    visitorId = randomUUID(); // unguessable; the signature stops a client from choosing one
    const maxAge = 365 * 24 * 60 * 60;
    const flags = { httpOnly: true, secure: true, sameSite: "lax" } as const;
    reply.setCookie(VISITOR_COOKIE, visitorId, { signed: true, path: "/", maxAge, ...flags });
  }
  const answer = await answerWidget(beckon, visitorId, request.body, request.headers["user-agent"]);
  return reply.code(answer.status).send(answer.body); // a storage failure rejects: Fastify answers 500
});

// Events your own code knows about are logged where they happen, never taken from the widget:
//   on a failed login: await beckon.logEvent(visitorId, { name: "login_failed" });

if (process.argv[1] === import.meta.filename) await app.listen({ port: Number(process.env.PORT ?? 3000) });
