import type { ConfigError } from "./config-error.js";

/**
 * What the `safeParseX` functions return: the parsed copy, or the error listing every issue. Never thrown.
 *
 * @example
 * const result = safeParseInvitations(json);
 * if (!result.success) console.log(result.error.issues);
 */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: ConfigError };
