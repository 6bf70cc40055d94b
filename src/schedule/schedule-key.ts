import type { Schedule } from "../types.js";
import { WEEKDAYS } from "./weekly-rule.js";
import { assertNever } from "../lib/assert-never.js";

/**
 * A text that two schedules share exactly when `compileSchedule` reads the same values from them: the type, the
 * time zone, the period or annual bounds, every weekday's windows in order. Texts are written `length:text` and
 * numbers `n…;`, so two schedules that differ in any of those values never share a key. Written out by hand
 * rather than with `JSON.stringify`, which is slower here and would also read fields compiling ignores.
 *
 * @example
 * scheduleKey({ type: "annual", from: "12-20 00:00", to: "01-05 23:59" }) // => "a-11:12-20 00:0011:01-05 23:59"
 */
export function scheduleKey(schedule: Schedule): string {
  switch (schedule.type) {
    case "weekly": {
      let key = `w${text(schedule.timeZone)}`;
      for (let d = 0; d < WEEKDAYS.length; d++) {
        const windows = schedule.days[WEEKDAYS[d] as (typeof WEEKDAYS)[number]];
        if (windows === undefined) continue;
        key += `${d}[${windows.length}]`;
        for (let w = 0; w < windows.length; w++) key += text(windows[w]?.start) + text(windows[w]?.end);
      }
      return key;
    }
    case "period":
      return `p${bound(schedule.from)}${bound(schedule.to)}`;
    case "annual":
      return `a${text(schedule.timeZone)}${text(schedule.from)}${text(schedule.to)}`;
    default:
      return assertNever(schedule, "schedule");
  }
}

function text(value: string | undefined): string {
  return value === undefined ? "-" : `${value.length}:${value}`;
}

function bound(value: string | number | undefined): string {
  return typeof value === "number" ? `n${Object.is(value, -0) ? "-0" : value};` : text(value);
}

