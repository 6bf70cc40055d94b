/**
 * `beckon/schema`: the JSON Schema (draft 2020-12) of an invitations file, for admin UIs that build forms from it
 * and for validators in other languages. It is generated from the schemas `parseInvitations` runs, with each field's
 * description and default; `parseInvitations` also checks the rules listed in docs/schema.md, which JSON Schema
 * cannot say (unique ids, time zones, URL patterns, …). The same document ships as `beckon/schema.json`.
 *
 * @example
 * import { invitationsJsonSchema } from "beckon/schema";
 * invitationsJsonSchema.$defs.Invitation.properties.position.description
 * // => "Priority: the lowest eligible position wins; may be negative. Default: 0."
 */
import generated from "../../schema.json" with { type: "json" };
import type { InvitationsJsonSchema } from "./json-schema.js";

export type { InvitationsJsonSchema, JsonSchemaNode } from "./json-schema.js";

/** The JSON Schema of an invitations file (the list, or `{ "$schema", "invitations" }`). Treat it as read-only. */
export const invitationsJsonSchema: InvitationsJsonSchema = generated as InvitationsJsonSchema;
