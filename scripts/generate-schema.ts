// Writes schema.json: the JSON Schema (draft 2020-12) of an invitations file, generated from the zod schemas
// parseInvitations runs (src/config/) with the descriptions and defaults of the public types' TSDoc (src/types.ts).
// The file is committed, not built: reviewers see in a diff what a change to the schemas does to editors and form
// builders, and test/unit/schema/generated.test.ts fails when regenerating would give other bytes.
// Regenerate with `npm run generate:schema`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod/mini";
import * as schemas from "../src/config/schemas.js";
import { nonEmptyStringSchema, requiredTemplateSchema, templateSchema } from "../src/config/field-schemas.js";
import { readTypeDocs, type TypeDoc } from "./generate-schema-docs.js";

const root = join(fileURLToPath(import.meta.url), "..", "..");

type Json = Record<string, unknown>;
type ZodNode = z.core.$ZodType;

/** Schemas that become `$defs`, named after the public type each one is exactly (test/types.test-d.ts). */
const DEFS: [ZodNode, string][] = [
  [schemas.invitationSchema, "Invitation"],
  [schemas.triggerSchema, "Trigger"],
  [schemas.scheduleSchema, "Schedule"],
  [schemas.weeklyScheduleSchema, "WeeklySchedule"],
  [schemas.periodScheduleSchema, "PeriodSchedule"],
  [schemas.annualScheduleSchema, "AnnualSchedule"],
  [schemas.scheduleWindowSchema, "ScheduleWindow"],
  [schemas.attributeConditionSchema, "AttributeCondition"],
  [schemas.relativeTimeSchema, "RelativeTime"],
  [schemas.eventConditionSchema, "EventCondition"],
  [schemas.operatorSchema, "OperatorConfig"],
  [schemas.translationSchema, "Translation"],
  [schemas.translationsSchema, "Translations"],
  [schemas.waitSchema, "WaitConfig"],
  [schemas.requiresSchema, "RequiresConfig"],
  [schemas.variationSchema, "Variation"],
  [schemas.conversionSchema, "ConversionConfig"],
  [schemas.jsonValueSchema, "JsonValue"],
];

// The rules zod checks in refinements, which toJSONSchema cannot see. Each is written here as JSON Schema where JSON
// Schema can say it exactly; docs/schema.md lists the ones it cannot, and test/unit/schema/ shows each.

/** `trim() !== ""`: JavaScript's `\s` is exactly the white space `trim` removes. */
const NOT_BLANK = "\\S";
/** A `{lhc.` that does not start a well-formed `{lhc.var.KEY}` / `{lhc.add.KEY}` (src/render/placeholders.ts). */
const MALFORMED_PLACEHOLDER = "\\{lhc\\.(?!(?:var|add)\\.[A-Za-z0-9_.-]+\\})";
/** What `numericValue` reads as a number, around the trimming it does (an overflow to Infinity aside). */
const NUMERIC = "^\\s*[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*$";
/** `HH:mm`, 00:00 to 23:59 (src/schedule/clock-time.ts). */
const CLOCK_TIME = "^(?:[01]\\d|2[0-3]):[0-5]\\d$";
/** `MM-DD HH:mm` on a day that exists in a leap year (src/schedule/annual-point.ts). */
const ANNUAL_POINT =
  "^(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|[12]\\d)) " +
  "(?:[01]\\d|2[0-3]):[0-5]\\d$";
/** The ISO 8601 forms a period end may take (src/schedule/period-bound.ts); a day past its month's end aside. */
const PERIOD_BOUND =
  "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])" +
  "(?:T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)?)?$";
/** A locale key (src/config/check-locales.ts). */
const LOCALE = "^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$";

/** The attribute condition whose `value` is a numeric string, a number or a relative time (gt, gte, lt, lte). */
function numericStringSchema(): ZodNode {
  const options = (schemas.attributeConditionSchema._zod.def as unknown as { options: ZodNode[] }).options;
  const comparison = options[1] as unknown as { _zod: { def: { shape: { value: ZodNode } } } };
  const union = comparison._zod.def.shape.value._zod.def as unknown as { options: ZodNode[] };
  return union.options[1] as ZodNode;
}

