// Shorthands shared by the schedule unit tests.
import type { Schedule, ScheduleWindow } from "../../../src/types.js";

/** A weekly window. */
export const slot = (start: string, end: string): ScheduleWindow => ({ start, end });

/** A weekly schedule with one window on Sundays. */
export const sundays = (timeZone: string, start: string, end: string): Schedule => ({
  type: "weekly",
  timeZone,
  days: { sun: [slot(start, end)] },
});

/** An ISO instant as epoch ms. */
export const at = (iso: string): number => Date.parse(iso);
