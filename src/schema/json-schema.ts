/**
 * One node of a JSON Schema, typed loosely: the keywords beckon's schema uses, and any other (JSON Schema is open).
 *
 * @example
 * const node: JsonSchemaNode = { type: "integer", minimum: 0, description: "Counts." };
 */
export interface JsonSchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchemaNode;
  readonly additionalProperties?: boolean | JsonSchemaNode;
  readonly propertyNames?: JsonSchemaNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly not?: JsonSchemaNode;
  readonly [keyword: string]: unknown;
}

/**
 * The invitations file's schema: the list (`#/$defs/Invitations`, items `#/$defs/Invitation`), or an object holding
 * it under `invitations` beside `$schema`; a definition per public type (`Invitation`, `Schedule`,
 * `AttributeCondition`, `Variation`, …).
 *
 * @example
 * Object.keys(invitationsJsonSchema.$defs) // => ["AnnualSchedule", "AttributeCondition", …]
 */
export interface InvitationsJsonSchema extends JsonSchemaNode {
  readonly $schema: "https://json-schema.org/draft/2020-12/schema";
  readonly title: string;
  readonly anyOf: readonly JsonSchemaNode[];
  readonly $defs: Readonly<Record<string, JsonSchemaNode>> & { readonly Invitation: JsonSchemaNode; readonly Invitations: JsonSchemaNode };
}
