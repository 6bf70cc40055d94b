import { compileAttributeCondition, type CompiledAttributeCondition } from "../conditions/compile-attribute-condition.js";
import type { UrlMatcher } from "../conditions/compile-url-patterns.js";
import { normalizeReferrerRule } from "../conditions/normalize-referrer-rule.js";
import { normalizeText } from "../conditions/text.js";
import { compileRendering, type CompiledRendering } from "../render/compile-rendering.js";
import type { CompiledSchedule } from "../schedule/compile-schedule.js";
import { hashKey } from "../selection/hash-unit.js";
import type {
  AttributeCondition,
  Device,
  EventCondition,
  Invitation,
  InvitationKind,
  JsonValue,
  RequiresConfig,
  Trigger,
  WaitConfig,
} from "../types.js";
import { invitationFields } from "./invitation-fields.js";
import { sharedPieces, type SharedPieces } from "./shared-pieces.js";

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

const NO_WAIT: WaitConfig = Object.freeze({});
const NO_DESIGN: { [key: string]: JsonValue } = Object.freeze({});
// Shared by every invitation without such conditions. Not frozen: a frozen array has an elements kind of its own,
// and the loops of every evaluation over these lists would then meet one more shape.
const NONE: readonly never[] = [];

/**
 * Builds the evaluation form of one already-validated invitation.
 *
 * @example
 * compileInvitation({ id: "a", message: "Hi", language: " ENG " }).language // => "eng"
 */
export function compileInvitation(invitation: Invitation): CompiledInvitation {
  return new Compiled(invitation, sharedPieces());
}

/**
 * {@link compileInvitation} for every invitation of a set, in the same order, with equal URL lists, schedules,
 * departments and devices compiled once and shared.
 *
 * @example
 * compileInvitations([{ id: "a", message: "Hi", urls: ["/x"] }, { id: "b", message: "Yo", urls: ["/x"] }])
 * // => both share one URL matcher
 */
export function compileInvitations(invitations: readonly Invitation[]): CompiledInvitation[] {
  const pieces = sharedPieces();
  const compiled = new Array<CompiledInvitation>(invitations.length);
  for (let i = 0; i < invitations.length; i++) compiled[i] = new Compiled(invitations[i] as Invitation, pieces);
  return compiled;
}

class Compiled implements CompiledInvitation {
  readonly source: Invitation;
  readonly id: string;
  readonly tieKey: number;
  readonly position: number;
  readonly enabled: boolean;
  readonly kind: InvitationKind;
  readonly trigger: Trigger | undefined;
  readonly timeOnSite: number;
  readonly pageviews: number;
  readonly language: string;
  readonly identifier: string;
  readonly tag: string;
  readonly departments: ReadonlySet<string> | null;
  readonly referrer: string;
  readonly devices: ReadonlySet<Device> | null;
  readonly urls: UrlMatcher | null;
  readonly schedule: CompiledSchedule | null;
  readonly attributes: readonly CompiledAttributeCondition[];
  readonly movingAttributes: readonly CompiledAttributeCondition[];
  readonly events: readonly CompiledEventCondition[];
  readonly requireOperatorIds: ReadonlySet<string> | null;
  readonly minMsSinceLastVisit: number | undefined;
  readonly minMsSinceLastChat: number | undefined;
  readonly oncePerVisitor: boolean;
  readonly cooldownMs: number | undefined;
  readonly wait: WaitConfig;
  readonly requires: Required<RequiresConfig>;
  readonly design: { [key: string]: JsonValue };
  private built: CompiledRendering | undefined = undefined;

  constructor(source: Invitation, pieces: SharedPieces) {
    const i = invitationFields(source);
    this.source = source;
    this.id = i.id;
    this.tieKey = hashKey(i.id);
    this.position = i.position ?? 0;
    this.enabled = i.enabled ?? true;
    this.kind = i.kind ?? "standard";
    this.trigger = i.trigger;
    this.timeOnSite = i.timeOnSite ?? 0;
    this.pageviews = i.pageviews ?? 0;
    this.language = i.language === undefined ? "" : normalizeText(i.language);
    this.identifier = i.identifier === undefined ? "" : normalizeText(i.identifier);
    this.tag = i.tag === undefined ? "" : normalizeText(i.tag);
    this.departments = pieces.departments(i.departments);
    this.referrer = i.referrer === undefined ? "" : normalizeReferrerRule(i.referrer);
    this.devices = pieces.devices(i.devices);
    this.urls = pieces.urls(i.urls);
    this.schedule = pieces.schedule(i.schedule);
    this.attributes = i.attributes === undefined ? NONE : attributeConditions(i.attributes, false);
    this.movingAttributes = i.attributes === undefined ? NONE : attributeConditions(i.attributes, true);
    this.events = i.events === undefined || i.events.length === 0 ? NONE : i.events.map(compileEventCondition);
    this.requireOperatorIds = i.requireOperatorIds?.length ? new Set(i.requireOperatorIds.map(trimmed)) : null;
    this.minMsSinceLastVisit = seconds(i.minSecondsSinceLastVisit);
    this.minMsSinceLastChat = seconds(i.minSecondsSinceLastChat);
    this.oncePerVisitor = i.oncePerVisitor ?? false;
    this.cooldownMs = seconds(i.cooldownSeconds);
    this.wait = i.wait ?? NO_WAIT;
    this.requires = pieces.requires(i.requires);
    this.design = i.design ?? NO_DESIGN;
  }

  /**
   * Built on first use: most invitations of a large set are never offered, and their content is most of what an
   * invitation costs to compile and to keep. Reads the source invitation, which `compile` asks callers not to change.
   */
  get rendering(): CompiledRendering {
    if (this.built === undefined) this.built = compileRendering(this.source);
    return this.built;
  }
}

/** The attribute conditions that move with the clock (`moving`) or those that do not. */
function attributeConditions(conditions: readonly AttributeCondition[], moving: boolean): readonly CompiledAttributeCondition[] {
  let compiled: CompiledAttributeCondition[] | undefined;
  for (const condition of conditions) {
    if (isRelative(condition) === moving) (compiled ??= []).push(compileAttributeCondition(condition));
  }
  return compiled ?? NONE;
}

function compileEventCondition(e: EventCondition): CompiledEventCondition {
  return { event: normalizeText(e.event), minCount: e.minCount, withinMs: (e.withinSeconds ?? 0) * 1000 };
}

function isRelative(condition: AttributeCondition): boolean {
  return "value" in condition && typeof condition.value === "object" && !Array.isArray(condition.value);
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value * 1000;
}

function trimmed(text: string): string {
  return text.trim();
}
