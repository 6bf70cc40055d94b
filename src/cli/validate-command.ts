import { resolve } from "node:path";
import { knownKeysAt, type DocumentKind } from "../config/known-keys.js";
import { safeParseEventDefinitions } from "../config/safe-parse-event-definitions.js";
import { formatPath, type ConfigIssue } from "../config/config-error.js";
import { checkOneStandardInput } from "./check-one-standard-input.js";
import { didYouMean } from "./did-you-mean.js";
import { invitationsPart, safeParseInvitationsFile } from "./invitations-file.js";
import { EXIT, InputError, UsageError, type CliIo } from "./io.js";
import { paint } from "./paint.js";
import { label, readJson } from "./read-json.js";

/** One problem as `beckon validate` reports it: the issue, the file it is in, and a hint when one helps. */
export interface ValidateFinding extends ConfigIssue {
  file: string;
  hint?: string;
}

/**
 * `beckon validate <invitations.json> [--events <events.json>]`: every problem in the files with its path, code and
 * message, and for an unknown key the known key it most likely meant. Exit code 0 when both are valid, 1 otherwise.
 *
 * @example
 * await validateCommand(io, "invitations.json", { json: true }) // prints { valid, files, findings } and returns 0 or 1
 */
export async function validateCommand(io: CliIo, file: string, options: { events?: string; json?: boolean }): Promise<number> {
  checkOneStandardInput([file, options.events]);
  // Results are listed per file: one file read as both would have its two results mixed under one heading.
  if (options.events !== undefined && file !== "-" && resolve(file) === resolve(options.events)) {
    throw new UsageError(`the invitations file and --events name the same file (${options.events}): a file holds one or the other`);
  }
  const documents: [DocumentKind, string][] = [["invitations", file], ...(options.events === undefined ? [] : [["event definitions", options.events] as [DocumentKind, string]])];
  const findings: ValidateFinding[] = [];
  const counts: Record<string, { count: number; kind: DocumentKind }> = {};
  // A file that cannot be read is reported after the others' results, not instead of them.
  const unread: string[] = [];
  for (const [kind, path] of documents) {
    let input: unknown;
    try {
      input = await readJson(io, path);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unread.push(error.message);
      continue;
    }
    const part = kind === "invitations" ? invitationsPart(input) : { list: input, at: [] };
    const parsed = kind === "invitations" ? safeParseInvitationsFile(input) : safeParseEventDefinitions(input);
    counts[label(path)] = { count: Array.isArray(part.list) ? part.list.length : 0, kind };
    if (!parsed.success) for (const issue of parsed.error.issues) findings.push(withHint({ ...issue, file: label(path) }, kind, part.at.length));
  }
  // With nothing read, only the reasons are printed.
  if (Object.keys(counts).length > 0) {
    const valid = findings.length === 0 && unread.length === 0;
    io.out(options.json === true ? `${JSON.stringify({ valid, findings }, null, 2)}\n` : describe(findings, counts, io.colour));
  }
  if (unread.length > 0) throw new InputError(unread.join("\n"));
  return findings.length === 0 ? EXIT.ok : EXIT.findings;
}

/** `skip`: how many leading path parts name where the list sits in the file (the wrapped form's `invitations`). */
function withHint(finding: ValidateFinding, kind: DocumentKind, skip: number): ValidateFinding {
  const key = finding.path.at(-1);
  if (finding.code !== "unknown_key" || typeof key !== "string" || finding.path.length <= skip) return finding;
  const hint = didYouMean(key, knownKeysAt(kind, finding.path.slice(skip, -1)));
  return hint === undefined ? finding : { ...finding, hint: `did you mean "${hint}"?` };
}

function describe(findings: readonly ValidateFinding[], counts: Record<string, { count: number; kind: DocumentKind }>, colour: boolean): string {
  const p = paint(colour);
  const lines: string[] = [];
  for (const [file, { count, kind }] of Object.entries(counts)) {
    const own = findings.filter((finding) => finding.file === file);
    const noun = kind === "invitations" ? "invitation" : "event definition";
    const what = `${count} ${noun}${count === 1 ? "" : "s"}`;
    if (own.length === 0) {
      lines.push(`${p.good("✓")} ${file}: ${what}, valid`);
      continue;
    }
    lines.push(`${p.bad("✗")} ${file}: ${what}, ${p.bad(own.length === 1 ? "1 problem" : `${own.length} problems`)}`);
    for (const finding of own) {
      const hint = finding.hint === undefined ? "" : ` — ${p.strong(finding.hint)}`;
      lines.push(`  ${p.strong(formatPath(finding.path))}  ${finding.message}${hint}  ${p.dim(`(${finding.code})`)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
