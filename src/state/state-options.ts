import { checkNumber } from "../config/check-number.js";
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
  return secondsOption(options, "suppressAfterCloseSeconds") * 1000;
}

/**
 * The pause after a chat starts, in ms.
 *
 * @example
 * chatPauseMs({ suppressAfterChatSeconds: 60 }) // => 60000
 */
export function chatPauseMs(options: StateOptions | undefined): number {
  return secondsOption(options, "suppressAfterChatSeconds") * 1000;
}

/**
 * An option in seconds, or its default when absent. Anything but a number is a `ConfigError`: multiplying it would
 * convert it to text first, and an array that shares its parts takes exponentially long to write out.
 */
function secondsOption(options: StateOptions | undefined, key: keyof StateOptions): number {
  const seconds: unknown = options?.[key];
  if (seconds === undefined) return OPTION_DEFAULTS[key];
  checkNumber(seconds, key, "expected seconds as a number", "options");
  return seconds;
}
