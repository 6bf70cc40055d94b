import { describe, expect, it } from "vitest";
import { SharedPieces } from "../../../src/compile/shared-pieces.js";
import type { WeeklySchedule } from "../../../src/types.js";

describe("SharedPieces", () => {
  it("compiles an equal URL list once, blanks and surrounding spaces aside", () => {
    const pieces = new SharedPieces();
    const first = pieces.urls(["/pricing", "!/pricing/internal"]);
    expect(pieces.urls([" /pricing ", "", "!/pricing/internal"])).toBe(first);
    expect(pieces.urls(["/pricing"])).not.toBe(first);
  });

  it("reads a missing, empty or all-blank URL list as every page", () => {
    const pieces = new SharedPieces();
    expect(pieces.urls(undefined)).toBeNull();
    expect(pieces.urls([])).toBeNull();
    expect(pieces.urls([" ", ""])).toBeNull();
  });

  it("never mistakes one list for another that reads alike when joined", () => {
    const pieces = new SharedPieces();
    expect(pieces.urls(["/a", "/b"])).not.toBe(pieces.urls(["/a/b"]));
    expect(pieces.departments(["1", "2"])).not.toBe(pieces.departments(["12"]));
  });

  it("shares a schedule between invitations that configure the same one", () => {
    const pieces = new SharedPieces();
    const schedule: WeeklySchedule = { type: "weekly", timeZone: "UTC", days: { mon: [{ start: "09:00", end: "17:00" }] } };
    const compiled = pieces.schedule(structuredClone(schedule));
    expect(pieces.schedule(structuredClone(schedule))).toBe(compiled);
    expect(pieces.schedule({ ...schedule, timeZone: "Europe/Vilnius" })).not.toBe(compiled);
    expect(pieces.schedule(undefined)).toBeNull();
  });

  it("normalises departments and keeps a blank one apart from none", () => {
    const pieces = new SharedPieces();
    expect([...(pieces.departments([7, " 8 "]) ?? [])]).toEqual(["7", "8"]);
    expect(pieces.departments(["7", "8"])).toBe(pieces.departments([7, " 8 "]));
    expect(pieces.departments(["", "7"])).not.toBe(pieces.departments(["7"]));
    expect(pieces.departments([])).toBeNull();
  });

  it("drops a device list naming every device, and keeps an empty one (no device matches)", () => {
    const pieces = new SharedPieces();
    expect(pieces.devices(["desktop", "mobile", "tablet"])).toBeNull();
    expect(pieces.devices(["mobile"])).toBe(pieces.devices(["mobile"]));
    expect(pieces.devices([])?.size).toBe(0);
    expect(pieces.devices(undefined)).toBeNull();
  });

  it("hands out one frozen requires object per combination", () => {
    const pieces = new SharedPieces();
    const email = pieces.requires({ email: true });
    expect(email).toEqual({ email: true, username: false, phone: false });
    expect(Object.isFrozen(email)).toBe(true);
    expect(pieces.requires({ email: true, phone: false })).toBe(email);
    expect(pieces.requires(undefined)).toEqual({ email: false, username: false, phone: false });
  });
});
