import type { VisitorField } from "../fields.js";
import type { Visitor } from "../types.js";
import { isPlainObject } from "./quick-fields.js";
import { MAX_VISITOR_EVENTS, MAX_VISITOR_LIST_LENGTH, MAX_VISITOR_STRING_LENGTH } from "./visitor-limits.js";

/** Thrown inside {@link quickVisitor} when the snapshot is anything but the usual: the schema then judges it. */
const UNSURE: object = Object.freeze({ unsure: true });

function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length > MAX_VISITOR_STRING_LENGTH) throw UNSURE;
  return value;
}

function finite(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value)) throw UNSURE;
  return value as number;
}

function nonNegative(value: unknown): number | undefined {
  const number = finite(value);
  if (number !== undefined && !(number >= 0)) throw UNSURE;
  return number;
}

function count(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (!(Number.isSafeInteger(value) && (value as number) >= 0)) throw UNSURE;
  return value as number;
}

function department(value: unknown): string | number | undefined {
  return typeof value === "number" ? finite(value) : text(value);
}

function device(value: unknown): Visitor["device"] {
  if (value === undefined || value === "desktop" || value === "mobile" || value === "tablet") return value;
  throw UNSURE;
}

function tags(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_VISITOR_LIST_LENGTH) throw UNSURE;
  const copy = new Array<string>(value.length);
  for (let i = 0; i < copy.length; i++) copy[i] = text((value as unknown[])[i]) ?? throwUnsure();
  return copy;
}

function events(value: unknown): Visitor["events"] {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_VISITOR_EVENTS) throw UNSURE;
  const copy = new Array<{ name: string; at: number; value?: string }>(value.length);
  for (let i = 0; i < copy.length; i++) {
    const event: unknown = (value as unknown[])[i];
    if (!isPlainObject(event)) throw UNSURE;
    let keys = 0;
    for (const key in event) {
      if (key !== "name" && key !== "at" && key !== "value") throw UNSURE;
      keys++;
    }
    const name = text(event["name"]);
    const at = finite(event["at"]);
    const given = text(event["value"]);
    const expected = given === undefined ? 2 : 3;
    if (name === undefined || name.trim() === "" || at === undefined || keys !== expected || hidden(event, expected)) throw UNSURE;
    copy[i] = given === undefined ? { name, at } : { name, at, value: given };
  }
  return copy;
}

function chat(value: unknown): Visitor["chat"] {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw UNSURE;
  let keys = 0;
  for (const key in value) {
    if (key !== "active" && key !== "lastStartedAt" && key !== "nick") throw UNSURE;
    keys++;
  }
  const active = value["active"];
  if (active !== undefined && typeof active !== "boolean") throw UNSURE;
  const lastStartedAt = finite(value["lastStartedAt"]);
  const nick = text(value["nick"]);
  if (keys !== Number(active !== undefined) + Number(lastStartedAt !== undefined) + Number(nick !== undefined) || hidden(value, keys)) throw UNSURE;
  const copy: { active?: boolean; lastStartedAt?: number; nick?: string } = {};
  if (active !== undefined) copy.active = active;
  if (lastStartedAt !== undefined) copy.lastStartedAt = lastStartedAt;
  if (nick !== undefined) copy.nick = nick;
  return copy;
}

/**
 * Whether `value` has own keys that a walk of its `walked` keys did not reach (not enumerable): the schema reads a
 * field by name, even one holding `undefined`.
 */
function hidden(value: object, walked: number): boolean {
  return Object.getOwnPropertyNames(value).length !== walked;
}

function throwUnsure(): never {
  throw UNSURE;
}

/**
 * A snapshot's fields the quick path reads, by name; each one it holds counts once. Any other key (`attributes`,
 * `visibleAttributes`, `state`, an unknown one) sends the snapshot to the schema. The switch names every field of the
 * table (its `never` check fails to compile otherwise), so a new field is placed on one side or the other on purpose:
 * one left to the schema costs every snapshot holding it the schema's slower reading.
 */
function knownKeys(snapshot: Record<string, unknown>): number {
  let keys = 0;
  for (const key in snapshot) {
    const k = key as VisitorField;
    switch (k) {
      case "id":
      case "timeOnSite":
      case "pageviews":
      case "url":
      case "language":
      case "referrer":
      case "identifier":
      case "department":
      case "device":
      case "tags":
      case "events":
      case "visits":
      case "chat":
      case "lastVisitAt":
      case "locale":
      case "previousUrl":
        keys++;
        break;
      case "attributes":
      case "visibleAttributes":
      case "state":
        throw UNSURE;
      default:
        // A key of no field at all, which the type cannot see: the schema reports it.
        k satisfies never;
        throw UNSURE;
    }
  }
  return keys;
}

