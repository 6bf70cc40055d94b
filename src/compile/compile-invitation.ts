import { compileAttributeCondition, type CompiledAttributeCondition } from "../conditions/compile-attribute-condition.js";
import type { UrlMatcher } from "../conditions/compile-url-patterns.js";
import { normalizeReferrerRule } from "../conditions/normalize-referrer-rule.js";
import { normalizeText } from "../conditions/text.js";
import { compileRendering, type CompiledRendering } from "../render/compile-rendering.js";
import type { CompiledSchedule } from "../schedule/compile-schedule.js";
import { hashKey } from "../hashing/hash-unit.js";
import { INVITATION_FIELD_NAMES, INVITATION_FIELDS, type InvitationField } from "../fields.js";
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
import { frozenJson } from "./frozen-json.js";
import { SharedPieces } from "./shared-pieces.js";

/** An event condition with its name normalised and its window in ms (0 = all records count). */
export interface CompiledEventCondition {
  event: string;
  minCount: number;
  withinMs: number;
}

/**
 * One invitation with its defaults applied and every matcher built, so evaluation only compares (docs/api.md: Invitation fields defaults).
 * `source` is the caller's object, handed back untouched in `Decision.invitation`; the fields are compiled from the
 * validated data (the same object when the caller passed the output of `parseInvitations`, else the copy validation
 * made, which is not kept). `wait`, `design` and `trigger` are deep-frozen copies: decisions hand them out, and no
 * caller may change what the next decision shows.
 */
export interface CompiledInvitation {
  source: Invitation;
  id: string;
  /** `hashKey(id)` as a signed 32-bit integer (the same bits): the invitation's half of its tie hash, worked out once. */
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
const NO_REQUIRES: Required<RequiresConfig> = Object.freeze({ email: false, username: false, phone: false });
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
  return new Compiled(invitation, invitation, false, new SharedPieces());
}

/**
 * {@link compileInvitation} for every invitation of a set, in the same order, with equal URL lists, schedules,
 * departments and devices compiled once and shared. `configs` are the validated invitations; `sources` the caller's
 * objects they came from, index for index (the same array when the caller passed the output of `parseInvitations`).
 * `owned` says the configs are beckon's own fresh copy, whose parts may be frozen in place; otherwise the parts a
 * decision hands out are copied before they are frozen.
 *
 * @example
 * compileInvitations([{ id: "a", message: "Hi", urls: ["/x"] }, { id: "b", message: "Yo", urls: ["/x"] }])
 * // => both share one URL matcher
 */
export function compileInvitations(
  configs: readonly Invitation[],
  sources: readonly Invitation[] = configs,
  owned = false,
): CompiledInvitation[] {
  const pieces = new SharedPieces();
  const compiled = new Array<CompiledInvitation>(configs.length);
  for (let i = 0; i < configs.length; i++) compiled[i] = compileSharing(sources[i] as Invitation, configs[i] as Invitation, owned, pieces);
  return compiled;
}

/**
 * One invitation of a set, as {@link compileInvitations} compiles it: from the validated `config`, handing back
 * `source`, sharing equal pieces through `pieces` (one per set). For a caller that validates and compiles invitation
 * by invitation, so each validated copy can be dropped as soon as it is compiled.
 *
 * @example
 * const pieces = new SharedPieces();
 * compileSharing(source, parsed, true, pieces).id // => parsed.id
 */
export function compileSharing(source: Invitation, config: Invitation, owned: boolean, pieces: SharedPieces): CompiledInvitation {
  return new Compiled(source, config, owned, pieces);
}

const OBJECT_PROTOTYPE: unknown = Object.prototype;

/**
 * The fields of a compiled invitation that few invitations set, and its content once built, kept apart: every
 * invitation that sets none of them shares {@link AT_DEFAULTS}, so a large set stores one reference instead of
 * eleven per invitation (a sixth of what it retains with all-distinct keys). The candidate index reads some of
 * them once per candidate; evaluation reads them only for the candidates it checks. The referrer and the schedule
 * stay on the invitation itself, though most sets leave them at their defaults: a candidate's checks read them in
 * every decision, and one more hop there costs the fixed per-decision cost a few per cent.
 */
