// Hostile JavaScript values: shapes no JSON can carry, planted at chosen paths inside otherwise ordinary input.
import fc from "fast-check";
import { VISITOR_FIELD_NAMES } from "../../../src/fields.js";

export type Path = readonly (string | number)[];

/** What is planted: each kind is one way a host's value can refuse to be read or fail to be data. */
export type HostileKind = "getter" | "revoked" | "throwingProxy" | "promise" | "instance" | "cycle";

/** Kinds whose every read throws: a value holding one cannot be read at all at that path. */
export const THROWING_KINDS: readonly HostileKind[] = ["getter", "revoked", "throwingProxy"];

export const hostileKindArb: fc.Arbitrary<HostileKind> = fc.constantFrom(
  "getter",
  "revoked",
  "throwingProxy",
  "promise",
  "instance",
  "cycle",
);

class Snapshot {
  readonly kept = "a class instance is not plain data";
}

/** A proxy whose every trap throws. */
function throwingProxy(target: object): object {
  const fail = (): never => {
    throw new Error("trap refused");
  };
  return new Proxy(target, {
    get: fail,
    has: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail,
    set: fail,
    defineProperty: fail,
    deleteProperty: fail,
  });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Keys whose value is a list: a proxy planted there stands in for an array, as the real value would be one. */
const LIST_KEYS = new Set(["tags", "events", "sessionExcluded", "seenOnce", "conversions", "operatorsOnline", "departments"]);

/** The value of a kind that replaces whatever sat at a path (`root` for cycles; the getter kind is made elsewhere). */
function replacement(kind: HostileKind, old: unknown, root: object, key: string | number | undefined): unknown {
  switch (kind) {
    case "revoked":
      return revokedProxy();
    case "throwingProxy":
      if (typeof old === "object" && old !== null) return throwingProxy(old);
      return throwingProxy(typeof key === "string" && LIST_KEYS.has(key) ? [] : {});
    case "promise":
      return Promise.resolve(old);
    case "instance":
      return new Snapshot();
    case "cycle":
      return root;
    case "getter":
      return old;
  }
}

/**
 * A deep copy of `value` with a hostile `kind` planted at `path`; missing containers on the way are created (an array
 * for a numeric key). A `getter` makes reading the last key throw; an empty path replaces the root itself (a getter
 * there becomes a proxy whose reads throw, the root having no parent to hold one).
 */
export function plant(value: unknown, path: Path, kind: HostileKind): unknown {
  const root: unknown = structuredClone(value);
  if (path.length === 0) return kind === "getter" || kind === "cycle" ? throwingProxy({}) : replacement(kind, root, {}, undefined);
  let parent = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string | number;
    const next = parent[key];
    if (typeof next !== "object" || next === null) parent[key] = typeof path[i + 1] === "number" ? [] : {};
    parent = parent[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof last === "number" && parent.length < last) parent.length = last;
  if (kind === "getter") {
    Object.defineProperty(parent, last, {
      enumerable: true,
      configurable: true,
      get() {
        throw new Error("getter refused");
      },
    });
  } else {
    parent[last] = replacement(kind, parent[last], root as object, last);
  }
  return root;
}

/**
 * Every path a visitor snapshot is read at by `evaluate`, whatever the invitations: the snapshot's fields, the
 * entries of its attribute objects, tags, event records and their fields, the chat fields, and the state parts
 * evaluation uses (`state.conversions` is not one of them).
 */
export const VISITOR_READ_PATHS: readonly Path[] = [
  [],
  ...VISITOR_FIELD_NAMES.map((key) => [key]),
  ["attributes", "plan"],
  ["visibleAttributes", "city"],
  ["tags", 0],
  ["events", 0],
  ["events", 0, "name"],
  ["events", 0, "at"],
  ["events", 0, "value"],
  ["chat", "active"],
  ["chat", "lastStartedAt"],
  ["chat", "nick"],
  ["state", "current"],
  ["state", "suppressedUntil"],
  ["state", "sessionExcluded"],
  ["state", "sessionExcluded", 0],
  ["state", "seenOnce"],
  ["state", "seenOnce", 0],
  ...["invitationId", "variationId", "assignedAt", "shownPageviews", "closedAt", "expiresAt"].map((key) => ["state", "current", key]),
];

/** The read paths holding a container evaluation reads into (so a proxy planted there is read, not ignored). */
export const VISITOR_CONTAINER_PATHS: readonly Path[] = [
  [], ["attributes"], ["visibleAttributes"], ["tags"], ["events"], ["events", 0], ["chat"], ["state"],
  ["state", "current"], ["state", "sessionExcluded"], ["state", "seenOnce"],
];

/** Every path evaluation options are read at (a trigger's `seconds` only for an idle trigger: not listed). */
export const OPTIONS_READ_PATHS: readonly Path[] = [
  [],
  ...[
    "operatorsOnline", "requireOperatorOnline", "suppressAfterCloseSeconds", "suppressAfterChatSeconds", "timeZone",
    "escape", "defaultOperatorName", "seed", "trigger",
  ].map((key) => [key]),
  ["operatorsOnline", 0],
  ["operatorsOnline", 0, "id"],
  ["operatorsOnline", 0, "name"],
  ["operatorsOnline", 0, "departments"],
  ["operatorsOnline", 0, "departments", 0],
  ["trigger", "type"],
];

/** Any path into `value` (its own keys, all the way down), the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}
