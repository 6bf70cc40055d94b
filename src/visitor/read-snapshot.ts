import { VISITOR_FIELD_NAMES, type VisitorField } from "../fields.js";
import type { Visitor } from "../types.js";

/** The fields of a snapshot that evaluation reads: every field of the table but `id`, which is read first, alone. */
export type SnapshotField = Exclude<VisitorField, "id">;

/**
 * The raw fields of a visitor snapshot that evaluation reads, each as given (not yet checked or normalised).
 * `previousUrl` is never used by a condition; it is read so that its size is checked like every other string's.
 */
export type SnapshotFields = { [K in SnapshotField]: unknown };

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

// A literal rather than a loop over the table, so that every snapshot's fields share one shape; the type still
// refuses a field missing here.
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
  // The `never` check in `default` makes a field of the table without its case fail to compile.
  for (const key in v) {
    const k = key as VisitorField;
    switch (k) {
      case "id": break;
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
      default: k satisfies never; break;
    }
  }
  return f;
}

// Not the hot path (a snapshot that is not a plain object), so it walks the table.
function readByName(visitor: Visitor): SnapshotFields {
  const f = blank();
  const v = visitor as unknown as Record<string, unknown>;
  for (let i = 0; i < VISITOR_FIELD_NAMES.length; i++) {
    const name = VISITOR_FIELD_NAMES[i] as VisitorField;
    if (name !== "id") f[name] = v[name];
  }
  return f;
}
