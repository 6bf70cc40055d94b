import type { Visitor } from "../types.js";

/** The raw fields of a visitor snapshot that evaluation reads, each as given (not yet checked or normalised). */
export interface SnapshotFields {
  timeOnSite: unknown;
  pageviews: unknown;
  visits: unknown;
  url: unknown;
  /** Never used by a condition; read so that its size is checked like every other string's. */
  previousUrl: unknown;
  referrer: unknown;
  language: unknown;
  locale: unknown;
  identifier: unknown;
  department: unknown;
  tags: unknown;
  device: unknown;
  attributes: unknown;
  visibleAttributes: unknown;
  events: unknown;
  chat: unknown;
  lastVisitAt: unknown;
  state: unknown;
}

/**
 * Reads every field of a snapshot that evaluation may need, once. Snapshots come in many shapes (fields present or
 * not, in any order), so reading each field by name is a megamorphic property load, and a missing field is the
 * slowest kind, a miss up the prototype chain. A plain object (JSON, an object literal) is therefore read by walking
 * its enumerable keys: only the fields present are touched, through the engine's fast path for `for…in`. Whatever
 * it inherits from `Object.prototype` reads the same either way (`for…in` lists inherited enumerable keys, as a
 * direct read finds them); a non-enumerable own field of a plain object is not read, as `JSON.stringify` would not
 * send it. Anything else (a class instance with getters, a proxy) is read field by field.
 *
 * @example
 * readSnapshot({ id: "v1", timeOnSite: 30 }).timeOnSite // => 30
 * readSnapshot({ id: "v1" }).url                        // => undefined
 */
export function readSnapshot(visitor: Visitor): SnapshotFields {
  const proto: unknown = Object.getPrototypeOf(visitor);
  return proto === Object.prototype || proto === null ? walkKeys(visitor) : readByName(visitor);
}

function blank(): SnapshotFields {
  return {
    timeOnSite: undefined,
    pageviews: undefined,
    visits: undefined,
    url: undefined,
    previousUrl: undefined,
    referrer: undefined,
    language: undefined,
    locale: undefined,
    identifier: undefined,
    department: undefined,
    tags: undefined,
    device: undefined,
    attributes: undefined,
    visibleAttributes: undefined,
    events: undefined,
    chat: undefined,
    lastVisitAt: undefined,
    state: undefined,
  };
}

function walkKeys(visitor: Visitor): SnapshotFields {
  const f = blank();
  const v = visitor as unknown as Record<string, unknown>;
  // A switch over the key rather than `f[key] = v[key]`: the fields keep one shape and unknown keys are ignored.
  for (const key in v) {
    switch (key) {
      case "timeOnSite": f.timeOnSite = v[key]; break;
      case "pageviews": f.pageviews = v[key]; break;
      case "visits": f.visits = v[key]; break;
      case "url": f.url = v[key]; break;
      case "previousUrl": f.previousUrl = v[key]; break;
      case "referrer": f.referrer = v[key]; break;
      case "language": f.language = v[key]; break;
      case "locale": f.locale = v[key]; break;
      case "identifier": f.identifier = v[key]; break;
      case "department": f.department = v[key]; break;
      case "tags": f.tags = v[key]; break;
      case "device": f.device = v[key]; break;
      case "attributes": f.attributes = v[key]; break;
      case "visibleAttributes": f.visibleAttributes = v[key]; break;
      case "events": f.events = v[key]; break;
      case "chat": f.chat = v[key]; break;
      case "lastVisitAt": f.lastVisitAt = v[key]; break;
      case "state": f.state = v[key]; break;
      default: break;
    }
  }
  return f;
}

function readByName(visitor: Visitor): SnapshotFields {
  const f = blank();
  f.timeOnSite = visitor.timeOnSite;
  f.pageviews = visitor.pageviews;
  f.visits = visitor.visits;
  f.url = visitor.url;
  f.previousUrl = visitor.previousUrl;
  f.referrer = visitor.referrer;
  f.language = visitor.language;
  f.locale = visitor.locale;
  f.identifier = visitor.identifier;
  f.department = visitor.department;
  f.tags = visitor.tags;
  f.device = visitor.device;
  f.attributes = visitor.attributes;
  f.visibleAttributes = visitor.visibleAttributes;
  f.events = visitor.events;
  f.chat = visitor.chat;
  f.lastVisitAt = visitor.lastVisitAt;
  f.state = visitor.state;
  return f;
}
