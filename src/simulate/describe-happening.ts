import { assertNever } from "../lib/assert-never.js";
import type { TimelineEntry, TimelineHappening } from "./timeline.js";

/**
 * What happened at one check of a simulated journey, in words, as `beckon simulate` and the playground print it.
 *
 * @example
 * describeHappening({ what: { kind: "start", url: "https://example.com/pricing" }, newSession: false, … })
 * // => "arrives on https://example.com/pricing"
 * describeHappening({ what: { kind: "newSession", awayMs: 2_400_000, url: null }, newSession: true, … })
 * // => "back after 40m · new session"
 */
export function describeHappening(entry: Pick<TimelineEntry, "what" | "newSession">): string {
  const text = describe(entry.what);
  return entry.newSession ? `${text} · new session` : text;
}

function describe(w: TimelineHappening): string {
  switch (w.kind) {
    case "start":
      return w.url === null ? "arrives" : `arrives on ${w.url}`;
    case "recheck":
      return "recheck";
    case "page":
      return `page ${w.url}${w.title === undefined ? "" : ` "${w.title}"`}${w.referrer === undefined ? "" : ` from ${w.referrer}`}`;
    case "event":
      return `event ${w.name}${w.value === undefined ? "" : `=${w.value}`} (${w.outcome})`;
    case "shown":
      return w.counted ? "shown" : "shown (nothing new on screen)";
    case "closed":
      return w.onScreen ? "closed" : "closed (nothing on screen)";
    case "chatStarted":
      return w.fromInvitation ? "chat started from the invitation" : "chat started";
    case "conversion":
      return `conversion ${w.event} (${w.outcome})`;
    case "newSession":
      return `back after ${formatDuration(w.awayMs)}${w.url === null ? "" : ` on ${w.url}`}`;
    case "trigger":
      return w.trigger.type === "exitIntent" ? "exit intent" : `idle ${w.trigger.seconds}s`;
    default:
      return assertNever(w, "timeline entry");
  }
}

/** `2d`, `1h30m`, `45s`, `250ms`. */
function formatDuration(ms: number): string {
  const units: [string, number][] = [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1_000], ["ms", 1]];
  let rest = ms;
  let text = "";
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text === "" ? "0s" : text;
}
