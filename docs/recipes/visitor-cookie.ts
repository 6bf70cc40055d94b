// The visitor's id lives in a cookie the server issues and signs: a random UUID plus an HMAC of it. A client cannot
// choose an id (a forged or edited cookie fails the signature and gets a fresh id), so no visitor can read or change
// another's state. Web Crypto only, so the same file runs on Node.js 20, Cloudflare Workers, Deno and Vercel's edge.

/** The cookie's name. */
export const VISITOR_COOKIE = "beckon_visitor";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
const SIGNED_ID = /^([0-9a-f-]{36})\.([0-9a-f]{64})$/;

/**
 * The secret the cookies are signed with, from configuration: at least 32 characters, the same on every instance
 * (or every instance refuses the others' cookies and each visitor starts afresh on each of them).
 *
 * @example
 * const secret = cookieSecret(process.env.BECKON_COOKIE_SECRET); // throws when unset or short
 */
export function cookieSecret(value: string | undefined): string {
  if (value === undefined || value.length < 32) {
    throw new Error("BECKON_COOKIE_SECRET must be set to at least 32 random characters (openssl rand -hex 32)");
  }
  return value;
}

/**
 * The visitor id a request's `Cookie` header carries, or `null` when there is none or its signature is wrong.
 *
 * @example
 * await readVisitorId(request.headers.get("cookie"), secret); // => "3b241101-e2bb-4255-8caf-4136c566a962" or null
 */
export async function readVisitorId(cookieHeader: string | null | undefined, secret: string): Promise<string | null> {
  const value = cookieValue(cookieHeader ?? "", VISITOR_COOKIE);
  const match = value === null ? null : SIGNED_ID.exec(value);
  if (match === null) return null;
  const [, id = "", signature = ""] = match;
  const valid = await crypto.subtle.verify("HMAC", await signingKey(secret), fromHex(signature), encode(id));
  return valid ? id : null;
}

/**
 * A new unguessable visitor id and the `Set-Cookie` header value that hands it to the browser.
 *
 * @example
 * const { visitorId, setCookie } = await issueVisitorId(secret);
 * response.headers.append("set-cookie", setCookie);
 */
export async function issueVisitorId(secret: string): Promise<{ visitorId: string; setCookie: string }> {
  const visitorId = crypto.randomUUID();
  const signature = await crypto.subtle.sign("HMAC", await signingKey(secret), encode(visitorId));
  const attributes = `Path=/; Max-Age=${ONE_YEAR_SECONDS}; HttpOnly; Secure; SameSite=Lax`;
  return { visitorId, setCookie: `${VISITOR_COOKIE}=${visitorId}.${toHex(signature)}; ${attributes}` };
}

function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}

function signingKey(secret: string) {
  return crypto.subtle.importKey("raw", encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}
