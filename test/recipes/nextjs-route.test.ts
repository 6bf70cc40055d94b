import { describe } from "vitest";
import "./secret.js";
import { POST } from "../../docs/recipes/nextjs-route.js";
import { requestSend } from "./request-send.js";
import { itServesTheWidget } from "./journeys.js";

describe("the Next.js route recipe", () => {
  itServesTheWidget(() => requestSend(POST));
});
