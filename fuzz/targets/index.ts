import type { Target } from "../target.js";
import { evaluateTarget } from "./evaluate.js";
import { parseEventDefinitionsTarget } from "./parse-event-definitions.js";
import { parseInvitationsTarget } from "./parse-invitations.js";
import { parseStateTarget } from "./parse-state.js";
import { parseVisitorTarget } from "./parse-visitor.js";
import { reducersTarget } from "./reducers.js";
import { serviceTarget } from "./service.js";

/** Every fuzz target, in the order the summary lists them. `--only` takes these names. */
export const TARGETS: readonly Target<never, never>[] = [
  parseInvitationsTarget,
  parseVisitorTarget,
  parseStateTarget,
  parseEventDefinitionsTarget,
  evaluateTarget,
  reducersTarget,
  serviceTarget,
] as unknown as readonly Target<never, never>[];
