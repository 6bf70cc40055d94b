import type { CompiledInvitation } from "./compile-invitation.js";
import { stableOrder } from "./stable-order.js";

/**
 * The invitations in rank order: position, then time on site, then id (docs/semantics.md: Kinds). Sorted without a call back into
 * JavaScript per comparison: the ids go through the engine's own string sort, then two stable counting passes order
 * them by time on site and then by position. A comparator sort of 10 000 invitations makes ~130 000 calls, most of
 * what the first `compile` in a process used to cost. Takes the invitations by id, so ids are unique.
 *
 * @example
 * rankOrder(new Map([["b", b], ["a", a]])) // => [a, b] when both have the same position and time on site
 */
export function rankOrder(byId: ReadonlyMap<string, CompiledInvitation>): CompiledInvitation[] {
  const ids = Array.from(byId.keys()).sort();
  const ordered = new Array<CompiledInvitation>(ids.length);
  for (let i = 0; i < ids.length; i++) ordered[i] = byId.get(ids[i] as string) as CompiledInvitation;
  return stableBy(stableBy(ordered, "timeOnSite"), "position");
}

/** `list` ordered by ascending `field`, stably: `list` itself when every key is the same (as time on site often is). */
function stableBy(list: CompiledInvitation[], field: "position" | "timeOnSite"): CompiledInvitation[] {
  let same = 1;
  while (same < list.length && (list[same] as CompiledInvitation)[field] === (list[0] as CompiledInvitation)[field]) same++;
  if (same >= list.length) return list;
  const keys = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) keys[i] = (list[i] as CompiledInvitation)[field];
  const order = stableOrder(keys);
  const sorted = new Array<CompiledInvitation>(list.length);
  for (let i = 0; i < order.length; i++) sorted[i] = list[order[i] as number] as CompiledInvitation;
  return sorted;
}
