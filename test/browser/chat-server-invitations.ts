// The browser tests' invitation set: the example's kinds of invitation with small times, so a journey takes
// seconds. The widget and the server are the real ones; only the configuration is quicker.
import type { EventDefinition, Invitation } from "../../src/index.js";

export const TEST_INVITATIONS: Invitation[] = [
  {
    id: "login-trouble",
    position: 0,
    events: [{ event: "login_failed", minCount: 3, withinSeconds: 600 }],
    hideForSessionAfterClose: true,
    cooldownSeconds: 1,
    message: "Trouble logging in? {operator} can reset your password.",
    operator: { name: "Tom" },
  },
  {
    id: "pricing-help",
    position: 1,
    timeOnSite: 2,
    urls: ["/pricing"],
    urlBound: true,
    hideForSessionAfterClose: true,
    cooldownSeconds: 1,
    message: "Need help choosing a plan? {operator} can walk you through it.",
    operator: { name: "Rita" },
  },
  {
    id: "exit-offer",
    kind: "dynamic",
    trigger: { type: "exitIntent" },
    urls: ["/pricing"],
    hideForSessionAfterClose: true,
    cooldownSeconds: 1,
    message: "Before you go: <strong>20% off</strong> if you start today.",
    operator: { name: "Rita" },
  },
  {
    id: "docs-idle",
    kind: "dynamic",
    trigger: { type: "idle", seconds: 2 },
    urls: ["/docs"],
    hideForSessionAfterClose: true,
    cooldownSeconds: 1,
    message: "Stuck in the docs? Ask {operator}.",
    operator: { name: "Ann" },
  },
];

/** A short store timeout: clicks a few milliseconds apart still count as separate failures. */
export const TEST_EVENTS: EventDefinition[] = [{ name: "login_failed", storeTimeoutSeconds: 0.005 }];

export const OPERATOR_TOKEN = "operator-token-for-the-tests";