class Rare {
  identifier = INVITATION_FIELDS.identifier.default;
  departments: ReadonlySet<string> | null = null;
  devices: ReadonlySet<Device> | null = null;
  movingAttributes: readonly CompiledAttributeCondition[] = NONE;
  /** The content, built on first use (see `Compiled.rendering`). */
  built: CompiledRendering | undefined = undefined;
  trigger: Trigger | undefined = undefined;
  requireOperatorIds: ReadonlySet<string> | null = null;
  minMsSinceLastVisit: number | undefined = undefined;
  minMsSinceLastChat: number | undefined = undefined;
  oncePerVisitor = INVITATION_FIELDS.oncePerVisitor.default;
  cooldownMs: number | undefined = undefined;
  wait: WaitConfig = NO_WAIT;
  requires: Required<RequiresConfig> = NO_REQUIRES;
  design: { [key: string]: JsonValue } = NO_DESIGN;
}

// Never written to (`Compiled.own` makes an invitation its own first). Not frozen: a frozen object has a shape of
// its own, and every read of these fields would then meet two.
const AT_DEFAULTS = new Rare();

/**
 * A compiled invitation: every field starts at its default (docs/api.md: Invitation fields) and each field the invitation sets is compiled
 * in {@link Compiled.read}. The invitations of a large set come in hundreds of shapes (each sets other fields), so
 * reading every named field from each would be a slow lookup per field, most of them for a field that is not there;
 * a plain object instead says through its own keys which fields it has, usually a handful.
 */
class Compiled implements CompiledInvitation {
  readonly source: Invitation;
  id = "";
  tieKey = 0;
  position = INVITATION_FIELDS.position.default;
  enabled = INVITATION_FIELDS.enabled.default;
  kind: InvitationKind = INVITATION_FIELDS.kind.default;
  timeOnSite = INVITATION_FIELDS.timeOnSite.default;
  pageviews = INVITATION_FIELDS.pageviews.default;
  language = INVITATION_FIELDS.language.default;
  tag = INVITATION_FIELDS.tag.default;
  urls: UrlMatcher | null = null;
  referrer = INVITATION_FIELDS.referrer.default;
  schedule: CompiledSchedule | null = null;
  attributes: readonly CompiledAttributeCondition[] = NONE;
  events: readonly CompiledEventCondition[] = NONE;
  private rare: Rare = AT_DEFAULTS;

  constructor(source: Invitation, config: Invitation, owned: boolean, pieces: SharedPieces) {
    this.source = source;
    const fields = config as unknown as Record<string, unknown>;
    if (Object.getPrototypeOf(config) === OBJECT_PROTOTYPE) {
      for (const key in fields) this.read(key, fields[key], owned, pieces);
    } else {
      // Own keys cannot be trusted to list the fields (a class instance with getters, an object without
      // `Object.prototype`): every field of the table is read by name.
      const names = INVITATION_FIELD_NAMES;
      for (let f = 0; f < names.length; f++) this.read(names[f] as string, fields[names[f] as string], owned, pieces);
    }
    // As a signed 32-bit integer: the same bits for the tie hash (it only XORs them), and small enough for V8 to
    // store in the object itself, where half of the unsigned values would each take a number box of their own.
    this.tieKey = hashKey(this.id) | 0;
  }

  get identifier(): string { return this.rare.identifier; }
  get departments(): ReadonlySet<string> | null { return this.rare.departments; }
  get devices(): ReadonlySet<Device> | null { return this.rare.devices; }
  get movingAttributes(): readonly CompiledAttributeCondition[] { return this.rare.movingAttributes; }
  get trigger(): Trigger | undefined { return this.rare.trigger; }
  get requireOperatorIds(): ReadonlySet<string> | null { return this.rare.requireOperatorIds; }
  get minMsSinceLastVisit(): number | undefined { return this.rare.minMsSinceLastVisit; }
  get minMsSinceLastChat(): number | undefined { return this.rare.minMsSinceLastChat; }
  get oncePerVisitor(): boolean { return this.rare.oncePerVisitor; }
  get cooldownMs(): number | undefined { return this.rare.cooldownMs; }
  get wait(): WaitConfig { return this.rare.wait; }
  get requires(): Required<RequiresConfig> { return this.rare.requires; }
  get design(): { [key: string]: JsonValue } { return this.rare.design; }

  /** The invitation's own {@link Rare} fields, made when it first sets one. */
  private own(): Rare {
    if (this.rare === AT_DEFAULTS) this.rare = new Rare();
    return this.rare;
  }

