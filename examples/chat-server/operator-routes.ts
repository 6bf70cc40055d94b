import type { FastifyInstance } from "fastify";
import { safeParseEventDefinitions, safeParseInvitations } from "beckon";
import type { Beckon, StorageAdapter } from "beckon/storage";
import { operatorCheck } from "./operator-token.js";

/** The largest invitation set the operator may upload. */
const MAX_SET_BYTES = 1024 * 1024;

interface SetBody {
  invitations: unknown;
  events: unknown;
}

/**
 * The operator's routes under `/operator`, each behind `Authorization: Bearer <token>`: read the shared invitation
 * set (`GET /invitations`), replace it (`PUT /invitations` with `{ invitations, events }`, validated with every issue
 * and its path; every server picks the new set up within a second) and read the counters (`GET /stats`).
 *
 * @example
 * app.register(operatorRoutes(beckon, storage, process.env.OPERATOR_TOKEN), { prefix: "/operator" });
 */
export function operatorRoutes(beckon: Beckon, storage: StorageAdapter, token: string) {
  const isOperator = operatorCheck(token);
  return async function register(app: FastifyInstance): Promise<void> {
    app.addHook("onRequest", async (request, reply) => {
      if (!isOperator(request.headers.authorization)) {
        return reply.code(401).header("www-authenticate", 'Bearer realm="operator"').send({ error: "unauthorized" });
      }
      return undefined;
    });
    app.get("/invitations", async () => {
      const stored = await storage.getInvitationSet();
      return { version: stored?.version ?? 0, invitations: stored?.value.invitations ?? [], events: stored?.value.definitions ?? [] };
    });
    app.put<{ Body: SetBody }>(
      "/invitations",
      {
        bodyLimit: MAX_SET_BYTES,
        schema: {
          body: {
            type: "object",
            additionalProperties: false,
            required: ["invitations", "events"],
            properties: { invitations: { type: "array" }, events: { type: "array" } },
          },
        },
      },
      async (request, reply) => {
        const invitations = safeParseInvitations(request.body.invitations);
        const events = safeParseEventDefinitions(request.body.events);
        if (!invitations.success || !events.success) {
          const issues = [
            ...(invitations.success ? [] : invitations.error.issues.map((issue) => ({ ...issue, path: ["invitations", ...issue.path] }))),
            ...(events.success ? [] : events.error.issues.map((issue) => ({ ...issue, path: ["events", ...issue.path] }))),
          ];
          return reply.code(400).send({ error: "invalid_invitations", issues });
        }
        return { version: await beckon.setInvitations(invitations.data, events.data) };
      },
    );
    app.get("/stats", async () => beckon.stats());
  };
}
