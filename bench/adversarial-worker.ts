/**
 * The measuring thread of bench/adversarial.ts: for one case, size after size, it compiles the set (a refusal ends
 * the case), times the case's call (`evaluate` unless it names another) call by call and posts worst and median. The main thread terminates it when one call
 * runs far past the ceiling (a backtracking matcher can take hours), so nothing here has to be interruptible.
 */
import { parentPort } from "node:worker_threads";
import { compile, evaluate, explain, isConfigError, pruneEvents, recordEvent, type Ruleset } from "../src/index.js";
import { createBeckon } from "../src/storage/index.js";
import { ATTACK_CASES, ATTACK_NOW, type AttackCase, type AttackInput } from "./adversarial-cases.js";

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

async function timeCall(call: () => unknown): Promise<number> {
  const start = performance.now();
  const result = call();
  if (result instanceof Promise) await result;
  return performance.now() - start;
}

/** The call a case times, on a compiled set, and what its answer is called in the report. */
function callOf(attack: AttackCase, input: AttackInput, ruleset: Ruleset): { call: () => unknown; answer: (result: unknown) => string } {
  const { visitor, definitions = [], log = [], event = { name: "none" } } = input;
  const reason = (result: unknown): string => String((result as { reason?: string | null }).reason ?? "null");
  switch (attack.call ?? "evaluate") {
    case "evaluate":
      return { call: () => evaluate(ruleset, visitor, ATTACK_NOW), answer: reason };
    case "explain":
      return { call: () => explain(ruleset, visitor, ATTACK_NOW), answer: (result) => reason((result as { decision: unknown }).decision) };
    case "recordEvent":
      return { call: () => recordEvent(log, definitions, event, ATTACK_NOW), answer: (result) => (result as { outcome: string }).outcome };
    case "pruneEvents":
      return { call: () => pruneEvents(log, ruleset, ATTACK_NOW), answer: (result) => `${(result as unknown[]).length} kept` };
    case "service check": {
      // One visitor polling the same page: after the first call nothing changes, so each call is a quiet check.
      const beckon = createBeckon({ invitations: input.invitations, clock: ATTACK_NOW });
      return { call: () => beckon.check(visitor), answer: reason };
    }
    case "service logEvent": {
      // The same value again: refreshed in place, so the stored log keeps one record however often it is logged.
      const beckon = createBeckon({ invitations: input.invitations, events: definitions, clock: ATTACK_NOW });
      return { call: () => beckon.logEvent(visitor.id, event), answer: (result) => String(result) };
    }
  }
}

async function measure({ caseIndex, ceilingMs, sampleMs }: MeasureRequest): Promise<void> {
  const attack = ATTACK_CASES[caseIndex];
  if (attack === undefined) throw new Error(`no case ${caseIndex}`);
  for (const size of attack.sizes) {
    const input = attack.build(size);
    const { invitations } = input;
    let ruleset;
    try {
      ruleset = compile(invitations);
    } catch (error) {
      if (!isConfigError(error)) throw error;
      post({ type: "refused", caseIndex, size, code: error.issues[0]?.code ?? "config_invalid" });
      break;
    }
    const { call, answer: describe } = callOf(attack, input, ruleset);
    const answer = describe(await call());
    // The first call (above) builds the winner's content and warms the JIT; a second one tells if it is over the ceiling.
    const first = await timeCall(call);
    if (first > ceilingMs) {
      post({ type: "size", caseIndex, size, worstUs: first * 1000, p99Us: first * 1000, medianUs: first * 1000, samples: 1, over: true, answer });
      break;
    }
    const times: number[] = [first];
    const start = performance.now();
    while ((performance.now() - start < sampleMs || times.length < 10) && times.length < 20_000) times.push(await timeCall(call));
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

parentPort?.on("message", (request: MeasureRequest) => void measure(request));
// Loading (tsx compiling src/) takes a while: the main thread starts its clock only once this arrives.
post({ type: "ready" });
