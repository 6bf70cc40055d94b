import type { EvaluateOptions } from "../types.js";
import { OPTION_DEFAULTS } from "./option-defaults.js";

/** The evaluation options the state reducers read; pass the same object you give `evaluate`. */
export type StateOptions = Pick<EvaluateOptions, "suppressAfterCloseSeconds" | "suppressAfterChatSeconds">;

/**
 * The pause after a close or expiry, in ms: the invitation's own `cooldownSeconds`, else the global option (its
 * default from {@link OPTION_DEFAULTS}).
 *
 * @example
 * cooldownMs(undefined, {}) // => 86400000
 */
export function cooldownMs(invitationCooldownMs: number | undefined, options: StateOptions | undefined): number {
  if (invitationCooldownMs !== undefined) return invitationCooldownMs;
  const seconds = options?.suppressAfterCloseSeconds;
  return (seconds === undefined ? OPTION_DEFAULTS.suppressAfterCloseSeconds : seconds) * 1000;
}

/**
 * The pause after a chat starts, in ms.
 *
 * @example
 * chatPauseMs({ suppressAfterChatSeconds: 60 }) // => 60000
 */
export function chatPauseMs(options: StateOptions | undefined): number {
  const seconds = options?.suppressAfterChatSeconds;
  return (seconds === undefined ? OPTION_DEFAULTS.suppressAfterChatSeconds : seconds) * 1000;
}
