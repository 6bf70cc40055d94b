import { lintInvitations, safeParseInvitations } from "../index.js";
import { formatPath } from "../config/config-error.js";
import { EXIT, InputError, type CliIo } from "./io.js";
import { paint } from "./paint.js";
import { issueLines, label, readJson } from "./read-json.js";

/** One lint finding as the command reports it. */
export interface LintReport {
  invitationId: string;
  code: string;
  severity: "warning";
  path: (string | number)[];
  message: string;
}

/**
 * `beckon lint <invitations.json>`: what validation cannot refuse but is probably a mistake, each finding with the
 * invitation id, a code, a severity and a message. Exit code 0 when nothing is found, 1 for findings or an invalid
 * file (whose problems are printed as `validate` prints them).
 *
 * @example
 * await lintCommand(io, "invitations.json", { json: true })
 */
export async function lintCommand(io: CliIo, file: string, options: { json?: boolean }): Promise<number> {
  const parsed = safeParseInvitations(await readJson(io, file));
  if (!parsed.success) {
    throw new InputError(issueLines(file, parsed.error.issues).join("\n"));
  }
  const findings: LintReport[] = lintInvitations(parsed.data).map((finding) => ({
    invitationId: parsed.data[finding.path[0] as number]?.id ?? "",
    code: finding.code,
    severity: "warning",
    path: finding.path,
    message: finding.message,
  }));
  if (options.json === true) io.out(`${JSON.stringify({ findings }, null, 2)}\n`);
  else {
    const p = paint(io.colour);
    const head = findings.length === 0 ? `${p.good("✓")} ${label(file)}: nothing found` : `${p.bad("!")} ${label(file)}: ${findings.length} finding${findings.length === 1 ? "" : "s"}`;
    const lines = findings.map((f) => `  ${p.strong(f.invitationId)} ${formatPath(f.path)}  ${f.severity}  ${f.message}  ${p.dim(`(${f.code})`)}`);
    io.out(`${[head, ...lines].join("\n")}\n`);
  }
  return findings.length === 0 ? EXIT.ok : EXIT.findings;
}
