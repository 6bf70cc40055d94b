import { describe, expect, it } from "vitest";
import "./secret.js";
import { itServesTheWidget } from "./journeys.js";
import type { Send } from "./widget-journey.js";

const { handler } = await import("../../docs/recipes/lambda.js");

/** An API Gateway HTTP API event (payload format 2.0) for POST /beckon, as AWS sends it. */
function gatewayEvent(body: string, cookie: string | undefined, base64: boolean) {
  return {
    version: "2.0",
    routeKey: "POST /beckon",
    rawPath: "/beckon",
    rawQueryString: "",
    ...(cookie === undefined ? {} : { cookies: cookie.split("; ") }),
    headers: {
      "content-type": "application/json",
      "content-length": String(body.length),
      host: "abc123.execute-api.eu-north-1.amazonaws.com",
      "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
      "x-forwarded-proto": "https",
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-north-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method: "POST", path: "/beckon", protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "Mozilla/5.0" },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: "POST /beckon",
      stage: "$default",
      time: "02/Dec/2026:07:00:00 +0000",
      timeEpoch: 1_795_935_600_000,
    },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  };
}

function lambdaSend(base64: boolean): Send {
  return async (body, cookie) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const result = await handler(gatewayEvent(text, cookie, base64));
    expect(result.headers["content-type"]).toBe("application/json");
    expect(result.cookies?.length ?? 0).toBeLessThanOrEqual(1);
    return { status: result.statusCode, setCookie: result.cookies?.[0] ?? null, json: JSON.parse(result.body) };
  };
}

describe("the Lambda recipe", () => {
  itServesTheWidget(() => lambdaSend(false));

  it("reads a base64-encoded body as API Gateway sends binary payloads", async () => {
    const { newVisitorIsInvited } = await import("./widget-journey.js");
    await newVisitorIsInvited(lambdaSend(true));
  });

  it("refuses a body without one, or longer than 16 KiB", async () => {
    const event = gatewayEvent("", undefined, false);
    delete (event as { body?: string }).body;
    expect((await handler(event)).statusCode).toBe(400);
    const long = JSON.stringify({ type: "shown", padding: "x".repeat(17_000) });
    expect((await handler(gatewayEvent(long, undefined, false))).statusCode).toBe(400);
  });
});
