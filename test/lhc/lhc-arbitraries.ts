// Arbitraries for the LHC importer's properties: LHC rows within the mapping table (a model of the values chosen,
// and the row LHC's database would hold for it), and rows outside it.
import fc from "fast-check";

/** The attribute operators LHC's admin offers. */
export const LHC_OPERATORS = [
  "eq", "neq", "gt", "gte", "lt", "lte", "contains", "in_list", "in_list_lowercase", "not_in_list",
  "not_in_list_lowercase", "like", "notlike",
] as const;

export interface SlotModel {
  slot: number;
  key: string;
  op: (typeof LHC_OPERATORS)[number];
  values: string[];
}

export interface WindowModel {
  day: "mod" | "tud" | "wed" | "thd" | "frd" | "sad" | "sud";
  start: number;
  end: number;
}

/** The values one generated invitation was made of. */
export interface InvitationModel {
  id: number;
  name: string;
  position: number;
  disabled: boolean;
  kind: "standard" | "dynamic" | "inject";
  trigger: { type: 1 } | { type: 2; seconds: number };
  timeOnSite: number;
  pageviews: number;
  siteaccess: string;
  identifier: string;
  tag: string;
  referrer: string;
  device: number;
  urls: string[];
  slots: SlotModel[];
  windows: WindowModel[] | null;
  events: { variable: number; min: number; within: number }[];
  message: string;
  returning: string;
  nick: string;
  operatorName: string;
  hideAfter: number;
  flags: { page_based_inv: boolean; do_not_show_session: boolean; show_next_inv: boolean; one_time: boolean };
  cooldown: number;
  asStrings: boolean;
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const plain = fc.stringMatching(/^[A-Za-z][A-Za-z ,.!?]{0,30}[A-Za-z.!?]$/);
const numberText = fc.integer({ min: -1000, max: 100000 }).map(String);

const slot = (index: number): fc.Arbitrary<SlotModel> =>
  fc.constantFrom(...LHC_OPERATORS).chain((op) =>
    fc.record({
      slot: fc.constant(index),
      key: word,
      op: fc.constant(op),
      values: ["gt", "gte", "lt", "lte"].includes(op)
        ? numberText.map((n) => [n])
        : op === "contains"
          ? word.map((w) => [w])
          : op === "like" || op === "notlike"
            ? word.map((w) => [w])
            : fc.array(word, { minLength: 1, maxLength: 3 }),
    }),
  );

const window = fc
  .record({
    day: fc.constantFrom("mod", "tud", "wed", "thd", "frd", "sad", "sud"),
    hours: fc.integer({ min: 0, max: 22 }).chain((h) => fc.tuple(fc.constant(h), fc.integer({ min: h + 1, max: 23 }))),
    minutes: fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })),
  })
  .map(({ day, hours, minutes }): WindowModel => ({ day, start: hours[0] * 100 + minutes[0], end: hours[1] * 100 + minutes[1] }));

