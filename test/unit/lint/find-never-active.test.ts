import { describe, expect, it } from "vitest";
import { compileInvitations } from "../../../src/compile/compile-invitation.js";
import { findNeverActive } from "../../../src/lint/find-never-active.js";
import type { Invitation, Schedule } from "../../../src/types.js";

const at = Date.UTC(2026, 5, 1, 12);
/** `null`: no instant given. */
const never = (schedule: Schedule, when: number | null = at, extra: Partial<Invitation> = {}) =>
  findNeverActive(compileInvitations([{ id: "a", message: "Hi", schedule, ...extra }]), when ?? undefined).map((f) => f.code);

describe("findNeverActive", () => {
  it("finds a weekly schedule without a window", () => {
    expect(never({ type: "weekly", days: {} })).toEqual(["never_active"]);
    expect(never({ type: "weekly", days: { mon: [], sun: [] } }, null)).toEqual(["never_active"]);
    expect(never({ type: "weekly", days: { sun: [{ start: "23:00", end: "01:00" }] } })).toEqual([]);
  });

  it("finds a period that ended before the instant, to the millisecond for an absolute end", () => {
    expect(never({ type: "period", to: at - 1 })).toEqual(["never_active"]);
    expect(never({ type: "period", to: at })).toEqual([]);
    expect(never({ type: "period", to: "2026-06-01T11:59:59Z" })).toEqual(["never_active"]);
    expect(never({ type: "period", from: "2026-01-01" })).toEqual([]);
  });

  it("gives a wall-clock end a day's margin, since the time zone is not known", () => {
    expect(never({ type: "period", to: "2026-05-31" })).toEqual([]); // ends 2026-05-31 24:00 in some zone: may be 06-01 12:00 Z
    expect(never({ type: "period", to: "2026-05-30" })).toEqual(["never_active"]);
  });

  it("says nothing of annual schedules, of disabled invitations, or of periods without an instant", () => {
    expect(never({ type: "annual", from: "02-29 00:00", to: "02-29 23:59" })).toEqual([]);
    expect(never({ type: "weekly", days: {} }, at, { enabled: false })).toEqual([]);
    expect(never({ type: "period", to: 0 }, null)).toEqual([]);
  });
});
