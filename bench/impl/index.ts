import { beckonCompiled, beckonUncompiled } from "./beckon.js";
import { growthbook } from "./growthbook.js";
import { handLoop } from "../../test/property/oracles/hand-loop.js";
import { jsonRulesEngine } from "./json-rules-engine.js";
import type { Implementation } from "./types.js";

export type { Decide, DecideAsync, Implementation } from "./types.js";

/** Every competitor, the reference (beckon compiled) first. */
export const IMPLEMENTATIONS: readonly Implementation[] = [beckonCompiled, beckonUncompiled, handLoop, growthbook, jsonRulesEngine];
