// beckon in an Express app: one endpoint, POST /beckon, that the widget calls with JSON (widget-api.ts says what).
// Run: BECKON_COOKIE_SECRET=$(openssl rand -hex 32) npx tsx express.ts
import express from "express";
import { parseInvitations } from "beckon";
import { createBeckon, createMemoryStorage } from "beckon/storage";
import invitations from "./invitations.json" with { type: "json" };
import { cookieSecret, issueVisitorId, readVisitorId } from "./visitor-cookie.js";
import { answerWidget, MAX_BODY_LENGTH } from "./widget-api.js";

const secret = cookieSecret(process.env.BECKON_COOKIE_SECRET);

// Validated and compiled once, at start-up. Memory storage keeps visitors in this process; with several processes,
// share them through Redis or PostgreSQL instead:
//   storage: createRedisStorage({ url: process.env.REDIS_URL })                     (import from "beckon/redis")
//   storage: createPostgresStorage({ connectionString: process.env.DATABASE_URL })  (from "beckon/postgres"; run
//            `await storage.migrate()` once at deploy)
const beckon = createBeckon({ storage: createMemoryStorage(), invitations: parseInvitations(invitations) });

/** The Express app: `app.listen(3000)` serves it. */
export const app = express();
app.disable("x-powered-by");

// Express 5 hands a rejected promise (a storage failure) to the error handler below.
app.post("/beckon", express.json({ limit: MAX_BODY_LENGTH }), async (req, res) => {
  let visitorId = await readVisitorId(req.get("cookie"), secret);
  if (visitorId === null) {
    const issued = await issueVisitorId(secret);
    visitorId = issued.visitorId;
    res.append("Set-Cookie", issued.setCookie);
  }
  const answer = await answerWidget(beckon, visitorId, req.body, req.get("user-agent"));
  res.status(answer.status).json(answer.body);
});

// A body that is not JSON or too long (from express.json), or a storage failure: a JSON answer without details, where
// Express's own error page would show the stack trace outside production.
app.use((error: { status?: unknown }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  const refused = typeof error.status === "number" && error.status >= 400 && error.status < 500;
  if (refused) res.status(400).json({ error: "the body must be a JSON object of at most 16 KiB" });
  else {
    console.error(error);
    res.status(500).json({ error: "internal error" });
  }
});

// Events your own code knows about are logged where they happen, never taken from the widget:
//   app.post("/login", …) → on a failed login: await beckon.logEvent(visitorId, { name: "login_failed" });

if (process.argv[1] === import.meta.filename) app.listen(Number(process.env.PORT ?? 3000));
