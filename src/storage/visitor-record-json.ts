/**
 * A visitor record as JSON text, written field by field. `JSON.stringify` pays a look-up of `toJSON` for every value
 * and a scan for characters to escape for every key and string, and writes each instant in milliseconds with its
 * shortest-digits algorithm. Here the keys are written as they are, a string is scanned once by a regular expression,
 * and an instant is written as two small integers: a widget's session costs the service 15 % fewer instructions a call
 * (bench/RESULTS.md, "Twentieth round"). Ids and event names come back in record after record: they are kept as JSON.
 */
import type { CurrentInvitation, InvitationState, VisitorEvent } from "../types.js";
import type { VisitorRecord } from "./types.js";
import type { ListsEvery } from "../lib/lists-every.js";

// A string JSON writes as it is between quotes: no quote, backslash, control character or UTF-16 surrogate (JSON
// escapes a lone one; a pair, valid as it is, is left to JSON.stringify too, which is rare and keeps this simple).
const AS_IT_IS = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * `record` as JSON: the text `JSON.stringify(record)` gives when the record's keys were made in the order of its
 * type's declaration, the same value when read back whatever their order. Only the fields of the record's type are
 * written (the service's records hold no others); `conversions` and `conversionTallies` go through `JSON.stringify`,
 * empty in most records.
 *
 * @example
 * visitorRecordJson({ state: { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] }, events: [{ name: "login", at: 5 }] })
 * // => '{"state":{"v":1,"sessionExcluded":[],"seenOnce":[],"conversions":[]},"events":[{"name":"login","at":5}]}'
 */
export function visitorRecordJson(record: VisitorRecord): string {
  let json = `{"state":${stateJson(record.state)},"events":${eventsJson(record.events)}`;
  if (record.lastActivityAt !== undefined) json += `,"lastActivityAt":${numberJson(record.lastActivityAt)}`;
  if (record.lastUrl !== undefined) json += `,"lastUrl":${textJson(record.lastUrl)}`;
  if (record.shownAssignedAt !== undefined) json += `,"shownAssignedAt":${numberJson(record.shownAssignedAt)}`;
  return `${json}}`;
}

function stateJson(state: InvitationState): string {
  let json = `{"v":${numberJson(state.v)}`;
  if (state.current !== undefined) json += `,"current":${currentJson(state.current)}`;
  if (state.suppressedUntil !== undefined) json += `,"suppressedUntil":${numberJson(state.suppressedUntil)}`;
  json += `,"sessionExcluded":${stringsJson(state.sessionExcluded)},"seenOnce":${stringsJson(state.seenOnce)}`;
  json += `,"conversions":${state.conversions.length === 0 ? "[]" : JSON.stringify(state.conversions)}`;
  if (state.conversionTallies !== undefined) json += `,"conversionTallies":${JSON.stringify(state.conversionTallies)}`;
  return `${json}}`;
}

function currentJson(current: CurrentInvitation): string {
  let json =
    `{"invitationId":${nameJson(current.invitationId)},"variationId":${nameJson(current.variationId)}` +
    `,"assignedAt":${numberJson(current.assignedAt)},"shownPageviews":${numberJson(current.shownPageviews)}`;
  if (current.closedAt !== undefined) json += `,"closedAt":${numberJson(current.closedAt)}`;
  if (current.expiresAt !== undefined) json += `,"expiresAt":${numberJson(current.expiresAt)}`;
  return `${json}}`;
}

function eventsJson(events: readonly VisitorEvent[]): string {
  let json = "[";
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as VisitorEvent;
    if (i > 0) json += ",";
    json += `{"name":${nameJson(event.name)},"at":${numberJson(event.at)}`;
    json += event.value === undefined ? "}" : `,"value":${textJson(event.value)}}`;
  }
  return `${json}]`;
}

function stringsJson(list: readonly string[]): string {
  let json = "[";
  for (let i = 0; i < list.length; i++) json += i === 0 ? nameJson(list[i] as string) : `,${nameJson(list[i] as string)}`;
  return `${json}]`;
}

/**
 * Names written lately, as JSON: invitation and variation ids and event names come back in record after record, and
 * a look-up costs less than the scan and the two joins (bench/RESULTS.md, "Twenty-first round"). At most
 * {@link NAMES_KEPT} names of at most {@link NAME_LONGEST} characters; when full, it starts again empty. Only names: what
 * a visitor sent (a URL, an event's value) is not kept past the write, so nothing of an erased visitor stays here.
 */
const NAMES = new Map<string, string>();
const NAMES_KEPT = 1_024;
const NAME_LONGEST = 256;

function nameJson(name: string): string {
  let quoted = NAMES.get(name);
  if (quoted !== undefined) return quoted;
  quoted = textJson(name);
  if (name.length <= NAME_LONGEST) {
    if (NAMES.size >= NAMES_KEPT) NAMES.clear();
    NAMES.set(name, quoted);
  }
  return quoted;
}

function textJson(text: string): string {
  return AS_IT_IS.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * A number as JSON writes it: `null` for NaN and the infinities. A whole number from 2^31 up, as every instant in
 * milliseconds is, is written in two halves that are small integers: the engine writes a number past 2^31 with its
 * shortest-digits algorithm, a fifth of what a record cost once its keys were literals (bench/RESULTS.md,
 * "Twentieth round").
 */
function numberJson(value: number): string {
  if (value >= 2_147_483_648 && value < 1e15 && Number.isInteger(value)) {
    const high = Math.floor(value / 1e8);
    return `${high}${`${value - high * 1e8 + 1e8}`.slice(1)}`;
  }
  return Number.isFinite(value) ? `${value}` : "null";
}

/** `true` only when `Written` names every key of `T`. */
type Covers<T, Written extends keyof T> = ListsEvery<keyof T, Written>;
type Holds<Claim extends true> = Claim;

// A field added to one of these types and not written above fails `npm run typecheck` here.
type WritesEveryField = [
  Holds<Covers<VisitorRecord, "state" | "events" | "lastActivityAt" | "lastUrl" | "shownAssignedAt">>,
  Holds<Covers<InvitationState, "v" | "current" | "suppressedUntil" | "sessionExcluded" | "seenOnce" | "conversions" | "conversionTallies">>,
  Holds<Covers<CurrentInvitation, "invitationId" | "variationId" | "assignedAt" | "shownPageviews" | "closedAt" | "expiresAt">>,
  Holds<Covers<VisitorEvent, "name" | "at" | "value">>,
];