/**
 * The service's fast path for a `check`'s snapshot: a private copy of a snapshot the visitor schema accepts, or
 * `null` when the snapshot is anything but the usual (a field it does not check by hand — `attributes`,
 * `visibleAttributes`, `state` —, an unknown key, a value the schema would refuse or that is over the visitor bounds,
 * anything but plain objects and arrays, a property that throws or answers twice differently): the schema then judges
 * it and lists every problem. Each field is read by name as the schema reads it and checked; the copy is the
 * snapshot's own fields (a spread: one step for the engine) with every list and object replaced by a copy of the
 * one checked, and it must hold exactly the values checked. Its fields come in the snapshot's order, not the
 * schema's: the service reads them by name.
 *
 * @example
 * quickVisitor({ url: "/pricing", id: "v1" })  // => { url: "/pricing", id: "v1" }, a copy
 * quickVisitor({ id: "v1", pageviews: 1.5 })   // => null (the schema says why)
 */
export function quickVisitor(snapshot: unknown): Visitor | null {
  try {
    if (!isPlainObject(snapshot)) return null;
    // Before anything is read: a key the schema does not know, or that is not checked here, is never read.
    const keys = knownKeys(snapshot);
    // The fields the schema judges here too, read as it reads them: one the walk does not reach still counts.
    if (snapshot["attributes"] !== undefined || snapshot["visibleAttributes"] !== undefined || snapshot["state"] !== undefined) return null;
    const id = text(snapshot["id"]);
    if (id === undefined || id.trim() === "") return null;
    const timeOnSite = nonNegative(snapshot["timeOnSite"]);
    const pageviews = count(snapshot["pageviews"]);
    const url = text(snapshot["url"]);
    const language = text(snapshot["language"]);
    const referrer = text(snapshot["referrer"]);
    const identifier = text(snapshot["identifier"]);
    const departmentId = department(snapshot["department"]);
    const deviceClass = device(snapshot["device"]);
    const rawTags = snapshot["tags"];
    const tagList = tags(rawTags);
    const rawEvents = snapshot["events"];
    const log = events(rawEvents);
    const visits = count(snapshot["visits"]);
    const rawChat = snapshot["chat"];
    const history = chat(rawChat);
    const lastVisitAt = finite(snapshot["lastVisitAt"]);
    const locale = text(snapshot["locale"]);
    const previousUrl = text(snapshot["previousUrl"]);
    // Each key walked must hold a value read above: a key holding `undefined` (which the schema refuses), or a
    // field read above that the walk does not reach (not enumerable), sends the snapshot to the schema.
    const defined =
      1 +
      Number(timeOnSite !== undefined) +
      Number(pageviews !== undefined) +
      Number(url !== undefined) +
      Number(language !== undefined) +
      Number(referrer !== undefined) +
      Number(identifier !== undefined) +
      Number(departmentId !== undefined) +
      Number(deviceClass !== undefined) +
      Number(tagList !== undefined) +
      Number(log !== undefined) +
      Number(visits !== undefined) +
      Number(history !== undefined) +
      Number(lastVisitAt !== undefined) +
      Number(locale !== undefined) +
      Number(previousUrl !== undefined);
    // And a field the walk does not reach (not enumerable) is one the schema reads, even holding `undefined`.
    if (keys !== defined || hidden(snapshot, keys)) return null;
    const copy = { ...snapshot } as unknown as Visitor;
    // The spread read every field again: a getter answering otherwise the second time (another list, even an equal
    // one) sends the snapshot to the schema. Lists and objects are then replaced by the copies made of what was
    // checked.
    const same =
      copy.id === id &&
      copy.timeOnSite === timeOnSite &&
      copy.pageviews === pageviews &&
      copy.url === url &&
      copy.language === language &&
      copy.referrer === referrer &&
      copy.identifier === identifier &&
      copy.department === departmentId &&
      copy.device === deviceClass &&
      copy.visits === visits &&
      copy.lastVisitAt === lastVisitAt &&
      copy.locale === locale &&
      copy.previousUrl === previousUrl &&
      copy.tags === rawTags &&
      copy.events === rawEvents &&
      copy.chat === rawChat;
    if (!same) return null;
    if (tagList !== undefined) copy.tags = tagList;
    if (log !== undefined) copy.events = log;
    if (history !== undefined) copy.chat = history;
    return copy;
  } catch {
    return null;
  }
}
