// Builds real fetch `Request` objects for the handlers that take one (edge, Next.js).
import type { Send } from "./widget-journey.js";

/** A `Send` that hands `handle` a POST to https://shop.example/beckon. */
export function requestSend(handle: (request: Request) => Promise<Response>): Send {
  return async (body, cookie) => {
    const headers = new Headers({ "content-type": "application/json", "user-agent": "Mozilla/5.0 (iPhone) Mobile" });
    if (cookie !== undefined) headers.set("cookie", cookie);
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const response = await handle(new Request("https://shop.example/beckon", { method: "POST", headers, body: text }));
    return { status: response.status, setCookie: response.headers.get("set-cookie"), json: await response.json() };
  };
}
