/**
 * The measuring thread of bench/adversarial.ts: for one case, size after size, it compiles the set (a refusal ends
 * the case), times `evaluate` call by call and posts worst and median. The main thread terminates it when one call
 * runs far past the ceiling (a backtracking matcher can take hours), so nothing here has to be interruptible.
 */
import { parentPort } from "node:worker_threads";
import { compile, evaluate, isConfigError } from "../src/index.js";
import { ATTACK_CASES, ATTACK_NOW } from "./adversarial-cases.js";

/** What the main thread asks for. */
export interface MeasureRequest {
  caseIndex: number;
  ceilingMs: number;
  sampleMs: number;
}

/** What the worker answers, per size and at the end. */
export type MeasureReply =
  | { type: "size"; caseIndex: number; size: number; worstUs: number; p99Us: number; medianUs: number; samples: number; over: boolean; answer: string }
  | { type: "refused"; caseIndex: number; size: number; code: string }
  | { type: "done"; caseIndex: number }
  | { type: "ready" };

const post = (reply: MeasureReply): void => parentPort?.postMessage(reply);

function timeCall(call: () => unknown): number {
  const start = performance.now();
  call();
  return performance.now() - start;
}

function measure({ caseIndex, ceilingMs, sampleMs }: MeasureRequest): void {
  const attack = ATTACK_CASES[caseIndex];
  if (attack === undefined) throw new Error(`no case ${caseIndex}`);
  for (const size of attack.sizes) {
    const { invitations, visitor } = attack.build(size);
    let ruleset;
    try {
      ruleset = compile(invitations);
    } catch (error) {
      if (!isConfigError(error)) throw error;
      post({ type: "refused", caseIndex, size, code: error.issues[0]?.code ?? "config_invalid" });
      break;
    }
    const call = () => evaluate(ruleset, visitor, ATTACK_NOW);
    const answer = call().reason ?? "null";
    // The first call (above) builds the winner's content and warms the JIT; a second one tells if it is over the ceiling.
    const first = timeCall(call);
    if (first > ceilingMs) {
      post({ type: "size", caseIndex, size, worstUs: first * 1000, p99Us: first * 1000, medianUs: first * 1000, samples: 1, over: true, answer });
      break;
    }
    const times: number[] = [first];
    const start = performance.now();
    while ((performance.now() - start < sampleMs || times.length < 10) && times.length < 20_000) times.push(timeCall(call));
    times.sort((a, b) => a - b);
    const worst = times[times.length - 1] as number;
    const median = times[times.length >> 1] as number;
    const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] as number;
    // Doubling stops on the median: one call slowed by a garbage collection must not end a case.
    post({ type: "size", caseIndex, size, worstUs: worst * 1000, p99Us: p99 * 1000, medianUs: median * 1000, samples: times.length, over: median > ceilingMs, answer });
    if (median > ceilingMs) break;
  }
  post({ type: "done", caseIndex });
}

parentPort?.on("message", (request: MeasureRequest) => measure(request));
// Loading (tsx compiling src/) takes a while: the main thread starts its clock only once this arrives.
post({ type: "ready" });
