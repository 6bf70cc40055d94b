import { readFile } from "node:fs/promises";
import { parseEventDefinitions, parseInvitations, type EventDefinition, type Invitation } from "beckon";

/** A validated invitation set with the event definitions its event conditions count. */
export interface InvitationFiles {
  invitations: Invitation[];
  events: EventDefinition[];
}

/**
 * Reads an invitations file (a list, or `{ "$schema": …, "invitations": [ … ] }` as `beckon validate` reads it) and
 * an event definitions file, and validates both with beckon's parse functions.
 *
 * @throws ConfigError listing every problem with its path; a file that is missing or not JSON throws as Node does.
 * @example
 * const { invitations, events } = await readInvitationFiles("invitations.json", "events.json");
 */
export async function readInvitationFiles(invitationsPath: string | URL, eventsPath: string | URL): Promise<InvitationFiles> {
  const file: unknown = JSON.parse(await readFile(invitationsPath, "utf8"));
  const list = isWrapped(file) ? file.invitations : file;
  return {
    invitations: parseInvitations(list),
    events: parseEventDefinitions(JSON.parse(await readFile(eventsPath, "utf8"))),
  };
}

function isWrapped(file: unknown): file is { invitations: unknown } {
  return typeof file === "object" && file !== null && !Array.isArray(file) && "invitations" in file;
}