/** Extra keywords for a zod schema, by identity: the refinements it carries, said in JSON Schema. */
function refinements(): Map<ZodNode, Json> {
  return new Map<ZodNode, Json>([
    [nonEmptyStringSchema, { pattern: NOT_BLANK }],
    [templateSchema, { not: { pattern: MALFORMED_PLACEHOLDER } }],
    [requiredTemplateSchema, { pattern: NOT_BLANK, not: { pattern: MALFORMED_PLACEHOLDER } }],
    [numericStringSchema(), { pattern: NUMERIC }],
  ]);
}

/** Extra keywords by place, for rules on a string that zod checks where the string sits (in the schedule's refinement). */
const PLACED: [string[], Json][] = [
  [["ScheduleWindow", "properties", "start"], { pattern: CLOCK_TIME }],
  [["ScheduleWindow", "properties", "end"], { pattern: CLOCK_TIME }],
  [["AnnualSchedule", "properties", "from"], { pattern: ANNUAL_POINT }],
  [["AnnualSchedule", "properties", "to"], { pattern: ANNUAL_POINT }],
  [["PeriodSchedule", "properties", "from"], { anyOf: [{ type: "number" }, { type: "string", pattern: PERIOD_BOUND }] }],
  [["PeriodSchedule", "properties", "to"], { anyOf: [{ type: "number" }, { type: "string", pattern: PERIOD_BOUND }] }],
  [["Translations", "propertyNames"], { pattern: LOCALE }],
];

/** Any JSON value, no object key `__proto__` at any depth (src/config/json-value-schema.ts). */
const JSON_VALUE: Json = {
  anyOf: [
    { type: ["null", "boolean", "number", "string"] },
    { type: "array", items: { $ref: "#/$defs/JsonValue" } },
    {
      type: "object",
      propertyNames: { not: { const: "__proto__" } },
      additionalProperties: { $ref: "#/$defs/JsonValue" },
    },
  ],
};

/**
 * How `kind`, `trigger` and `events` go together (src/config/check-kind-rules.ts): a dynamic invitation needs a
 * trigger and no events; any other kind has no trigger.
 */
const KIND_RULES: Json = {
  if: { properties: { kind: { const: "dynamic" } }, required: ["kind"] },
  then: { required: ["trigger"], properties: { events: { maxItems: 0 } } },
  else: { not: { required: ["trigger"] } },
};

/**
 * The JSON Schema of an invitations file.
 *
 * @example
 * invitationsJsonSchema().$defs.Invitation.properties.position
 * // => { type: "integer", …, description: "Priority: …", default: 0 }
 */
