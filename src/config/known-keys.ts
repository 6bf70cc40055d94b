import type * as z from "zod/mini";
import { eventDefinitionsSchema } from "./event-definition-schema.js";
import { invitationsSchema } from "./invitation-schema.js";

/** What a document holds: the schema its keys come from. */
export type DocumentKind = "invitations" | "event definitions";

const SCHEMAS: Record<DocumentKind, z.ZodMiniType> = {
  invitations: invitationsSchema,
  "event definitions": eventDefinitionsSchema,
};

/** The parts of zod's own description of a schema that lead to its children. */
interface Def {
  type: string;
  shape?: Record<string, Node>;
  element?: Node;
  innerType?: Node;
  valueType?: Node;
  options?: Node[];
  in?: Node;
}
interface Node {
  _zod: { def: Def };
}

/**
 * The keys the schema knows for the object at `path` of a document (the path of an `unknown_key` issue without its
 * last part), read from the same schemas that validate it, so a hint can never name a key the schema would refuse.
 * Where the path leads into a union (a schedule, an attribute condition), the keys of every option.
 *
 * @example
 * knownKeysAt("invitations", [0])                        // => ["id", "name", "position", …]
 * knownKeysAt("invitations", [0, "schedule", "days"])    // => ["mon", "tue", …, "sun"]
 */
export function knownKeysAt(kind: DocumentKind, path: readonly (string | number)[]): string[] {
  let nodes = unwrap([SCHEMAS[kind] as unknown as Node]);
  for (const part of path) nodes = unwrap(nodes.flatMap((node) => children(node, part)));
  return [...new Set(nodes.flatMap((node) => Object.keys(node._zod.def.shape ?? {})))];
}

function children(node: Node, part: string | number): Node[] {
  const def = node._zod.def;
  if (def.type === "array" && typeof part === "number" && def.element !== undefined) return [def.element];
  if (def.type === "record" && def.valueType !== undefined) return [def.valueType];
  if (def.type === "object" && typeof part === "string") {
    const child = def.shape !== undefined && Object.hasOwn(def.shape, part) ? def.shape[part] : undefined;
    return child === undefined ? [] : [child];
  }
  return [];
}

/** Looks through optional, pipes and unions to the schemas that hold values. */
function unwrap(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  const pending = [...nodes];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const def = node._zod.def;
    if (def.innerType !== undefined) pending.push(def.innerType);
    else if (def.type === "pipe" && def.in !== undefined) pending.push(def.in);
    else if (def.type === "union" && def.options !== undefined) pending.push(...def.options);
    else out.push(node);
  }
  return out.reverse();
}
