import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The cookie that carries the visitor id the server issued. */
export const VISITOR_COOKIE = "beckon_visitor";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
/** What this server issues: 144 random bits, base64url. Anything else in a validly signed cookie is not ours. */
const ISSUED_ID = /^[A-Za-z0-9_-]{24}$/;

/**
 * The visitor's id: the one in the request's signed cookie when its signature holds, else a new random one, set as
 * a signed, httpOnly, SameSite=Lax cookie on the reply. A visitor cannot choose an id (it would not be signed), so
 * they cannot read or change another visitor's state; page scripts cannot read it either (httpOnly).
 *
 * @example
 * const visitorId = visitorIdOf(request, reply); // "Zq3…" (24 characters)
 */
export function visitorIdOf(request: FastifyRequest, reply: FastifyReply): string {
  const cookie = request.cookies[VISITOR_COOKIE];
  if (cookie !== undefined) {
    const { valid, value } = request.unsignCookie(cookie);
    if (valid && value !== null && ISSUED_ID.test(value)) return value;
  }
  const id = randomBytes(18).toString("base64url");
  reply.setCookie(VISITOR_COOKIE, id, {
    signed: true,
    httpOnly: true,
    sameSite: "lax",
    secure: "auto",
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  return id;
}