  /**
   * Built on first use: most invitations of a large set are never offered, and their content is most of what an
   * invitation costs to compile and to keep. Reads the source invitation, which `compile` asks callers not to change
   * (the validated copy is not kept for this: it would add a fifth to a large set's retained memory).
   */
  get rendering(): CompiledRendering {
    return this.rare.built ?? (this.own().built = compileRendering(this.source));
  }

  /**
   * Compiles one field of the (validated) invitation; an absent one keeps its default. Every field of the table has its
   * case, so one added to the table without it fails to compile (the `never` check in `default`).
   */
  private read(key: string, value: unknown, owned: boolean, pieces: SharedPieces): void {
    if (value === undefined) return;
    const v = value as never;
    const k = key as InvitationField;
    switch (k) {
      case "id": this.id = v; return;
      case "position": this.position = v; return;
      case "enabled": this.enabled = v; return;
      case "kind": this.kind = v; return;
      case "trigger": this.own().trigger = frozenJson(v, !owned); return;
      case "timeOnSite": this.timeOnSite = v; return;
      case "pageviews": this.pageviews = v; return;
      case "language": this.language = normalizeText(v); return;
      case "identifier": this.own().identifier = normalizeText(v); return;
      case "tag": this.tag = normalizeText(v); return;
      case "departments": this.own().departments = pieces.departments(v); return;
      case "referrer": this.referrer = normalizeReferrerRule(v); return;
      case "devices": this.own().devices = pieces.devices(v); return;
      case "urls": this.urls = pieces.urls(v); return;
      case "schedule": this.schedule = pieces.schedule(v); return;
      case "attributes":
        this.attributes = attributeConditions(v, false, pieces);
        if ((v as AttributeCondition[]).some(isRelative)) this.own().movingAttributes = attributeConditions(v, true, pieces);
        return;
      case "events": this.events = (v as EventCondition[]).length === 0 ? NONE : (v as EventCondition[]).map(compileEventCondition); return;
      case "requireOperatorIds": this.own().requireOperatorIds = (v as string[]).length === 0 ? null : new Set((v as string[]).map(trimmed)); return;
      case "minSecondsSinceLastVisit": this.own().minMsSinceLastVisit = (v as number) * 1000; return;
      case "minSecondsSinceLastChat": this.own().minMsSinceLastChat = (v as number) * 1000; return;
      case "oncePerVisitor": this.own().oncePerVisitor = v; return;
      case "cooldownSeconds": this.own().cooldownMs = (v as number) * 1000; return;
      case "wait": this.own().wait = frozenJson(v, !owned); return;
      case "requires": this.own().requires = pieces.requires(v); return;
      case "design": this.own().design = frozenJson(v, !owned); return;
      // Read by the reducers and by rendering from `source`, not compiled here.
      case "name":
      case "showLimit":
      case "urlBound":
      case "hideForSessionAfterClose":
      case "nextOnUrlChange":
      case "expiresAfterSeconds":
      case "message":
      case "returningMessage":
      case "returningNick":
      case "translations":
      case "operator":
      case "variations":
      case "conversion":
      case "campaign":
        return;
      default: k satisfies never;
    }
  }
}

/**
 * The attribute conditions that move with the clock (`moving`) or those that do not, in a list of their length (one
 * grown by `push` would keep room for 16).
 */
function attributeConditions(
  conditions: readonly AttributeCondition[],
  moving: boolean,
  pieces: SharedPieces,
): readonly CompiledAttributeCondition[] {
  if (conditions.length === 1) {
    const only = conditions[0] as AttributeCondition;
    return isRelative(only) === moving ? [compileAttributeCondition(only, pieces.predicates)] : NONE;
  }
  let compiled: CompiledAttributeCondition[] | undefined;
  for (const condition of conditions) {
    if (isRelative(condition) === moving) (compiled ??= []).push(compileAttributeCondition(condition, pieces.predicates));
  }
  return compiled === undefined ? NONE : compiled.slice();
}

function compileEventCondition(e: EventCondition): CompiledEventCondition {
  return { event: normalizeText(e.event), minCount: e.minCount, withinMs: (e.withinSeconds ?? 0) * 1000 };
}

function isRelative(condition: AttributeCondition): boolean {
  return "value" in condition && typeof condition.value === "object" && !Array.isArray(condition.value);
}

function trimmed(text: string): string {
  return text.trim();
}
