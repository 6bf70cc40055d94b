import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import { matchUrl } from "../conditions/match-url.js";
import { normalizePage } from "../conditions/normalize-page.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { Invitation, InvitationState } from "../types.js";
import { closeCurrent, withId } from "./close-current.js";
import { settleExpiry } from "./settle-expiry.js";
import { cooldownMs, type StateOptions } from "./state-options.js";

/** The page the visitor just opened, and the one before it. */
export interface PageView {
  url: string;
  previousUrl?: string;
}

/**
 * Records a page view for the current invitation (docs/api.md: The visitor's life):
 * * an invitation on screen counts one more page view and is hidden — like a close, with its cooldown — on the
 *   page view past its `showLimit`;
 * * a `urlBound` invitation on screen is withdrawn when the visitor navigates to a page its `urls` do not match,
 *   so the next evaluation may offer another one at once;
 * * a closed `urlBound` invitation with `nextOnUrlChange` frees the visitor at once on such a page: its pause ends.
 *
 * A reload (`url` equal to `previousUrl`) is not a navigation. Returns the state as it was when nothing applies.
 *
 * @example
 * recordPageView(state, ruleset, { url: "https://example.com/blog", previousUrl: "https://example.com/pricing" }, now)
 */
export function recordPageView(
  state: InvitationState,
  invitations: Ruleset | readonly Invitation[],
  page: PageView,
  now: number,
  options?: StateOptions,
): InvitationState {
  const ruleset = compiledRuleset(invitations);
  const settled = settleExpiry(state, ruleset, now, options);
  const current = settled.current;
  if (current === undefined) return settled;
  const invitation = ruleset.byId.get(current.invitationId);
  const leftItsPages = navigated(page) && invitation !== undefined && leavesUrls(invitation, page.url);
  if (current.closedAt === undefined) {
    if (leftItsPages && invitation.source.urlBound === true) return withoutCurrent(settled);
    return countView(settled, invitation, now, options);
  }
  if (leftItsPages && invitation.source.urlBound === true && invitation.source.nextOnUrlChange === true) {
    return freeAfterClose(settled, invitation, options);
  }
  return settled;
}

function navigated(page: PageView): boolean {
  return page.previousUrl === undefined || page.previousUrl !== page.url;
}

function leavesUrls(invitation: CompiledInvitation, url: string): boolean {
  return invitation.urls !== null && !matchUrl(invitation.urls, normalizePage(url));
}

function countView(
  state: InvitationState,
  invitation: CompiledInvitation | undefined,
  now: number,
  options: StateOptions | undefined,
): InvitationState {
  const current = state.current;
  if (current === undefined) return state;
  const counted = { ...state, current: { ...current, shownPageviews: current.shownPageviews + 1 } };
  const limit = invitation?.source.showLimit ?? 0;
  if (limit === 0 || counted.current.shownPageviews <= limit) return counted;
  return closeCurrent(counted, invitation, now, "limit", options);
}

function withoutCurrent(state: InvitationState): InvitationState {
  const { current: _withdrawn, ...rest } = state;
  return rest;
}

/** Ends the pause a close started (a longer pause from elsewhere, such as a chat, keeps running). */
function freeAfterClose(
  state: InvitationState,
  invitation: CompiledInvitation,
  options: StateOptions | undefined,
): InvitationState {
  const { current, suppressedUntil, ...rest } = state;
  const closedAt = current?.closedAt ?? Number.NEGATIVE_INFINITY;
  const fromClose = suppressedUntil !== undefined && suppressedUntil <= closedAt + cooldownMs(invitation.cooldownMs, options);
  const excluded = invitation.source.hideForSessionAfterClose ? withId(rest.sessionExcluded, invitation.id) : rest.sessionExcluded;
  return {
    ...rest,
    ...(suppressedUntil === undefined || fromClose ? {} : { suppressedUntil }),
    sessionExcluded: excluded,
  };
}
