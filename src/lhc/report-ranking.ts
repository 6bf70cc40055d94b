import type { MappedRow } from "./map-invitation.js";

/**
 * Reports, for the standard invitations that can compete, the two ways LHC's ranking differs from beckon's: equal
 * (position, time on site) are tied at random on every request in LHC, and an invitation waiting for its time on site
 * or its events blocks every invitation ranked after it (beckon offers the best eligible one).
 *
 * @example
 * reportRanking(rows) // two rows at position 1, time on site 0 → a "tie" difference on each
 */
export function reportRanking(rows: readonly MappedRow[]): void {
  const competing = rows
    .filter((row) => row.kind === "standard" && row.invitation.enabled !== false)
    .sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  for (const row of competing) {
    const [position, time] = rank(row);
    const tied = competing.filter((other) => other !== row && rank(other)[0] === position && rank(other)[1] === time);
    if (tied.length > 0) {
      const ids = list(tied);
      row.reader.difference("tie", "position", `ties with ${ids} (same position and time on site): LHC picks at random on every request, beckon by a hash of the visitor id, so a visitor keeps the same one`);
    }
    const waits = time > 0 || (row.invitation.events?.length ?? 0) > 0;
    const after = competing.filter((other) => rank(other)[0] > position || (rank(other)[0] === position && rank(other)[1] > time));
    if (waits && after.length > 0) {
      const what = time > 0 && row.invitation.events ? "its time on site or its events" : time > 0 ? "its time on site" : "its events";
      const message = `while it waits for ${what}, LHC shows nothing, even when an invitation ranked after it (${list(after)}) is ready; beckon offers the best eligible one`;
      row.reader.difference("blocking", time > 0 ? "time_on_site" : null, message);
    }
  }
}

/** The first few ids, so a report on a large set stays readable. */
function list(rows: readonly MappedRow[]): string {
  const ids = rows.slice(0, 5).map((row) => row.invitation.id).join(", ");
  return rows.length > 5 ? `${ids} and ${rows.length - 5} more` : ids;
}

function rank(row: MappedRow): [number, number] {
  return [row.invitation.position ?? 0, row.invitation.timeOnSite ?? 0];
}
