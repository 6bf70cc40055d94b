import type { FastifyInstance } from "fastify";
import { detectDevice, type Decision, type Trigger, type Visitor } from "beckon";
import type { Beckon } from "beckon/storage";
import { visitorIdOf } from "./visitor-cookie.js";

/** What the widget reports about the page it runs on. The visitor id is not among it: the cookie carries that. */
interface PollBody {
  url: string;
  pageView?: boolean;
  timeOnSite?: number;
  pageviews?: number;
  referrer?: string;
  locale?: string;
  trigger?: Trigger;
}

interface EventBody {
  name: string;
  value?: string;
}

const text = (maxLength: number) => ({ type: "string", maxLength }) as const;
const nothing = { type: "object", additionalProperties: false, properties: {} } as const;

const pollSchema = {
  type: "object",
  additionalProperties: false,
  required: ["url"],
  properties: {
    url: text(4096),
    pageView: { type: "boolean" },
    timeOnSite: { type: "number", minimum: 0, maximum: 31_536_000 },
    pageviews: { type: "integer", minimum: 1, maximum: 100_000 },
    referrer: text(4096),
    locale: text(64),
    trigger: {
      oneOf: [
        { type: "object", additionalProperties: false, required: ["type"], properties: { type: { const: "exitIntent" } } },
        {
          type: "object",
          additionalProperties: false,
          required: ["type", "seconds"],
          properties: { type: { const: "idle" }, seconds: { type: "number", minimum: 0, maximum: 86_400 } },
        },
      ],
    },
  },
} as const;

const eventSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: { name: { type: "string", minLength: 1, maxLength: 100 }, value: text(200) },
} as const;

/**
 * The widget's routes under `/beckon`: `poll` (decide, with the page view or a trigger that fired), `shown`,
 * `closed`, `chat-started` and `event`. Each one acts for the visitor of the signed cookie only, and every body is
 * checked against its schema (unknown keys refused) before beckon validates the snapshot again.
 *
 * @example
 * app.register(widgetRoutes(beckon), { prefix: "/beckon" });
 */
export function widgetRoutes(beckon: Beckon) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.post<{ Body: PollBody }>("/poll", { schema: { body: pollSchema } }, async (request, reply) => {
      const { pageView = false, trigger, ...page } = request.body;
      const visitor: Visitor = {
        ...page,
        id: visitorIdOf(request, reply),
        device: detectDevice(request.headers["user-agent"] ?? ""),
      };
      const decision = await beckon.check(visitor, { pageView, ...(trigger === undefined ? {} : { options: { trigger } }) });
      return widgetAnswer(decision);
    });
    app.post("/shown", { schema: { body: nothing } }, async (request, reply) => ({
      ok: await beckon.shown(visitorIdOf(request, reply)),
    }));
    app.post("/closed", { schema: { body: nothing } }, async (request, reply) => ({
      ok: await beckon.closed(visitorIdOf(request, reply)),
    }));
    app.post("/chat-started", { schema: { body: nothing } }, async (request, reply) => ({
      ok: await beckon.chatStarted(visitorIdOf(request, reply)),
    }));
    app.post<{ Body: EventBody }>("/event", { schema: { body: eventSchema } }, async (request, reply) => ({
      outcome: await beckon.logEvent(visitorIdOf(request, reply), request.body),
    }));
  };
}

/**
 * The part of a decision the widget needs (README: "What the widget and the server say to each other"). `message` is HTML: the configuration's own markup, with every value
 * substituted from the visitor escaped by beckon. `at` is the server's instant, so the widget waits
 * `recheckAt − at` whatever its own clock says.
 */
function widgetAnswer(decision: Decision) {
  return {
    status: decision.status,
    reason: decision.reason,
    invitationId: decision.invitation?.id ?? null,
    variationId: decision.variationId,
    message: decision.message,
    sender: decision.operator?.name ?? null,
    armed: decision.armed,
    recheckAt: decision.recheckAt,
    at: decision.at,
  };
}
