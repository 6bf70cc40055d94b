import { ConfigError, type ConfigIssue } from "../config/config-error.js";
import { safeParseInvitations } from "../config/safe-parse-invitations.js";
import type { SafeParseResult } from "../config/safe-parse-result.js";
import type { Invitation } from "../index.js";

/** Where an invitations file holds its list: the file itself (`[]`), or `["invitations"]` in the wrapped form. */
export interface InvitationsPart {
  list: unknown;
  at: readonly string[];
  issues: ConfigIssue[];
}

/**
 * The list of an invitations file as the commands read it: the file itself, or — so that an editor finds
 * beckon/schema.json from the file — an object `{ "$schema": "…", "invitations": [ … ] }`. An object with an
 * `invitations` key is read as the wrapped form; any key beside `$schema` and `invitations` is reported.
 *
 * @example
 * invitationsPart({ $schema: "./node_modules/beckon/schema.json", invitations: [] }) // => { list: [], at: ["invitations"], issues: [] }
 */
export function invitationsPart(input: unknown): InvitationsPart {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !Object.hasOwn(input, "invitations")) {
    return { list: input, at: [], issues: [] };
  }
  const file = input as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(file)) {
    if (key !== "$schema" && key !== "invitations") issues.push({ code: "unknown_key", path: [key], message: `unknown key ${JSON.stringify(key)}` });
  }
  if (file["$schema"] !== undefined && typeof file["$schema"] !== "string") {
    issues.push({ code: "invalid_type", path: ["$schema"], message: "expected a string (the schema's address)" });
  }
  return { list: file["invitations"], at: ["invitations"], issues };
}

/**
 * `safeParseInvitations` on an invitations file in either form, every issue at its path in the file.
 *
 * @example
 * safeParseInvitationsFile({ invitations: [{ id: "a" }] }) // fails: invitations[0].message missing
 */
export function safeParseInvitationsFile(input: unknown): SafeParseResult<Invitation[]> {
  const part = invitationsPart(input);
  const parsed = safeParseInvitations(part.list);
  if (parsed.success && part.issues.length === 0) return parsed;
  const listed = parsed.success ? [] : parsed.error.issues.map((issue) => ({ ...issue, path: [...part.at, ...issue.path] }));
  return { success: false, error: new ConfigError([...part.issues, ...listed], "invitations") };
}
