import type { Random } from "../bench/random.js";
import { HOSTILE_KINDS, IN_PLACE, type HostileKind, type SizeLimits } from "./hostile-values.js";
import { opaqueLabel } from "./opaque.js";

/** One corruption applied: where, what, and whether JSON could have carried it. */
export interface Mutation {
  path: (string | number)[];
  kind: string;
  json: boolean;
}

/** A corrupted copy of a valid input and the recipe that made it (the recipe is half of a finding's reproduction). */
export interface Mutated {
  value: unknown;
  recipe: Mutation[];
}

const TOTAL_WEIGHT = HOSTILE_KINDS.reduce((sum, kind) => sum + kind.weight, 0);

function pickKind(rng: Random): HostileKind {
  let roll = rng.next() * TOTAL_WEIGHT;
  for (const kind of HOSTILE_KINDS) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return HOSTILE_KINDS[0] as HostileKind;
}

/** Own data properties a walk may step into (never an accessor: reading it could run hostile code here). */
function childKeys(node: object): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const key of Object.keys(node)) {
    const descriptor = Object.getOwnPropertyDescriptor(node, key);
    if (descriptor !== undefined && "value" in descriptor) keys.push(Array.isArray(node) ? Number(key) : key);
  }
  return keys;
}

const isWalkable = (value: unknown): value is object =>
  typeof value === "object" && value !== null && opaqueLabel(value) === undefined;

/** A random spot: from the root, step into a random child three times in four, at most 12 levels down. */
function randomPath(root: unknown, rng: Random): { path: (string | number)[]; parent: object | undefined; node: unknown } {
  const path: (string | number)[] = [];
  let parent: object | undefined;
  let node = root;
  while (path.length < 12 && isWalkable(node) && rng.chance(0.75)) {
    const keys = childKeys(node);
    if (keys.length === 0) break;
    const key = rng.pick(keys);
    path.push(key);
    parent = node;
    node = (node as Record<string | number, unknown>)[key];
  }
  return { path, parent, node };
}

/**
 * Corrupts a fresh copy of a valid input in one to three random spots, each with a random kind from the hostile
 * catalogue (wrong types, huge and odd strings, `__proto__` keys, deep nesting, proxies, throwing getters, cycles,
 * promises…). The input itself is never touched. Values are written with `defineProperty`, so a `__proto__` key is
 * an own key as `JSON.parse` would make it, not a prototype change.
 *
 * @example
 * const { value, recipe } = mutate({ id: "v", url: "/a" }, createRandom(1), { maxString: 8192, maxArray: 2048, maxDepth: 1000 });
 * recipe // => e.g. [{ path: ["url"], kind: "long string", json: true }]
 */
export function mutate(input: unknown, rng: Random, limits: SizeLimits, count = rng.int(1, 3)): Mutated {
  let root = structuredClone(input);
  const recipe: Mutation[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(rng);
    const { path, parent, node } = randomPath(root, rng);
    const key = path[path.length - 1];
    let replacement: unknown;
    try {
      replacement = kind.apply({ node, parent, key, root }, rng, limits);
    } catch {
      continue; // e.g. a cycle into a node frozen by an earlier step: nothing was changed.
    }
    if (replacement !== IN_PLACE) {
      if (parent === undefined || key === undefined) root = replacement;
      else if (!Reflect.defineProperty(parent, key, { value: replacement, enumerable: true, writable: true, configurable: true })) continue;
    }
    recipe.push({ path, kind: kind.name, json: kind.json });
  }
  return { value: root, recipe };
}
