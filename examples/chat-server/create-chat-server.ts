import fastifyCookie from "@fastify/cookie";
import fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { isConfigError, type Clock, type EvaluateOptions, type EventDefinition, type Invitation } from "beckon";
import { createBeckon, isStorageError, type StorageAdapter } from "beckon/storage";
import { operatorRoutes } from "./operator-routes.js";
import { siteRoutes } from "./site-routes.js";
import { widgetRoutes } from "./widget-routes.js";

/** How the example chat server is set up. */
export interface ChatServerOptions {
  /** Where visitors, the shared invitation set and counters live. */
  storage: StorageAdapter;
  /** The set stored when the storage holds none yet; afterwards the operator's `PUT /operator/invitations` rules. */
  invitations: readonly Invitation[];
  /** Event definitions going with `invitations`. */
  events: readonly EventDefinition[];
  /** Signs the visitor cookie. Servers sharing visitors share it; a new secret makes every visitor new. */
  cookieSecret: string;
  /** The operator's bearer token; without it the operator routes do not exist. */
  operatorToken?: string;
  /** Evaluation options for every check. */
  options?: EvaluateOptions;
  /** The service's clock. Default: the system clock. */
  clock?: Clock;
  /** Where the built playground is. Default: examples/playground/dist/. */
  playgroundDir?: string;
  /** fastify's logger. Default: off. */
  logger?: boolean;
}

/** Request bodies above this are refused with 413 before they are parsed (the operator's set has its own limit). */
const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * The example chat server as a fastify instance, not yet listening: the demo website, the widget's routes under
 * `/beckon`, and the operator's under `/operator` when a token is given. The storage is closed with the server.
 *
 * @example
 * const app = await createChatServer({ storage: createMemoryStorage(), invitations, events, cookieSecret });
 * await app.listen({ port: 3000, host: "127.0.0.1" });
 */
export async function createChatServer(setup: ChatServerOptions): Promise<FastifyInstance> {
  const beckon = createBeckon({
    storage: setup.storage,
    ...(setup.options === undefined ? {} : { options: setup.options }),
    ...(setup.clock === undefined ? {} : { clock: setup.clock }),
  });
  if ((await setup.storage.getInvitationSetVersion()) === 0) await beckon.setInvitations(setup.invitations, setup.events);

  const app = fastify({
    logger: setup.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Refuse what the schemas do not allow instead of quietly dropping or converting it.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } },
  });
  app.addHook("onClose", async () => beckon.close());
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isConfigError(error)) return reply.code(400).send({ error: "invalid_request", issues: error.issues });
    if (isStorageError(error)) {
      request.log.error(error);
      return reply.code(503).send({ error: "storage_unavailable" });
    }
    // fastify's own errors keep their status (400 for a body its schema refuses, 413 for one too large).
    const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply.code(status).send({ error: status === 500 ? "internal_error" : error.message });
  });

  await app.register(fastifyCookie, { secret: setup.cookieSecret });
  await app.register(siteRoutes(setup.playgroundDir));
  await app.register(widgetRoutes(beckon), { prefix: "/beckon" });
  if (setup.operatorToken !== undefined) {
    await app.register(operatorRoutes(beckon, setup.storage, setup.operatorToken), { prefix: "/operator" });
  }
  return app;
}