export function invitationsJsonSchema(): Json {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of DEFS) registry.add(schema, { id });
  const extra = refinements();
  // `z.custom().check(…)`: zod also visits the unchecked `z.custom()` it was made from.
  const jsonValueInput = (schemas.jsonValueSchema._zod.def as unknown as { in: ZodNode }).in;
  const jsonValueParts = new Set<unknown>([jsonValueInput, jsonValueInput._zod.parent]);
  const generated = z.toJSONSchema(schemas.invitationsSchema, {
    target: "draft-2020-12",
    io: "input",
    metadata: registry,
    // Only the JSON value check is a custom type; anything else new must be handled here, not silently widened.
    unrepresentable: (context) => {
      if (jsonValueParts.has(context.zodSchema)) return {};
      throw new Error(`no JSON Schema for a ${context.zodSchema._zod.def.type} at ${context.path.join(".")}`);
    },
    override: (context) => {
      if (context.zodSchema === schemas.jsonValueSchema) {
        for (const key of Object.keys(context.jsonSchema)) delete (context.jsonSchema as Json)[key];
        Object.assign(context.jsonSchema, JSON_VALUE);
      }
      const more = extra.get(context.zodSchema);
      if (more !== undefined) Object.assign(context.jsonSchema, more);
    },
  }) as Json;
  const defs = generated["$defs"] as Record<string, Json>;
  for (const [path, keywords] of PLACED) place(defs, path, keywords);
  Object.assign(defs["Invitation"] as Json, KIND_RULES);
  // The designs' record allows no `__proto__` key either (recordOf in src/config/field-schemas.ts).
  place(defs, ["Invitation", "properties", "design", "propertyNames"], { not: { const: "__proto__" } });
  describeDefs(defs, readTypeDocs(join(root, "src", "types.ts")));
  defs["Invitations"] = {
    description: "A list of proactive chat invitations, as parseInvitations takes it.",
    type: generated["type"],
    items: generated["items"],
  };
  return {
    $schema: generated["$schema"],
    title: "beckon invitations",
    description:
      "An invitations file: the list of proactive chat invitations itself, or an object holding it under " +
      "`invitations` with this schema's address under `$schema`, so an editor finds the schema from the file. " +
      "Rules that span several fields or need more than JSON Schema (unique ids, time zones, URL patterns, regexes) " +
      "are checked by parseInvitations and `beckon validate` only.",
    anyOf: [
      { $ref: "#/$defs/Invitations" },
      {
        type: "object",
        properties: {
          $schema: { type: "string", description: "Where editors find this schema, e.g. ./node_modules/beckon/schema.json." },
          invitations: { $ref: "#/$defs/Invitations" },
        },
        required: ["invitations"],
        additionalProperties: false,
      },
    ],
    $defs: sortKeys(defs),
  };
}

function place(defs: Record<string, Json>, path: string[], keywords: Json): void {
  let node: Json | undefined = defs;
  for (const key of path) {
    const next: unknown = node?.[key];
    if (next === undefined || typeof next !== "object" || next === null) throw new Error(`no ${path.join(".")} in the schema`);
    node = next as Json;
  }
  if (path[path.length - 1] === "from" || path[path.length - 1] === "to") delete node["type"];
  Object.assign(node, keywords);
}

/** Each definition's and each property's description (and `default` when the tag is JSON) from the public types. */
function describeDefs(defs: Record<string, Json>, docs: Map<string, TypeDoc>): void {
  for (const [name, def] of Object.entries(defs)) {
    const doc = docs.get(name);
    if (doc === undefined) continue;
    if (doc.text !== "") def["description"] = doc.text;
    const properties = def["properties"] as Record<string, Json> | undefined;
    for (const [key, property] of Object.entries(properties ?? {})) {
      const own = doc.properties.get(key);
      if (own === undefined || own.text === "") continue;
      property["description"] = own.default === undefined ? own.text : `${own.text} Default: ${own.default}.`;
      const value = jsonDefault(own.default);
      if (value !== undefined) property["default"] = value;
    }
  }
  const invitation = docs.get("Invitation");
  const missing = [...(invitation?.properties.keys() ?? [])].filter((key) => {
    const property = (defs["Invitation"]?.["properties"] as Record<string, Json>)[key];
    return property?.["description"] === undefined;
  });
  if (missing.length > 0) throw new Error(`Invitation fields without a description: ${missing.join(", ")}`);
}

/** A `@default` tag that is JSON (`""`, `0`, `["desktop", …]`) is the JSON Schema `default`; prose is not. */
function jsonDefault(tag: string | undefined): unknown {
  if (tag === undefined) return undefined;
  try {
    return JSON.parse(tag) as unknown;
  } catch {
    return undefined;
  }
}

function sortKeys(record: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The file's bytes: two-space JSON and a final newline, as `beckon schema` prints it. */
export function invitationsJsonSchemaText(): string {
  return `${JSON.stringify(invitationsJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(root, "schema.json"), invitationsJsonSchemaText());
  console.log("wrote schema.json");
}
