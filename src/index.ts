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
  ConversionOutcome,
  ConversionSummary,
  ConversionTally,
  CurrentInvitation,
  CurrentDecision,
  Decision,
  DecisionOperator,
  NoDecision,
  SelectedDecision,
  Device,
  EvaluateOptions,
  EventCondition,
  EventDefinition,
  Invitation,
  InvitationKind,
  InvitationState,
  JsonValue,
  OnlineOperator,
  OperatorConfig,
  PeriodSchedule,
  RecordEventOutcome,
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
export type { Ruleset } from "./compile/compile.js";
export type { Explanation } from "./evaluate/explain.js";
export type { CandidateExplanation } from "./evaluate/recorder.js";
export type { NoneReason, OfferReason, ReasonCode, WarningCode } from "./reason-codes.js";
export type { IssueCode } from "./config/issue-codes.js";
export type { ConfigIssue } from "./config/config-error.js";
export type { LintCode, LintFinding, LintSeverity } from "./lint/lint-codes.js";
export type { LintOptions } from "./lint/lint-invitations.js";
export type { SafeParseResult } from "./config/safe-parse-result.js";
export type { StateOptions } from "./state/state-options.js";
export type { PageView } from "./state/record-page-view.js";

export { evaluate } from "./evaluate/evaluate.js";
export { explain } from "./evaluate/explain.js";
export { compile, isRuleset } from "./compile/compile.js";
export { parseInvitations } from "./config/parse-invitations.js";
export { safeParseInvitations } from "./config/safe-parse-invitations.js";
export { parseVisitor } from "./config/parse-visitor.js";
export { safeParseVisitor } from "./config/safe-parse-visitor.js";
export { parseState } from "./config/parse-state.js";
export { safeParseState } from "./config/safe-parse-state.js";
export { parseEventDefinitions } from "./config/parse-event-definitions.js";
export { safeParseEventDefinitions } from "./config/safe-parse-event-definitions.js";
export { ConfigError, isConfigError } from "./config/config-error.js";
export { NONE_REASONS, OFFER_REASONS, REASON_CODES, WARNING_CODES } from "./reason-codes.js";
export { ISSUE_CODES } from "./config/issue-codes.js";
export { lintInvitations } from "./lint/lint-invitations.js";
export { simulateJourney, MAX_SIMULATION_RECHECKS } from "./simulate/simulate-journey.js";
export { describeHappening } from "./simulate/describe-happening.js";
export type { SimulateOptions } from "./simulate/simulate-journey.js";
export type { Timeline, TimelineEntry, TimelineDecision, TimelineHappening } from "./simulate/timeline.js";
export { parseJourney } from "./config/parse-journey.js";
export { safeParseJourney } from "./config/safe-parse-journey.js";
export { MAX_JOURNEY_STEPS } from "./config/journey-schema.js";
export type { Journey, JourneyStep, Duration } from "./config/journey-schema.js";
export { LINT_CODES, LINT_SEVERITIES, LINT_SEVERITY } from "./lint/lint-codes.js";
export { HASH_VERSION } from "./hashing/hash-unit.js";
export { MAX_OPERATORS_ONLINE } from "./evaluate/resolve-options.js";
export { MAX_VISITOR_EVENTS, MAX_VISITOR_LIST_LENGTH, MAX_VISITOR_STRING_LENGTH } from "./config/visitor-limits.js";
export { detectDevice } from "./conditions/detect-device.js";
export { emptyState } from "./state/empty-state.js";
export { applyDecision } from "./state/apply-decision.js";
export { recordShown } from "./state/record-shown.js";
export { recordClosed } from "./state/record-closed.js";
export { recordChatStarted } from "./state/record-chat-started.js";
export { recordPageView } from "./state/record-page-view.js";
export { startSession } from "./state/start-session.js";
export { isNewSession, SESSION_TIMEOUT_MS } from "./state/is-new-session.js";
export { recordConversion } from "./state/record-conversion.js";
export { summarize } from "./state/summarize.js";
export { recordEvent } from "./events/record-event.js";
export { pruneEvents, DEFAULT_MAX_EVENTS_PER_NAME } from "./events/prune-events.js";
