import type { CompiledInvitation } from "./compile-invitation.js";

/**
 * The invitations in rank order: position, then time on site, then id (SPEC §6.1). Sorted without a call back into
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

/** `list` ordered by ascending `field`, stably: equal numbers (`0` and `-0` among them) keep their order. */
function stableBy(list: CompiledInvitation[], field: "position" | "timeOnSite"): CompiledInvitation[] {
  const groupOf = new Map<number, number>();
  const values: number[] = [];
  const group = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = (list[i] as CompiledInvitation)[field];
    let g = groupOf.get(value);
    if (g === undefined) {
      g = values.push(value) - 1;
      groupOf.set(value, g);
    }
    group[i] = g;
  }
  if (values.length <= 1) return list;
  const counts = new Uint32Array(values.length);
  for (let i = 0; i < list.length; i++) counts[group[i] as number] = (counts[group[i] as number] as number) + 1;
  // Where each group starts once the groups are laid out by ascending value (there are few distinct values).
  const ascending = Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number));
  const starts = new Uint32Array(values.length);
  let at = 0;
  for (let k = 0; k < ascending.length; k++) {
    const g = ascending[k] as number;
    starts[g] = at;
    at += counts[g] as number;
  }
  const sorted = new Array<CompiledInvitation>(list.length);
  for (let i = 0; i < list.length; i++) {
    const g = group[i] as number;
    sorted[starts[g] as number] = list[i] as CompiledInvitation;
    starts[g] = (starts[g] as number) + 1;
  }
  return sorted;
}