/** A list of invitation models with distinct ids (1…n), events pointing at variables 1…3. */
export const invitationModels: fc.Arbitrary<InvitationModel[]> = fc
  .array(
    fc.record({
      name: fc.oneof(fc.constant(""), plain),
      position: fc.integer({ min: -5, max: 50 }),
      disabled: fc.boolean(),
      kind: fc.constantFrom("standard", "standard", "dynamic", "inject"),
      trigger: fc.oneof(fc.constant({ type: 1 as const }), fc.integer({ min: 1, max: 600 }).map((seconds) => ({ type: 2 as const, seconds }))),
      timeOnSite: fc.integer({ min: 0, max: 600 }),
      pageviews: fc.integer({ min: 0, max: 10 }),
      siteaccess: fc.oneof(fc.constant(""), fc.constantFrom("eng", "lit", "ger")),
      identifier: fc.oneof(fc.constant(""), word),
      tag: fc.oneof(fc.constant(""), word),
      referrer: fc.oneof(fc.constant(""), word),
      device: fc.integer({ min: 0, max: 6 }),
      urls: fc.oneof(fc.constant<string[]>([]), fc.array(fc.tuple(word, word, fc.boolean()).map(([h, p, star]) => `${h}.com/${p}${star ? "*" : ""}`), { minLength: 1, maxLength: 3 })),
      slots: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 4 }).chain((indexes) => fc.tuple(...indexes.map(slot))),
      windows: fc.oneof(fc.constant(null), fc.uniqueArray(window, { maxLength: 4, selector: (w) => w.day })),
      events: fc.array(fc.record({ variable: fc.integer({ min: 1, max: 3 }), min: fc.integer({ min: 0, max: 9 }), within: fc.integer({ min: 0, max: 86400 }) }), { maxLength: 2 }),
      message: plain,
      returning: fc.oneof(fc.constant(""), plain),
      nick: fc.oneof(fc.constant(""), word),
      operatorName: fc.oneof(fc.constant(""), plain),
      hideAfter: fc.integer({ min: 0, max: 5 }),
      flags: fc.record({ page_based_inv: fc.boolean(), do_not_show_session: fc.boolean(), show_next_inv: fc.boolean(), one_time: fc.boolean() }),
      cooldown: fc.oneof(fc.constant(0), fc.integer({ min: 60, max: 86400 })),
      asStrings: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  // Event conditions are only part of the mapping for standard invitations (LHC ignores them elsewhere).
  .map((list) => list.map((model, index) => ({ ...model, id: index + 1, events: model.kind === "standard" ? model.events : [] })));

const DAYS = ["mod", "tud", "wed", "thd", "frd", "sad", "sud"];

/** The row LHC's database holds for a model (numbers as strings when `asStrings`, as some drivers give them). */
export function toRow(model: InvitationModel): Record<string, unknown> {
  const n = (value: number): number | string => (model.asStrings ? String(value) : value);
  const design: Record<string, unknown> = {};
  for (const s of model.slots) {
    design[`attrf_key_${s.slot}`] = s.key;
    design[`attrf_cond_${s.slot}`] = s.op;
    design[`attrf_val_${s.slot}`] = s.values.join("||");
  }
  for (const [flag, on] of Object.entries(model.flags)) if (on) design[flag] = 1;
  if (model.cooldown > 0) design.next_inv_time = String(model.cooldown);
  const days = Object.fromEntries((model.windows ?? []).map((w) => [w.day, { start: w.start, end: w.end }]));
  return {
    id: n(model.id),
    name: model.name,
    position: n(model.position),
    disabled: n(model.disabled ? 1 : 0),
    dynamic_invitation: n(model.kind === "dynamic" ? 1 : 0),
    inject_only_html: n(model.kind === "inject" ? 1 : 0),
    event_type: n(model.trigger.type),
    iddle_for: n(model.trigger.type === 2 ? model.trigger.seconds : 0),
    time_on_site: n(model.timeOnSite),
    pageviews: n(model.pageviews),
    siteaccess: model.siteaccess,
    identifier: model.identifier,
    tag: model.tag,
    referrer: model.referrer,
    show_on_mobile: n(model.device),
    url_present: model.urls.join(","),
    repetitiveness: n(model.windows === null ? 0 : 1),
    days_activity: model.windows === null ? "" : JSON.stringify(days),
    message: model.message,
    message_returning: model.returning,
    message_returning_nick: model.nick,
    operator_name: model.operatorName,
    hide_after_ntimes: n(model.hideAfter),
    event_invitation: n(model.events.length > 0 ? 1 : 0),
    design_data: JSON.stringify(design),
    parent_id: 0,
    dep_id: 0,
  };
}

export const DAY_KEYS = DAYS;

/** Variables 1…3, which every generated event condition points at. */
export const VARIABLES = [
  { id: 1, name: "One", identifier: "ev_one", store_timeout: 0, filter_val: 0 },
  { id: 2, name: "Two", identifier: "ev_two", store_timeout: 1, filter_val: 0 },
  { id: 3, name: "Three", identifier: "ev_three", store_timeout: "60", filter_val: "0" },
];
