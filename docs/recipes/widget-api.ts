// What every recipe's endpoint does, whatever the framework: read the widget's message, refuse anything malformed,
// and answer it with beckon. The visitor id never comes from the body: the caller passes the one its cookie proved.
import { detectDevice, isConfigError, type Trigger } from "beckon";
import type { Beckon } from "beckon/storage";

/** The longest body a widget message needs, with room to spare: 16 KiB. */
export const MAX_BODY_LENGTH = 16_384;

/** What the widget may send, as JSON, to `POST /beckon`. */
export type WidgetMessage =
  | { type: "check"; url: string; timeOnSite: number; pageView: boolean; referrer?: string; trigger?: Trigger }
  | { type: "shown" | "closed" | "chatStarted" };

const CHECK_FIELDS = ["url", "timeOnSite", "pageView", "referrer", "trigger"] as const;

/** An HTTP answer for the framework to send: a status and a JSON body. */
export interface WidgetAnswer {
  status: number;
  body: unknown;
}

/**
 * Answers one widget message for a visitor: 200 with what to show and when to ask again, or 400 naming the problem.
 *
 * @example
 * await answerWidget(beckon, visitorId, { type: "check", url: "/pricing", timeOnSite: 12, pageView: true }, userAgent);
 * // => { status: 200, body: { invitation: { id: "pricing-help", message: "…", … }, armed: [], recheckAt: null } }
 */
export async function answerWidget(
  beckon: Beckon,
  visitorId: string,
  body: unknown,
  userAgent = "",
): Promise<WidgetAnswer> {
  const message = readWidgetMessage(body);
  if (typeof message === "string") return { status: 400, body: { error: message } };
  try {
    if (message.type !== "check") return { status: 200, body: { ok: await beckon[message.type](visitorId) } };
    const { url, timeOnSite, pageView, referrer = "", trigger } = message;
    const snapshot = { id: visitorId, url, timeOnSite, referrer, device: detectDevice(userAgent) };
    const decision = await beckon.check(snapshot, { pageView, options: trigger === undefined ? {} : { trigger } });
    const { armed, recheckAt } = decision;
    if (decision.status === "none") return { status: 200, body: { invitation: null, armed, recheckAt } };
    const { invitation, variationId, message: text, operator } = decision;
    const shown = { id: invitation.id, variationId, message: text, operator: operator.name };
    return { status: 200, body: { invitation: shown, armed, recheckAt } };
  } catch (error) {
    // beckon checks what reaches it (string lengths, numbers) and names the problem; anything else is a server fault.
    if (isConfigError(error)) return { status: 400, body: { error: error.message } };
    throw error;
  }
}

/**
 * The widget's message read from a parsed JSON body, or a sentence saying what is wrong with it. Only the fields
 * named in `WidgetMessage` are taken: whatever else a client sends (an `id`, a `state`, attributes) is never read.
 *
 * @example
 * readWidgetMessage({ type: "closed" }) // => { type: "closed" }
 * readWidgetMessage({ type: "check" })  // => "url must be a string"
 */
export function readWidgetMessage(body: unknown): WidgetMessage | string {
  if (typeof body !== "object" || body === null) return "the body must be a JSON object";
  const fields = body as Record<string, unknown>;
  const field = (name: string): unknown => (Object.hasOwn(fields, name) ? fields[name] : undefined);
  const type = field("type");
  if (type === "shown" || type === "closed" || type === "chatStarted") return { type };
  if (type !== "check") return 'type must be "check", "shown", "closed" or "chatStarted"';
  const [url, timeOnSite, pageView = false, referrer, trigger] = CHECK_FIELDS.map(field);
  if (typeof url !== "string") return "url must be a string";
  if (typeof timeOnSite !== "number" || !Number.isFinite(timeOnSite) || timeOnSite < 0) {
    return "timeOnSite must be seconds ≥ 0";
  }
  if (typeof pageView !== "boolean") return "pageView must be true or false";
  if (referrer !== undefined && typeof referrer !== "string") return "referrer must be a string";
  const fired = trigger === undefined ? undefined : readTrigger(trigger);
  if (fired === null) return 'trigger must be { "type": "exitIntent" } or { "type": "idle", "seconds": n }';
  const message: WidgetMessage = { type, url, timeOnSite, pageView };
  if (referrer !== undefined) message.referrer = referrer;
  if (fired !== undefined) message.trigger = fired;
  return message;
}

/**
 * A fetch-style request's JSON body, or `undefined` when it is not JSON or longer than 16 KiB (answered with a 400).
 *
 * @example
 * const body = await readJsonBody(request);
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_LENGTH) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readTrigger(value: unknown): Trigger | null {
  if (typeof value !== "object" || value === null) return null;
  const { type, seconds } = value as { type?: unknown; seconds?: unknown };
  if (type === "exitIntent") return { type };
  const wholeSeconds = typeof seconds === "number" && Number.isInteger(seconds) && seconds > 0;
  if (type === "idle" && wholeSeconds) return { type, seconds };
  return null;
}
