// beckon in a Next.js App Router route handler: save as app/beckon/route.ts, and the widget POSTs JSON to /beckon
// (widget-api.ts says what). Only the web-standard Request and Response are used, so no import from "next" is
// needed. Set BECKON_COOKIE_SECRET in the project's environment variables.
import { parseInvitations } from "beckon";
import { createBeckon, createMemoryStorage } from "beckon/storage";
import invitations from "./invitations.json" with { type: "json" };
import { cookieSecret, issueVisitorId, readVisitorId } from "./visitor-cookie.js";
import { answerWidget, readJsonBody } from "./widget-api.js";

// Module scope: validated and compiled once per server instance (a cold start on Vercel), reused by every request.
// Memory storage lives and dies with one instance, and a deployment runs many: in production share visitors through
//   storage: createRedisStorage({ url: process.env.REDIS_URL })                     (import from "beckon/redis")
//   storage: createPostgresStorage({ connectionString: process.env.DATABASE_URL })  (from "beckon/postgres"; run
//            `await storage.migrate()` once at deploy)
// Both need Node.js sockets, so keep this route on the Node.js runtime (the default), not `runtime = "edge"`.
const beckon = createBeckon({ storage: createMemoryStorage(), invitations: parseInvitations(invitations) });

/** POST /beckon: the widget's check and its reports. */
export async function POST(request: Request): Promise<Response> {
  const secret = cookieSecret(process.env.BECKON_COOKIE_SECRET); // read per request: `next build` runs without it
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
