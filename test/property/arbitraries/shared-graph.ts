import fc from "fast-check";

/**
 * A child of a graph node: a primitive, an earlier node (shared), a fresh array of `wide` numbers, a fresh array
 * holding one earlier node `many` times (the way a large set shares one design), or a value no JSON holds.
 */
export type GraphChild =
  | { leaf: string | number | boolean | null }
  | { ref: number }
  | { wide: number }
  | { many: number; ref: number }
  | { hostile: HostileLeaf };

/** What no JSON holds, for the graphs read through `readPlain`. */
export type HostileLeaf = "date" | "throwing getter" | "class instance";

/** One node of a graph recipe: an array or object whose children name only earlier nodes, so the graph has no cycle. */
export interface GraphNode {
  kind: "array" | "object";
  children: GraphChild[];
}

/** Nodes in order; the last is the root. Built by {@link buildGraph}. */
export type GraphRecipe = GraphNode[];

const leafArb = fc.oneof(fc.constantFrom("x", "", "ab"), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null));

/**
 * Recipes of object graphs that share their parts: each node's children mostly point at the few nodes just before it,
 * so the count as JSON would write it grows exponentially with the nodes (a quarter of the graphs pass 65 536 values,
 * a few pass 2 097 152), while a `wide` child now and then adds real size (for graphs that share a lot and still hold
 * many distinct values). With `hostile`, some leaves are
 * values no JSON holds. With `maxListLength`, no array of the graph holds more items than that.
 *
 * @example
 * fc.sample(graphRecipeArb(), 1)[0] // => [{ kind: "array", children: [{ leaf: 1 }] }, { kind: "object", children: [{ ref: 0 }, { ref: 0 }] }]
 */
export function graphRecipeArb(options: { maxNodes?: number; hostile?: boolean; maxListLength?: number } = {}): fc.Arbitrary<GraphRecipe> {
  const { maxNodes = 32, hostile = false, maxListLength = 12_000 } = options;
  // A node has at most four children, each at most a quarter of the bound.
  const quarter = Math.floor(maxListLength / 4);
  const childArb = fc.oneof(
    { weight: 4, arbitrary: leafArb.map((leaf): GraphChild => ({ leaf })) },
    { weight: 16, arbitrary: fc.constantFrom(0, 0, 1, 2).map((back): GraphChild => ({ ref: -1 - back })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: Math.min(3000, quarter) }).map((wide): GraphChild => ({ wide })) },
    { weight: 1, arbitrary: fc.record({ many: fc.integer({ min: 2, max: Math.min(500, quarter) }), ref: fc.constantFrom(-1, -2) }) },
    ...(hostile ? [{ weight: 2, arbitrary: fc.constantFrom<HostileLeaf>("date", "throwing getter", "class instance").map((h): GraphChild => ({ hostile: h })) }] : []),
  );
  const nodeArb = fc.record({ kind: fc.constantFrom<"array" | "object">("array", "object"), children: fc.array(childArb, { minLength: 1, maxLength: 4, size: "max" }) });
  return fc.array(nodeArb, { minLength: 1, maxLength: maxNodes, size: "max" }).map((nodes) =>
    // A relative reference is made absolute, or a leaf where there is no earlier node.
    nodes.map((node, i) => ({
      kind: node.kind,
      children: node.children.map((child): GraphChild => {
        if (!("ref" in child)) return child;
        if (i + child.ref < 0) return { leaf: 0 };
        return "many" in child ? { many: child.many, ref: i + child.ref } : { ref: i + child.ref };
      }),
    })),
  );
}

class Opaque {
  constructor(readonly n: number) {}
}

function hostileValue(kind: HostileLeaf): unknown {
  if (kind === "date") return new Date(0);
  if (kind === "class instance") return new Opaque(1);
  return Object.defineProperty({}, "boom", {
    enumerable: true,
    get() {
      throw new Error("boom");
    },
  });
}

/** The key of child `i` in an object node. */
export const childKey = (i: number): string => `k${i}`;

/**
 * Builds the graph of a recipe: node `i` is one object, referenced wherever a child names it; `wide` arrays and
 * hostile leaves are made once per child spec, so they are shared when their node is.
 *
 * @example
 * buildGraph([{ kind: "array", children: [{ leaf: 1 }] }, { kind: "array", children: [{ ref: 0 }, { ref: 0 }] }])
 * // => [[1], [1]] whose two items are one array
 */
export function buildGraph(recipe: GraphRecipe): unknown {
  const built: unknown[] = [];
  for (const node of recipe) {
    const values = node.children.map((child) => {
      if ("leaf" in child) return child.leaf;
      if ("many" in child) return Array.from({ length: child.many }, () => built[child.ref]);
      if ("ref" in child) return built[child.ref];
      if ("wide" in child) return Array.from({ length: child.wide }, (_, i) => i % 7);
      return hostileValue(child.hostile);
    });
    built.push(node.kind === "array" ? values : Object.fromEntries(values.map((value, i) => [childKey(i), value])));
  }
  return built.at(-1);
}

/**
 * The values JSON would write for node `root` of a recipe, and the distinct values it holds (the root, then each
 * distinct object's entries once), computed on the recipe alone.
 *
 * @example
 * recipeSize(recipe) // => { values: 7, distinct: 5 } for [[1], [1]] sharing one [1]
 */
export function recipeSize(recipe: GraphRecipe): { values: number; distinct: number } {
  const values: number[] = [];
  for (const node of recipe) {
    let sum = 1;
    for (const child of node.children) {
      if ("many" in child) sum += 1 + child.many * (values[child.ref] as number);
      else if ("ref" in child) sum += values[child.ref] as number;
      else sum += "wide" in child ? 1 + child.wide : 1;
    }
    values.push(sum);
  }
  const reachable = new Set<number>();
  const stack = [recipe.length - 1];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (reachable.has(i)) continue;
    reachable.add(i);
    for (const child of (recipe[i] as GraphNode).children) if ("ref" in child) stack.push(child.ref);
  }
  let distinct = 1;
  for (const i of reachable) {
    for (const child of (recipe[i] as GraphNode).children) {
      distinct += "wide" in child ? 1 + child.wide : "many" in child ? 1 + child.many : 1;
    }
  }
  return { values: values.at(-1) as number, distinct };
}
