import { explain, safeParseVisitor, type EvaluateOptions, type Trigger } from "../index.js";
import { checkOneStandardInput } from "./check-one-standard-input.js";
import { readOptionsFile } from "./options-file.js";
import { formatInstant } from "./format-instant.js";
import { EXIT, InputError, UsageError, type CliIo } from "./io.js";
import { paint } from "./paint.js";
import { safeParseInvitationsFile } from "./invitations-file.js";
import { issueLines, label, readJson } from "./read-json.js";

/** How `beckon explain` was called. */
export interface ExplainArguments {
  invitations: string;
  visitor: string;
  at: number;
  options?: string;
  trigger?: string;
  json?: boolean;
}

/**
 * `beckon explain <invitations.json> <visitor.json> [--at] [--options] [--trigger]`: the decision, and every
 * invitation in rank order with whether it was eligible and why (explain's reasons), and `recheckAt` as an instant in
 * the options' time zone. Exit code 0 when it ran (whatever the decision), 1 when an input is invalid.
 *
 * @example
 * await explainCommand(io, { invitations: "set.json", visitor: "ana.json", at: Date.UTC(2026, 11, 2, 18) })
 */
export async function explainCommand(io: CliIo, args: ExplainArguments): Promise<number> {
  checkOneStandardInput([args.invitations, args.visitor, args.options]);
  const invitations = safeParseInvitationsFile(await readJson(io, args.invitations));
  const visitor = safeParseVisitor(await readJson(io, args.visitor));
  const given = await readOptionsFile(io, args.options);
  const problems = [
    ...(invitations.success ? [] : issueLines(args.invitations, invitations.error.issues)),
    ...(visitor.success ? [] : issueLines(args.visitor, visitor.error.issues)),
    ...given.problems,
  ];
  if (!invitations.success || !visitor.success || given.problems.length > 0) throw new InputError(problems.join("\n"));
  const options: EvaluateOptions = { ...given.options, ...(args.trigger === undefined ? {} : { trigger: parseTrigger(args.trigger) }) };
  const result = explain(invitations.data, visitor.data, args.at, options);
  if (result.decision.reason === "invalid_options") throw new InputError(`${label(args.options ?? "options")}: not valid evaluation options`);
  if (args.json === true) {
    io.out(`${JSON.stringify({ decision: { ...result.decision, invitation: result.decision.invitation?.id ?? null }, candidates: result.candidates }, null, 2)}\n`);
    return EXIT.ok;
  }
  const zone = options.timeZone ?? "UTC";
  const p = paint(io.colour);
  const { decision } = result;
  const lines = [`${p.strong("at")}         ${formatInstant(args.at, zone)}`];
  if (decision.invitation === null) lines.push(`${p.strong("decision")}   ${p.bad("none")} (${decision.reason})`);
  else {
    const variation = decision.variationId !== null && decision.variationId !== decision.invitation.id ? ` (variation ${decision.variationId})` : "";
    lines.push(`${p.strong("decision")}   ${p.good(decision.status)} ${decision.invitation.id}${variation} (${decision.reason})`);
    lines.push(`${p.strong("message")}    ${decision.message}`);
    if (decision.operator !== null) lines.push(`${p.strong("sender")}     ${decision.operator.name}`);
  }
  for (const armed of decision.armed) lines.push(`${p.strong("armed")}      ${armed.invitationId} on ${armed.trigger.type === "idle" ? `idle ${armed.trigger.seconds}s` : "exit intent"}`);
  lines.push(`${p.strong("recheckAt")}  ${decision.recheckAt === null ? "never (nothing changes with time alone)" : formatInstant(decision.recheckAt, zone)}`);
  if (decision.warnings.length > 0) lines.push(`${p.strong("warnings")}   ${decision.warnings.join(", ")}`);
  lines.push("", p.dim("invitation (rank order)".padEnd(28) + "eligible  reasons"));
  for (const candidate of result.candidates) {
    const mark = candidate.eligible ? p.good("yes") : p.bad("no ");
    lines.push(`${candidate.invitationId.padEnd(28)}${mark}       ${candidate.reasons.join(", ")}`);
  }
  io.out(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** `--trigger exitIntent` or `--trigger idle:<seconds>`, the seconds a finite number as evaluation options need. */
function parseTrigger(text: string): Trigger {
  if (text === "exitIntent") return { type: "exitIntent" };
  const idle = /^idle:(\d+(?:\.\d+)?)$/.exec(text);
  // 400 digits read as Infinity, which evaluate refuses as invalid options: that would blame the options file.
  const seconds = Number(idle?.[1]);
  if (Number.isFinite(seconds)) return { type: "idle", seconds };
  throw new UsageError(`--trigger must be exitIntent or idle:<seconds>, not ${JSON.stringify(text)}`);
}
