import type { CompiledRuleset } from "../compile/compile.js";
import { settleCheckedExpiry } from "../state/settle-expiry.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { ResolvedOptions } from "./resolve-options.js";

/**
 * Brings the visitor's state up to `atMs` before the rules run: a current invitation whose `expiresAt` has passed is
 * treated exactly as the reducers would record it (closed at `expiresAt`, its pause, its session exclusion), so
 * evaluating a stale state and evaluating the settled one always agree.
 *
 * @example
 * settleView(view, ruleset, now, options).current?.closedAt // => view.current.expiresAt, once it has passed
 */
export function settleView(view: VisitorView, ruleset: CompiledRuleset, atMs: number, options: ResolvedOptions): VisitorView {
  const current = view.current;
  if (current === undefined || current.closedAt !== undefined || current.expiresAt === undefined || current.expiresAt > atMs) {
    return view;
  }
  const state = {
    v: 1 as const,
    current,
    ...(view.suppressedUntil === undefined ? {} : { suppressedUntil: view.suppressedUntil }),
    sessionExcluded: [...view.sessionExcluded],
    seenOnce: [...view.seenOnce],
    conversions: [],
  };
  const settled = settleCheckedExpiry(state, ruleset, atMs, { suppressAfterCloseSeconds: options.suppressAfterCloseMs / 1000 });
  return view.withState({
    current: settled.current,
    suppressedUntil: settled.suppressedUntil,
    sessionExcluded: new Set(settled.sessionExcluded),
    seenOnce: new Set(settled.seenOnce),
  });
}
