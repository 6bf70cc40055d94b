// The public API of "beckon": every export by name, types first. Storage adapters live behind their own entry points.
export type {
  AnnualSchedule,
  AttributeCondition,
  AttributeOperator,
  AttributeScalar,
  AttributeValue,
  ChatHistory,
  Clock,
  ConversionConfig,
  ConversionRecord,
  ConversionStatus,
  CurrentInvitation,
  Decision,
  DecisionOperator,
  Device,
  EvaluateOptions,
  EventCondition,
  Invitation,
  InvitationKind,
  InvitationState,
  JsonValue,
  OnlineOperator,
  OperatorConfig,
  PeriodSchedule,
  RelativeTime,
  RequiresConfig,
  Schedule,
  ScheduleWindow,
  Translation,
  Trigger,
  Variation,
  Visitor,
  VisitorEvent,
  WaitConfig,
  WeeklySchedule,
  Weekday,
} from "./types.js";
export type { Ruleset } from "./compile.js";
export type { Explanation } from "./explain.js";
export type { CandidateExplanation } from "./explain/recorder.js";
export type { ReasonCode } from "./explain/reason-codes.js";
export type { IssueCode } from "./config/issue-codes.js";
export type { ConfigIssue } from "./errors.js";
export type { SafeParseResult } from "./config/safe-parse-result.js";

export { evaluate } from "./evaluate.js";
export { explain } from "./explain.js";
export { compile, isRuleset } from "./compile.js";
export { parseInvitations } from "./config/parse-invitations.js";
export { safeParseInvitations } from "./config/safe-parse-invitations.js";
export { parseVisitor } from "./config/parse-visitor.js";
export { safeParseVisitor } from "./config/safe-parse-visitor.js";
export { parseState } from "./config/parse-state.js";
export { safeParseState } from "./config/safe-parse-state.js";
export { ConfigError, isConfigError } from "./errors.js";
export { REASON_CODES } from "./explain/reason-codes.js";
export { ISSUE_CODES } from "./config/issue-codes.js";
export { HASH_VERSION } from "./selection/hash-unit.js";
export { detectDevice } from "./conditions/detect-device.js";
