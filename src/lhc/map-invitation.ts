import type { Device, Invitation, InvitationKind, JsonValue, WaitConfig } from "../types.js";
import { DesignData } from "./design-data.js";
import { mapAttributes } from "./map-attributes.js";
import { mapContent, splitList, type MappedContent } from "./map-content.js";
import { mapSchedule } from "./map-schedule.js";
import type { RowReader } from "./read-cell.js";

/** One invitation row read: the invitation (without variations, events and departments) and what decides those. */
export interface MappedRow {
  id: number;
  invitation: Invitation;
  content: MappedContent;
  /** LHC would never show it: imported disabled. */
  never: boolean;
  kind: InvitationKind;
  parentId: number;
  depId: number;
  eventFlag: boolean;
  reader: RowReader;
}

/** `show_on_mobile` → `devices`; 1 (all) leaves the field out. */
const DEVICES: Readonly<Record<number, Device[] | null>> = {
  1: null,
  0: ["desktop"],
  2: ["mobile"],
  3: ["tablet"],
  4: ["mobile", "desktop"],
  5: ["tablet", "desktop"],
  6: ["mobile", "tablet"],
};

const CHAT_START = ["autoresponder_id", "bot_id", "trigger_id", "bot_offline"];
const WIDGET = ["delay", "delay_init", "show_instant"];
const GLOB = /[?[\]{}()!+@\\]|\*(?!\**$)|^\//;

/**
 * Maps one `lh_abstract_proactive_chat_invitation` row onto a beckon invitation, field by field as the mapping table
 * of docs/migrating-from-lhc.md says, reporting every value that is not carried over exactly.
 *
 * @example
 * mapInvitation(reader, {}).invitation // id 7, name "Pricing", position 1, message "Need help?", show_on_mobile 0
 * // => { id: "7", name: "Pricing", position: 1, devices: ["desktop"], message: "Need help?" }
 */
export function mapInvitation(reader: RowReader, timeZone: string | undefined): MappedRow {
  const id = reader.int("id");
  const data = DesignData.read(reader);
  const inv: Partial<Invitation> & Record<string, unknown> = { id: String(id) };
  let never = false;
  const name = reader.text("name");
  if (name !== "") inv.name = name;
  inv.position = reader.int("position");
  if (reader.flag("disabled")) inv.enabled = false;
  const kind: InvitationKind = reader.flag("inject_only_html") ? "inject" : reader.flag("dynamic_invitation") ? "dynamic" : "standard";
  if (kind !== "standard") inv.kind = kind;
  const timeOnSite = Math.max(reader.int("time_on_site"), 0);
  if (timeOnSite > 0) inv.timeOnSite = timeOnSite;
  const pageviews = Math.max(reader.int("pageviews"), 0);
  if (pageviews > 0) inv.pageviews = pageviews;
  text(reader, inv, "siteaccess", "language");
  text(reader, inv, "identifier", "identifier");
  text(reader, inv, "tag", "tag");
  if (typeof inv.tag === "string" && inv.tag.includes(",")) {
    reader.lossy("tag_list", "tag", `${JSON.stringify(inv.tag)}: LHC matches it only against the visitor's whole tag list written exactly so; beckon reads it as one tag, which a visitor's tags will rarely contain`);
  }
  text(reader, inv, "referrer", "referrer");
  if (typeof inv.referrer === "string" && /[%_]/.test(inv.referrer)) {
    reader.difference("referrer_wildcard", "referrer", `${JSON.stringify(inv.referrer)}: % and _ are SQL wildcards in LHC, plain characters in beckon`);
  }
  never = devices(reader, inv, kind) || never;
  urls(reader, inv, data);
  const schedule = mapSchedule(reader, timeZone);
  if (schedule.schedule !== undefined) inv.schedule = schedule.schedule;
  never = schedule.never || never;
  const attributes = mapAttributes(data);
  if (attributes.attributes.length > 0) inv.attributes = attributes.attributes;
  never = attributes.never || never;
  never = trigger(reader, inv, kind) || never;
  conditions(data, inv);
  lifecycle(reader, data, inv);
  const content = mapContent(reader, data);
  inv.message = content.message;
  if (content.returningMessage !== "") inv.returningMessage = content.returningMessage;
  if (content.returningNick !== "") inv.returningNick = content.returningNick;
  if (content.translations !== undefined) inv.translations = content.translations;
  if (Object.keys(content.operator).length > 0) inv.operator = content.operator;
  wait(reader, inv);
  requires(reader, inv);
  conversion(data, inv);
  const campaign = reader.int("campaign_id");
  if (campaign > 0) inv.campaign = String(campaign);
  design(reader, data, inv, kind);
  return {
    id,
    invitation: inv as Invitation,
    content,
    never,
    kind,
    parentId: reader.int("parent_id"),
    depId: reader.int("dep_id"),
    eventFlag: reader.flag("event_invitation"),
    reader,
  };
}

