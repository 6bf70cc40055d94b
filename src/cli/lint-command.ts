import { lintInvitations, type LintSeverity } from "../index.js";
import { formatPath } from "../config/config-error.js";
import { EXIT, InputError, type CliIo } from "./io.js";
import { paint } from "./paint.js";
import { invitationsPart, safeParseInvitationsFile } from "./invitations-file.js";
import { issueLines, label, readJson } from "./read-json.js";

/** One lint finding as the command reports it. */
export interface LintReport {
  invitationId: string;
  code: string;
  severity: LintSeverity;
  path: (string | number)[];
  message: string;
}

/** What `lint` is asked: the file, the instant it judges from (epoch ms), and whether to print JSON. */
export interface LintRequest {
  file: string;
  at: number;
  json?: boolean;
}

/**
 * `beckon lint <invitations.json> [--at <instant>]`: what validation cannot refuse but is probably a mistake
 * (docs/lint.md), each finding with the invitation id, a code, a severity and a message. Exit code 1 for an error or
 * a warning, or an invalid file (whose problems are printed as `validate` prints them); 0 when nothing is found or
 * only `info` findings are (ties the visitor's hash settles are often intended).
 *
 * @example
 * await lintCommand(io, { file: "invitations.json", at: Date.parse("2026-12-02T18:00:00Z"), json: true })
 */
export async function lintCommand(io: CliIo, request: LintRequest): Promise<number> {
  const { file } = request;
  const input = await readJson(io, file);
  const parsed = safeParseInvitationsFile(input);
  if (!parsed.success) {
    throw new InputError(issueLines(file, parsed.error.issues).join("\n"));
  }
  // Paths in the file, as validate prints them: the wrapped form's list is under "invitations".
  const { at } = invitationsPart(input);
  const findings: LintReport[] = lintInvitations(parsed.data, { at: request.at }).map((finding) => ({
    invitationId: parsed.data[finding.path[0] as number]?.id ?? "",
    code: finding.code,
    severity: finding.severity,
    path: [...at, ...finding.path],
    message: finding.message,
  }));
  const failing = findings.filter((f) => f.severity !== "info").length;
  if (request.json === true) io.out(`${JSON.stringify({ findings }, null, 2)}\n`);
  else io.out(`${[head(io, file, findings.length, failing), ...lines(io, findings)].join("\n")}\n`);
  return failing === 0 ? EXIT.ok : EXIT.findings;
}

function head(io: CliIo, file: string, total: number, failing: number): string {
  const p = paint(io.colour);
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? "" : "s"}`;
  if (total === 0) return `${p.good("✓")} ${label(file)}: nothing found`;
  if (failing === 0) return `${p.good("✓")} ${label(file)}: nothing to fix, ${count(total, "note")}`;
  return `${p.bad("!")} ${label(file)}: ${count(total, "finding")}`;
}

function lines(io: CliIo, findings: readonly LintReport[]): string[] {
  const p = paint(io.colour);
  const severity = (s: LintSeverity): string => (s === "error" ? p.bad(s) : s === "warning" ? s : p.dim(s));
  return findings.map((f) => `  ${p.strong(f.invitationId)} ${formatPath(f.path)}  ${severity(f.severity)}  ${f.message}  ${p.dim(`(${f.code})`)}`);
}
