import type { CounterName, CounterRow } from "./types.js";

/** Every counter of one invitation variation. */
export type InvitationStats = { invitationId: string; variationId: string } & Record<CounterName, number>;

/**
 * Groups counter rows per invitation and variation, every counter present (0 when never moved), sorted by ids.
 *
 * @example
 * invitationStats([{ invitationId: "a", variationId: "a", counter: "assigned", value: 3 }])
 * // => [{ invitationId: "a", variationId: "a", assigned: 3, shown: 0, closed: 0, chatStarted: 0, converted: 0 }]
 */
export function invitationStats(rows: readonly CounterRow[]): InvitationStats[] {
  const byKey = new Map<string, InvitationStats>();
  for (const row of rows) {
    const key = JSON.stringify([row.invitationId, row.variationId]);
    let stats = byKey.get(key);
    if (stats === undefined) {
      stats = { invitationId: row.invitationId, variationId: row.variationId, assigned: 0, shown: 0, closed: 0, chatStarted: 0, converted: 0 };
      byKey.set(key, stats);
    }
    stats[row.counter] += row.value;
  }
  return [...byKey.values()].sort(
    (a, b) => compare(a.invitationId, b.invitationId) || compare(a.variationId, b.variationId),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
