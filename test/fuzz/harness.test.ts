// The fuzz harness's own walks must stay linear on what the mutator builds: a finding on a shared DAG or a
// 2³²−1-long sparse array has to be reported, not take its worker down (fuzz/README.md, "The mix").
import { describe, expect, it } from "vitest";
import { createRandom } from "../../bench/random.js";
import { HOSTILE_KINDS } from "../../fuzz/hostile-values.js";
import { createProbe } from "../../fuzz/probe.js";
import { renderInput } from "../../fuzz/render-input.js";

/** [[n, n], [n, n]]… `depth` levels: depth + 1 objects, 2^depth paths. */
function dag(depth: number): unknown {
  let node: unknown = "x";
  for (let i = 0; i < depth; i++) node = [node, node];
  return node;
}

const kind = (name: string) => HOSTILE_KINDS.find((k) => k.name === name) as (typeof HOSTILE_KINDS)[number];
const LIMITS = { maxString: 8192, maxArray: 1024, maxDepth: 1000 };

describe("renderInput", () => {
  it("renders a 2^24-path DAG once per object", () => {
    const rendered = renderInput({ tags: dag(24) });
    expect(rendered.length).toBeLessThan(5000);
    expect(rendered).toContain('{"$shared":"/tags/0/0');
  });

  it("marks a cycle with the path of the object it returns to", () => {
    const node: Record<string, unknown> = { a: [1] };
    node.self = node;
    node.b = node.a;
    expect(renderInput(node)).toBe('{"a":[1],"self":{"$cycle":""},"b":{"$shared":"/a"}}');
  });

  it("stops after 5 000 objects", () => {
    const wide = Array.from({ length: 64 }, () => Array.from({ length: 64 }, () => ({ x: { y: 1 } })));
    expect(renderInput(wide)).toContain('{"$more":true}');
  });
});

describe("the sparse array corruption", () => {
  it("drops the step on a 2^32-1-long array instead of allocating it", () => {
    const huge = Object.assign([] as unknown[], { length: 4_294_967_295 });
    expect(() => kind("sparse array").apply({ node: huge, parent: undefined, key: undefined, root: huge }, createRandom(1), LIMITS)).toThrow(RangeError);
  });

  it("keeps holes and accessors without calling them", () => {
    const node: unknown[] = [1];
    Object.defineProperty(node, 1, { get: () => { throw new Error("called"); }, enumerable: true, configurable: true });
    const out = kind("sparse array").apply({ node, parent: undefined, key: undefined, root: node }, createRandom(1), LIMITS) as unknown[];
    expect(out.length).toBeGreaterThan(2);
    expect(Object.getOwnPropertyDescriptor(out, 1)?.get).toBeTypeOf("function");
    expect(2 in out).toBe(false);
  });
});

describe("createProbe", () => {
  it("ticks before a slow call's re-run too", () => {
    let calls = 0;
    const probe = createProbe({ target: "t", seed: 1, index: 0, budgetMs: -1, counters: { calls: 0, tolerated: 0 }, onFinding: () => {}, onCall: () => calls++ });
    probe.run("call", "total", () => 1);
    expect(calls).toBe(2);
  });
});
