import { describe, expect, it } from "vitest";
import { MAX_READ_PROBLEMS, NO_LIMITS, readPlain } from "../../../src/config/read-plain.js";
import { safeParseVisitor } from "../../../src/index.js";

/** A proxy whose every trap throws, counting how often it was touched. */
function throwingProxy(): { proxy: object; touches: () => number } {
  let touches = 0;
  const trap = (): never => {
    touches++;
    throw new Error("hostile");
  };
  const proxy = new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap });
  return { proxy, touches: () => touches };
}

/** `depth` nested pairs sharing one child: 2^depth paths to `leaf` through `depth + 1` objects. */
function sharedGraph(leaf: unknown, depth: number): unknown {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = [node, node];
  return node;
}

describe("readPlain", () => {
  it("reports a throwing proxy with its path and reads the rest", () => {
    const { proxy } = throwingProxy();
    const read = readPlain({ id: "v", attributes: proxy });
    expect(read.issues).toEqual([{ code: "invalid_value", path: ["attributes"], message: "could not be read: hostile" }]);
    expect(read.value).toEqual({ id: "v", attributes: undefined });
    expect(read.complete).toBe(true);
  });

  it(`stops after ${MAX_READ_PROBLEMS} problems: a throwing proxy shared along 2^18 paths is touched at most that often`, () => {
    const { proxy, touches } = throwingProxy();
    const read = readPlain({ id: "v", tags: sharedGraph(proxy, 18) }, NO_LIMITS);
    expect(read.complete).toBe(false);
    expect(read.issues).toHaveLength(MAX_READ_PROBLEMS + 1);
    expect(read.issues.at(-1)).toMatchObject({ code: "too_big", path: [] });
    expect(touches()).toBeLessThanOrEqual(MAX_READ_PROBLEMS + 1);
  });

  it("keeps safeParseVisitor's answer on such a graph a list of issues, never a throw", () => {
    const { proxy } = throwingProxy();
    const result = safeParseVisitor({ id: "v", attributes: { a: sharedGraph(proxy, 18) } });
    expect(result.success).toBe(false);
  });
});
