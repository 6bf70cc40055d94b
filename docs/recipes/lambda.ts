// beckon in an AWS Lambda function behind API Gateway's HTTP API (or a function URL): payload format 2.0, one route
// POST /beckon that the widget calls with JSON (widget-api.ts says what). Set BECKON_COOKIE_SECRET in the function's
// environment. The two shapes below are the parts of @types/aws-lambda's APIGatewayProxyEventV2 and
// APIGatewayProxyStructuredResultV2 this handler reads and writes; use those types if you have them. Behind a REST
// API (payload 1.0) cookies arrive in `headers.cookie` and leave in `multiValueHeaders["set-cookie"]` instead.
import { parseInvitations } from "beckon";
import { createBeckon, createMemoryStorage } from "beckon/storage";
import invitations from "./invitations.json" with { type: "json" };
import { cookieSecret, issueVisitorId, readVisitorId } from "./visitor-cookie.js";
import { answerWidget, MAX_BODY_LENGTH } from "./widget-api.js";

/** The request, as API Gateway (payload 2.0) passes it. */
export interface HttpApiEvent {
  headers: Record<string, string | undefined>;
  cookies?: string[];
  body?: string;
  isBase64Encoded: boolean;
}

/** The response API Gateway turns into HTTP. */
export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
}

// Module scope: validated and compiled once per cold start, then reused by every invocation of a warm instance.
// Memory storage lives and dies with one instance, and instances come and go: in production share visitors through
//   storage: createRedisStorage({ url: process.env.REDIS_URL })                     (import from "beckon/redis")
//   storage: createPostgresStorage({ connectionString: process.env.DATABASE_URL })  (from "beckon/postgres"; run
//            `await storage.migrate()` once at deploy, not per cold start)
const beckon = createBeckon({ storage: createMemoryStorage(), invitations: parseInvitations(invitations) });
const secret = cookieSecret(process.env.BECKON_COOKIE_SECRET);

/** The Lambda handler. */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  const cookies: string[] = [];
  let visitorId = await readVisitorId((event.cookies ?? []).join("; "), secret);
  if (visitorId === null) {
    const issued = await issueVisitorId(secret);
    visitorId = issued.visitorId;
    cookies.push(issued.setCookie);
  }
  const body = readJson(event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : event.body);
  const answer = await answerWidget(beckon, visitorId, body, event.headers["user-agent"]);
  const headers = { "content-type": "application/json" };
  return { statusCode: answer.status, headers, cookies, body: JSON.stringify(answer.body) };
}

/** The parsed body, or `undefined` for a body that is missing or not JSON (answered with a 400). */
function readJson(text: string | undefined): unknown {
  if (text === undefined || text.length > MAX_BODY_LENGTH) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
