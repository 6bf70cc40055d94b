/**
 * The plain winner loop of the fixed-cost benchmark (issue 11, item 8): written for exactly the conditions of
 * bench/fixed-cost-workload.ts, it returns the winner's index and nothing else (no message, no recheckAt, no
 * reasons). bench/fixed-cost.ts times it next to `evaluate`; bench/instructions.ts counts its instructions.
 */
import type { Invitation, Visitor } from "../src/index.js";
import { DAYS, WEEK } from "./fixed-cost-workload.js";

/** What the plain loop needs of an invitation, prepared once. */
export interface Plain {
  position: number;
  timeOnSite: number;
  pageviews: number;
  language: string;
  identifier: string;
  tag: string;
  departments: string[];
  referrer: string;
  devices: string[];
  /** Per weekday (0 = Monday) the window in minutes of the day, or null. */
  windows: ([number, number] | null)[];
  /** Path prefixes: `/pricing*` → "/pricing", `/docs/*` → "/docs/" (the loop's own simplification of globs). */
  prefixes: string[];
  minEvents: number;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function prepare(invitation: Invitation): Plain {
  const days = invitation.schedule?.type === "weekly" ? invitation.schedule.days : {};
  return {
    position: invitation.position ?? 0,
    timeOnSite: invitation.timeOnSite ?? 0,
    pageviews: invitation.pageviews ?? 0,
    language: invitation.language ?? "",
    identifier: invitation.identifier ?? "",
    tag: invitation.tag ?? "",
    departments: (invitation.departments ?? []).map(String),
    referrer: invitation.referrer ?? "",
    devices: invitation.devices ?? [],
    windows: DAYS.map((day) => {
      const window = days[day]?.[0];
      return window === undefined ? null : [minutes(window.start), minutes(window.end)];
    }),
    prefixes: (invitation.urls ?? []).map((url) => url.replace(/\*$/, "")),
    minEvents: invitation.events?.[0]?.minCount ?? 0,
  };
}

/** The winner's index, or -1: the eligible invitation with the lowest position (positions are all different). */
export function plainLoop(plain: readonly Plain[], v: Visitor, now: number): number {
  const path = (v.url ?? "").replace(/^https?:\/\/[^/]*/, "");
  const referrerHost = (v.referrer ?? "").replace(/^https?:\/\//, "").replace(/^www\./, "").split("/")[0] ?? "";
  const sinceMonday = now - WEEK;
  const day = Math.floor(sinceMonday / 86_400_000) % 7;
  const minute = Math.floor((sinceMonday % 86_400_000) / 60_000);
  let recent = 0;
  for (const event of v.events ?? []) if (now - event.at < 1_800_000) recent++;
  let winner = -1;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < plain.length; i++) {
    const p = plain[i] as Plain;
    if (p.position >= best) continue;
    if ((v.timeOnSite ?? 0) < p.timeOnSite || (v.pageviews ?? 1) < p.pageviews) continue;
    if (p.language !== "" && p.language !== v.language) continue;
    if (p.identifier !== "" && p.identifier !== v.identifier) continue;
    if (p.tag !== "" && !(v.tags ?? []).includes(p.tag)) continue;
    if (p.departments.length > 0 && !p.departments.includes(String(v.department))) continue;
    if (p.referrer !== "" && !referrerHost.startsWith(p.referrer)) continue;
    if (!p.devices.includes(v.device ?? "desktop")) continue;
    const window = p.windows[day];
    // Weekly windows are inclusive to the minute at both ends (docs/semantics.md: Schedules).
    if (window === null || window === undefined || minute < window[0] || minute > window[1]) continue;
    if (p.prefixes.length > 0 && !p.prefixes.some((prefix) => path.startsWith(prefix))) continue;
    if (recent < p.minEvents) continue;
    winner = i;
    best = p.position;
  }
  return winner;
}