function text(reader: RowReader, inv: Record<string, unknown>, column: string, field: string): void {
  const value = reader.text(column);
  if (value !== "") inv[field] = value;
}

/** Answers whether LHC would never show the invitation on any device. */
function devices(reader: RowReader, inv: Partial<Invitation>, kind: InvitationKind): boolean {
  const value = reader.int("show_on_mobile", 1);
  // LHC's inject listing ignores the device option altogether.
  if (kind === "inject") return false;
  const list = DEVICES[value];
  if (list === undefined) {
    reader.lossy("unknown_device_option", "show_on_mobile", `${value} is none of LHC's 7 device options, so LHC never shows it on any device: imported disabled`);
    return true;
  }
  if (list !== null) inv.devices = [...list];
  return false;
}

function urls(reader: RowReader, inv: Partial<Invitation>, data: DesignData): void {
  const present = reader.text("url_present");
  if (present === "") return;
  const patterns: string[] = [];
  for (const option of present.split(",")) {
    if (option.trim() === "") {
      reader.lossy("empty_url_option", "url_present", `${JSON.stringify(present)} has an empty option, which never matches a page in LHC: left out`);
      continue;
    }
    if (option !== option.trim()) {
      reader.difference("untrimmed_url", "url_present", `${JSON.stringify(option)}: LHC compares it with the spaces, so it never matches; beckon trims it`);
    }
    if (GLOB.test(option.trim())) {
      reader.lossy("url_glob", "url_present", `${JSON.stringify(option.trim())}: LHC compares it literally (only a trailing * is a wildcard, the query string counts); beckon reads it as a glob pattern`);
    }
    patterns.push(option.trim().replace(/\*+$/, "*"));
  }
  if (patterns.length > 0) inv.urls = patterns;
  if (present === "*" && data.on("page_based_inv", true)) {
    const message = "a global * invitation bound to its URL: LHC withdraws it on every navigation (and usually selects it again); beckon keeps it current, even when a better-ranked invitation matches the new page";
    reader.difference("star_withdrawal", "url_present", message);
  }
}

/** Answers whether LHC would never fire a dynamic invitation (no trigger it arms). */
function trigger(reader: RowReader, inv: Partial<Invitation>, kind: InvitationKind): boolean {
  const type = reader.int("event_type");
  const idle = reader.int("iddle_for");
  if (kind !== "dynamic") return false;
  if (type === 1) {
    inv.trigger = { type: "exitIntent" };
    return false;
  }
  if (type === 2) {
    if (idle <= 0) {
      reader.lossy("idle_not_positive", "iddle_for", `${idle} idle seconds fire at once in LHC's widget; beckon needs more than 0: imported as 1 second`);
    }
    inv.trigger = { type: "idle", seconds: Math.max(idle, 1) };
    return false;
  }
  reader.lossy("no_trigger", "event_type", `${type} is neither 1 (mouse leaves the window) nor 2 (idle), so LHC's widget never fires it: imported disabled, with an exit-intent trigger`);
  inv.trigger = { type: "exitIntent" };
  return true;
}

