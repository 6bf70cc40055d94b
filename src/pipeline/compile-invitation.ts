import { compileAttributeCondition, type CompiledAttributeCondition } from "../conditions/compile-attribute-condition.js";
import { compileUrlPatterns, type UrlMatcher } from "../conditions/compile-url-patterns.js";
import { normalizeReferrerRule } from "../conditions/normalize-referrer-rule.js";
import { normalizeDepartment, normalizeText } from "../conditions/text.js";
import { compileRendering, type CompiledRendering } from "../render/compile-rendering.js";
import { compileSchedule, type CompiledSchedule } from "../schedule/compile-schedule.js";
import { hashKey } from "../selection/hash-unit.js";
import type {
  AttributeCondition,
  Device,
  Invitation,
  InvitationKind,
  JsonValue,
  RequiresConfig,
  Trigger,
  WaitConfig,
} from "../types.js";

/** An event condition with its name normalised and its window in ms (0 = all records count). */
export interface CompiledEventCondition {
  event: string;
  minCount: number;
  withinMs: number;
}

/**
 * One invitation with its defaults applied and every matcher built, so evaluation only compares (SPEC §2 defaults).
 * `source` is the caller's object, handed back untouched in `Decision.invitation`.
 */
export interface CompiledInvitation {
  source: Invitation;
  id: string;
  /** `hashKey(id)`: the invitation's half of its tie hash, worked out once. */
  tieKey: number;
  position: number;
  enabled: boolean;
  kind: InvitationKind;
  trigger: Trigger | undefined;
  timeOnSite: number;
  pageviews: number;
  language: string;
  identifier: string;
  tag: string;
  departments: ReadonlySet<string> | null;
  referrer: string;
  devices: ReadonlySet<Device> | null;
  urls: UrlMatcher | null;
  schedule: CompiledSchedule | null;
  /** Attribute conditions whose truth cannot change while only time passes. */
  attributes: readonly CompiledAttributeCondition[];
  /** Attribute conditions comparing with a relative time (`{ now: … }`): their truth moves with the clock. */
  movingAttributes: readonly CompiledAttributeCondition[];
  events: readonly CompiledEventCondition[];
  requireOperatorIds: ReadonlySet<string> | null;
  minMsSinceLastVisit: number | undefined;
  minMsSinceLastChat: number | undefined;
  oncePerVisitor: boolean;
  cooldownMs: number | undefined;
  rendering: CompiledRendering;
  wait: WaitConfig;
  requires: Required<RequiresConfig>;
  design: { [key: string]: JsonValue };
}

const ALL_DEVICES = 3;
const NO_WAIT: WaitConfig = Object.freeze({});
const NO_DESIGN: { [key: string]: JsonValue } = Object.freeze({});

/**
 * Builds the evaluation form of one already-validated invitation.
 *
 * @example
 * compileInvitation({ id: "a", message: "Hi", language: " ENG " }).language // => "eng"
 */
export function compileInvitation(invitation: Invitation): CompiledInvitation {
  const i = invitation;
  const attributes = (i.attributes ?? []).map((condition) => ({ condition, moving: isRelative(condition) }));
  return {
    source: i,
    id: i.id,
    tieKey: hashKey(i.id),
    position: i.position ?? 0,
    enabled: i.enabled ?? true,
    kind: i.kind ?? "standard",
    trigger: i.trigger,
    timeOnSite: i.timeOnSite ?? 0,
    pageviews: i.pageviews ?? 0,
    language: normalizeText(i.language ?? ""),
    identifier: normalizeText(i.identifier ?? ""),
    tag: normalizeText(i.tag ?? ""),
    departments: i.departments?.length ? new Set(i.departments.map(normalizeDepartment)) : null,
    referrer: normalizeReferrerRule(i.referrer ?? ""),
    devices: i.devices === undefined || new Set(i.devices).size === ALL_DEVICES ? null : new Set(i.devices),
    urls: compileUrlPatterns((i.urls ?? []).map((url) => url.trim()).filter((url) => url !== "")),
    schedule: i.schedule === undefined ? null : compileSchedule(i.schedule),
    attributes: attributes.filter((a) => !a.moving).map((a) => compileAttributeCondition(a.condition)),
    movingAttributes: attributes.filter((a) => a.moving).map((a) => compileAttributeCondition(a.condition)),
    events: (i.events ?? []).map((e) => ({
      event: normalizeText(e.event),
      minCount: e.minCount,
      withinMs: (e.withinSeconds ?? 0) * 1000,
    })),
    requireOperatorIds: i.requireOperatorIds?.length ? new Set(i.requireOperatorIds.map((id) => id.trim())) : null,
    minMsSinceLastVisit: seconds(i.minSecondsSinceLastVisit),
    minMsSinceLastChat: seconds(i.minSecondsSinceLastChat),
    oncePerVisitor: i.oncePerVisitor ?? false,
    cooldownMs: seconds(i.cooldownSeconds),
    rendering: compileRendering(i),
    wait: i.wait ?? NO_WAIT,
    requires: Object.freeze({
      email: i.requires?.email ?? false,
      username: i.requires?.username ?? false,
      phone: i.requires?.phone ?? false,
    }),
    design: i.design ?? NO_DESIGN,
  };
}

function isRelative(condition: AttributeCondition): boolean {
  return "value" in condition && typeof condition.value === "object" && !Array.isArray(condition.value);
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value * 1000;
}
