/** What one evaluation is told about the world besides the visitor: the clock and the options. */
import type { Trigger } from "./invitation.js";

/** An operator who is online right now. `name` is beckon's addition: the sender name shown for a random pick. */
export interface OnlineOperator {
  id: string;
  name?: string;
  departments?: (string | number)[];
}

/** World facts and switches for one evaluation (docs/api.md: Visitor snapshot, the fourth argument). */
export interface EvaluateOptions {
  /** Operators online right now; absent = presence unknown and not checked. */
  operatorsOnline?: readonly OnlineOperator[];
  /** With `operatorsOnline` given: no invitation when nobody in it serves the visitor. Default `true`. */
  requireOperatorOnline?: boolean;
  /** Global pause after an invitation is closed or expires, in seconds. Default 86 400. */
  suppressAfterCloseSeconds?: number;
  /** Pause after the visitor's last chat started, in seconds. Default 86 400. */
  suppressAfterChatSeconds?: number;
  /** IANA time zone for schedules that name none. Default `"UTC"`. */
  timeZone?: string;
  /** How visitor values are escaped in messages. Default `"html"`. */
  escape?: "html" | "none";
  /** Sender name when an invitation names none. Default `"Live Support"`. */
  defaultOperatorName?: string;
  /** Mixed into every deterministic choice (ties, variations, random operator). Default `""`. */
  seed?: string;
  /** A dynamic trigger that just fired in the widget (docs/semantics.md: Kinds). */
  trigger?: Trigger;
}

/** The instant of evaluation: epoch ms, a `Date`, or anything with `now()`. Read exactly once per call. */
export type Clock = number | Date | { now(): number | Date };
