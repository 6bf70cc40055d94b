import { afterAll, beforeAll, describe } from "vitest";
import "./secret.js";
import { httpSend } from "./http-send.js";
import { itServesTheWidget } from "./journeys.js";
import type { Send } from "./widget-journey.js";

const { app } = await import("../../docs/recipes/fastify.js");

describe("the Fastify recipe", () => {
  let send: Send;
  beforeAll(async () => {
    send = httpSend(await app.listen({ port: 0, host: "127.0.0.1" }));
  });
  afterAll(async () => {
    await app.close();
  });

  itServesTheWidget(() => send);
});
