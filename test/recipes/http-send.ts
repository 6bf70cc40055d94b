// Sends real HTTP requests to a recipe's server with fetch.
import type { Send } from "./widget-journey.js";

/** A `Send` that POSTs to `${origin}/beckon`. */
export function httpSend(origin: string): Send {
  return async (body, cookie) => {
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Mozilla/5.0 (X11)" };
    if (cookie !== undefined) headers.cookie = cookie;
    const response = await fetch(`${origin}/beckon`, {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    // Express answers a body that is not JSON from its own error handler, in HTML.
    const json: unknown = response.headers.get("content-type")?.startsWith("application/json") ? await response.json() : await response.text();
    return { status: response.status, setCookie: response.headers.get("set-cookie"), json };
  };
}
