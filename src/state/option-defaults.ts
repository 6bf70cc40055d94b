import type { EvaluateOptions } from "../types.js";

/**
 * The default of every evaluation option, declared once (`undefined`: the option has none): `evaluate` resolves its
 * options from it and the state reducers take their pauses from it, so the two can never disagree. It lives with the
 * reducers, the lowest layer that reads options, and evaluation imports it from here. A field of `EvaluateOptions`
 * missing here, or one here that `EvaluateOptions` lacks, fails to compile; `test/unit/state/option-defaults.test.ts`
 * holds each value to the `Default …` its TSDoc line states.
 *
 * @example
 * OPTION_DEFAULTS.suppressAfterCloseSeconds // => 86400
 */
export const OPTION_DEFAULTS = Object.freeze({
  operatorsOnline: undefined,
  requireOperatorOnline: true,
  suppressAfterCloseSeconds: 86_400,
  suppressAfterChatSeconds: 86_400,
  timeZone: "UTC",
  escape: "html",
  defaultOperatorName: "Live Support",
  seed: "",
  trigger: undefined,
} as const satisfies { readonly [K in keyof Required<EvaluateOptions>]: EvaluateOptions[K] | undefined });
