/** A visitor snapshot: what the website knows about one visitor at the moment of evaluation. */
import type { Device } from "./invitation.js";
import type { InvitationState } from "./state.js";

/** A value of a visitor variable. */
export type AttributeValue = string | number | boolean | null;

/** One record of the visitor's event log (docs/semantics.md: Events); `at` in epoch ms. */
export interface VisitorEvent {
  name: string;
  at: number;
  value?: string;
}

/** What the visitor's chat history says. */
export interface ChatHistory {
  active?: boolean;
  lastStartedAt?: number;
  nick?: string;
}

/**
 * A snapshot of one visitor at the moment of evaluation (docs/api.md: Visitor snapshot). Only `id` is required. Every string in it is at
 * most `MAX_VISITOR_STRING_LENGTH` (8 192) UTF-16 code units: `parseVisitor` reports a longer one as `too_big`,
 * `evaluate` answers `invalid_visitor`. A snapshot whose parts cannot be read (a getter or proxy that throws) is
 * `invalid_visitor` too.
 */
export interface Visitor {
  /** Stable visitor id; seeds every deterministic choice (ties, variations, random operator). Required, not blank. */
  id: string;
  /** Seconds spent in the current session. @default 0 */
  timeOnSite?: number;
  /** Page views this session, the current one included. @default 1 */
  pageviews?: number;
  /** Sessions so far; more than 1 is a returning visitor. @default 1 */
  visits?: number;
  /** The current page, with or without scheme. @default "" */
  url?: string;
  /** The page before it, for URL-bound withdrawal. @default "" */
  previousUrl?: string;
  /** The first referrer URL of the session. @default "" */
  referrer?: string;
  /** The site language code the widget runs under (`eng`, `lit`). @default "" */
  language?: string;
  /** The visitor's locale, for translations (`lt-LT`). @default "" */
  locale?: string;
  /** The embed-code identifier. @default "" */
  identifier?: string;
  /** The department the embed code names. @default none */
  department?: string | number;
  /** Tags the website gave the visitor. @default [] */
  tags?: string[];
  /** What the visitor browses with (see `detectDevice`). @default "desktop" */
  device?: Device;
  /** Hidden variables: read by attribute conditions and `{lhc.var.KEY}`. @default {} */
  attributes?: Record<string, AttributeValue>;
  /** Variables the operator sees: read by `{lhc.add.KEY}`. @default {} */
  visibleAttributes?: Record<string, AttributeValue>;
  /** The event log, `at` in epoch ms (see `recordEvent`). @default [] */
  events?: VisitorEvent[];
  /** The visitor's chat history: an active chat, the last one's start, its nick. @default {} */
  chat?: ChatHistory;
  /** Last activity of the previous session, in epoch ms. @default none */
  lastVisitAt?: number;
  /** What the visitor was shown, closed and excluded from (see the reducers). @default an empty state */
  state?: InvitationState;
}
