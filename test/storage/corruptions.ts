// Damaged stored documents for the corruption matrix of the storage contract: every field of a visitor record and of
// an invitation set, each given a value of the wrong type, plus missing fields, unknown keys, lists and strings past
// their bounds, and text that is no JSON. Each comes with the path the parser must report first.
import { MAX_VISITOR_EVENTS, MAX_VISITOR_LIST_LENGTH, MAX_VISITOR_STRING_LENGTH } from "../../src/index.js";
import type { InvitationSet, VisitorRecord } from "../../src/storage/index.js";

/** One damaged document: its JSON text and the path of the problem a reader must report. */
export interface Corruption {
  name: string;
  json: string;
  path: (string | number)[];
}

const t = Date.UTC(2026, 10, 26, 10);

/** A visitor record with every field beckon writes filled in, so each one can be damaged. */
export const FULL_RECORD: VisitorRecord = {
  state: {
    v: 1,
    current: { invitationId: "pricing", variationId: "pricing-b", assignedAt: t, shownPageviews: 2, closedAt: t + 5, expiresAt: t + 60_000 },
    suppressedUntil: t + 60_000,
    sessionExcluded: ["help"],
    seenOnce: ["welcome"],
    conversions: [
      { invitationId: "pricing", variationId: "pricing-b", campaign: "spring", status: "shown", sentAt: t, event: "ordered", expiresAt: t + 3_600_000, convertedAt: t + 10 },
    ],
    conversionTallies: [{ invitationId: "old", variationId: "old", sent: 3, shown: 2, closed: 1, chatStarted: 1, converted: 0 }],
  },
  events: [{ name: "login_failed", at: t, value: "card" }],
  lastActivityAt: t,
  lastUrl: "https://example.com/pricing",
  shownAssignedAt: t,
};

/** A valid shared set with an invitation and an event definition, each field filled in enough to damage. */
export const FULL_SET: InvitationSet = {
  invitations: [{ id: "pricing", position: 1, urls: ["/pricing*"], message: "Need help choosing a plan?" }],
  definitions: [{ name: "login_failed", storeTimeoutSeconds: 60 }],
};

/** The wrong-typed stand-in for a value: a number for a string, a string for a number, and so on. */
function wrongType(value: unknown): unknown {
  if (typeof value === "string") return 5;
  if (typeof value === "number") return "5";
  if (typeof value === "boolean") return "yes";
  if (Array.isArray(value)) return {};
  return [];
}

/** Every path inside a JSON value (the root excluded), parents before children. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...at, key], ...paths(child, [...at, key])]);
}

function setAt(document: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function damaged(name: string, document: unknown, path: (string | number)[], value: unknown, reported = path): Corruption {
  return { name, json: JSON.stringify(setAt(document, path, value)), path: reported };
}

/** Every field of a visitor record damaged, one at a time. */
export function visitorRecordCorruptions(): Corruption[] {
  const list = paths(FULL_RECORD).map((path) => damaged(`${path.join(".")} of the wrong type`, FULL_RECORD, path, wrongType(at(FULL_RECORD, path))));
  const required: (string | number)[][] = [["state"], ["events"], ["state", "v"], ["state", "sessionExcluded"], ["state", "seenOnce"], ["state", "conversions"], ["state", "current", "invitationId"], ["events", 0, "name"], ["events", 0, "at"]];
  for (const path of required) list.push(damaged(`${path.join(".")} missing`, FULL_RECORD, path, undefined));
  list.push(
    damaged("an unknown field", FULL_RECORD, ["extra"], 1),
    damaged("an unknown field in the state", FULL_RECORD, ["state", "extra"], 1),
    damaged("an unknown field in current", FULL_RECORD, ["state", "current", "extra"], 1),
    damaged("an unsupported state version", FULL_RECORD, ["state", "v"], 2),
    damaged("a negative shownPageviews", FULL_RECORD, ["state", "current", "shownPageviews"], -5),
    damaged("an unknown conversion status", FULL_RECORD, ["state", "conversions", 0, "status"], "converted"),
    damaged("a blank event name", FULL_RECORD, ["events", 0, "name"], ""),
    damaged("events [null, 5]", FULL_RECORD, ["events"], [null, 5], ["events", 0]),
    damaged("seenOnce past its bound", FULL_RECORD, ["state", "seenOnce"], new Array(MAX_VISITOR_LIST_LENGTH + 1).fill("x")),
    damaged("an event log past its bound", FULL_RECORD, ["events"], new Array(MAX_VISITOR_EVENTS + 1).fill({ name: "e", at: t })),
    damaged("lastUrl past the string cap", FULL_RECORD, ["lastUrl"], "/".padEnd(MAX_VISITOR_STRING_LENGTH + 1, "a")),
    damaged("an empty state", FULL_RECORD, ["state"], {}, ["state", "conversions"]),
  );
  list.push({ name: "a list", json: "[]", path: [] }, { name: "null", json: "null", path: [] });
  return list;
}

/** Text no JSON reader accepts (PostgreSQL's json column cannot even hold it). */
export const NOT_JSON: Corruption = { name: "not JSON", json: "{not json", path: [] };

/** Every field of a shared invitation set damaged, one at a time. */
export function invitationSetCorruptions(): Corruption[] {
  const list = paths(FULL_SET).map((path) => damaged(`${path.join(".")} of the wrong type`, FULL_SET, path, wrongType(at(FULL_SET, path))));
  list.push(
    damaged("an unknown field", FULL_SET, ["extra"], 1),
    damaged("invitations missing", FULL_SET, ["invitations"], undefined),
    damaged("an unknown invitation field", FULL_SET, ["invitations", 0, "postion"], 1),
    damaged("a duplicate event definition", FULL_SET, ["definitions", 1], { name: " Login_Failed" }, ["definitions", 1, "name"]),
  );
  list.push({ name: "a list", json: "[]", path: [] });
  return list;
}

function at(document: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], document);
}
