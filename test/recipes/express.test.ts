import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe } from "vitest";
import "./secret.js";
import { httpSend } from "./http-send.js";
import { itServesTheWidget } from "./journeys.js";
import type { Send } from "./widget-journey.js";

const { app } = await import("../../docs/recipes/express.js");

describe("the Express recipe", () => {
  let server: Server;
  let send: Send;
  beforeAll(async () => {
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    send = httpSend(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  itServesTheWidget(() => send);
});
