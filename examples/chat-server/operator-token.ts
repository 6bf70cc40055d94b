import { createHash, timingSafeEqual } from "node:crypto";

/** The shortest operator token the server accepts: anything shorter is guessable. */
export const MIN_OPERATOR_TOKEN_LENGTH = 16;

/**
 * A check of `Authorization: Bearer <token>` against the operator's token, in time that does not depend on where the
 * two differ (both are hashed first, so their lengths do not show either).
 *
 * @throws Error when the token is shorter than {@link MIN_OPERATOR_TOKEN_LENGTH}.
 * @example
 * const isOperator = operatorCheck(process.env.OPERATOR_TOKEN);
 * isOperator("Bearer " + process.env.OPERATOR_TOKEN) // => true
 * isOperator(undefined) // => false
 */
export function operatorCheck(token: string): (authorization: string | undefined) => boolean {
  if (token.length < MIN_OPERATOR_TOKEN_LENGTH) {
    throw new Error(`OPERATOR_TOKEN must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters long.`);
  }
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer (.+)$/.exec(authorization ?? "");
    return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