function conditions(data: DesignData, inv: Partial<Invitation>): void {
  const operators = splitList(data.text("on_op_id"));
  if (operators.length > 0) inv.requireOperatorIds = operators;
  if (data.on("op_max_chats")) {
    data.lossy("not_supported", "op_max_chats", "beckon has no per-operator chat limit for this rule: not imported (operatorsOnline should list only operators who can take a chat)");
  }
  const lastVisit = data.seconds("last_visit_prev");
  if (lastVisit > 0) {
    inv.minSecondsSinceLastVisit = lastVisit;
    data.difference("first_visit_passes", "last_visit_prev", "LHC blocks brand-new visitors for this period (their previous visit is their creation time); beckon lets a visitor without a previous visit through");
  }
  const lastChat = data.seconds("last_chat");
  if (lastChat > 0) inv.minSecondsSinceLastChat = lastChat;
  if (data.on("one_time")) inv.oncePerVisitor = true;
}

function lifecycle(reader: RowReader, data: DesignData, inv: Partial<Invitation>): void {
  const showLimit = Math.max(reader.int("hide_after_ntimes"), 0);
  if (showLimit > 0) inv.showLimit = showLimit;
  if (data.on("page_based_inv")) inv.urlBound = true;
  if (data.on("do_not_show_session")) inv.hideForSessionAfterClose = true;
  if (data.on("show_next_inv")) inv.nextOnUrlChange = true;
  const cooldown = data.seconds("next_inv_time");
  if (cooldown > 0) inv.cooldownSeconds = cooldown;
  const expires = data.seconds("expires_after");
  if (expires > 0) inv.expiresAfterSeconds = expires;
  for (const key of ["show_everytime", "show_after_chat"]) {
    if (data.on(key, true)) {
      data.lossy("not_supported", key, "beckon's reducers always consume a closed invitation (and one a chat started from): not carried over, kept in design for the widget");
    }
  }
}

function wait(reader: RowReader, inv: Partial<Invitation>): void {
  const config: WaitConfig = {};
  const message = reader.text("wait_message");
  const timeout = reader.int("wait_timeout");
  const timeoutMessage = reader.text("timeout_message");
  if (message !== "") config.message = message;
  if (timeout > 0) config.timeoutSeconds = timeout;
  if (timeoutMessage !== "") config.timeoutMessage = timeoutMessage;
  if (Object.keys(config).length === 0) return;
  const repeat = reader.int("repeat_number", 1);
  if (repeat >= 0) config.repeat = repeat;
  inv.wait = config;
}

function requires(reader: RowReader, inv: Partial<Invitation>): void {
  const email = reader.flag("requires_email");
  const username = reader.flag("requires_username");
  const phone = reader.flag("requires_phone");
  if (!email && !username && !phone) return;
  inv.requires = { ...(email ? { email } : {}), ...(username ? { username } : {}), ...(phone ? { phone } : {}) };
}

function conversion(data: DesignData, inv: Partial<Invitation>): void {
  const event = data.text("event_id").trim();
  const within = data.seconds("conversion_expires_in");
  if (event !== "" && within > 0) inv.conversion = { event, withinSeconds: within };
  else if (event !== "") {
    data.lossy("conversion_without_window", "conversion_expires_in", `conversion event ${JSON.stringify(event)} has no window, so LHC never records it: not imported`);
  }
}

function design(reader: RowReader, data: DesignData, inv: Partial<Invitation>, kind: InvitationKind): void {
  for (const column of CHAT_START) {
    const value = reader.int(column);
    if (value !== 0) {
      reader.lossy("chat_start", column, `${value}: what happens when a chat starts (auto-responder, bot, trigger) stays with the chat server: not imported`);
    }
  }
  const out: { [key: string]: JsonValue } = data.rest();
  for (const column of WIDGET) {
    const value = reader.int(column);
    if (value !== 0) out[column] = value;
  }
  if (kind === "inject") {
    // The widget fires an injection on the dynamic trigger of its row: kept for it.
    out.event_type = reader.int("event_type");
    out.iddle_for = reader.int("iddle_for");
  }
  if (Object.keys(out).length > 0) inv.design = out;
}
