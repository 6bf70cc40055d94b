/**
 * Public data model of beckon (docs/api.md: Invitation fields, Visitor snapshot, Decision).
 *
 * These interfaces are written by hand so that they read well in editors; `test/types.test-d.ts` proves that each
 * one is exactly the output type of its zod schema in `src/config/`, so the two can never drift apart.
 *
 * They are written by topic in src/types/ (invitation, visitor, state, options, decision, events); this module is
 * their one door, so the rest of the code imports the model from one place.
 */
export type {
  Device,
  InvitationKind,
  Trigger,
  ScheduleWindow,
  Weekday,
  WeeklySchedule,
  PeriodSchedule,
  AnnualSchedule,
  Schedule,
  RelativeTime,
  AttributeScalar,
  AttributeCondition,
  AttributeOperator,
  EventCondition,
  OperatorConfig,
  Translation,
  WaitConfig,
  RequiresConfig,
  Variation,
  ConversionConfig,
  JsonValue,
  Invitation,
} from "./types/invitation.js";
export type { AttributeValue, VisitorEvent, ChatHistory, Visitor } from "./types/visitor.js";
export type {
  CurrentInvitation,
  ConversionStatus,
  ConversionRecord,
  ConversionTally,
  InvitationState,
  ConversionOutcome,
  ConversionSummary,
} from "./types/state.js";
export type { OnlineOperator, EvaluateOptions, Clock } from "./types/options.js";
export type { DecisionOperator, SelectedDecision, CurrentDecision, NoDecision, Decision } from "./types/decision.js";
export type { EventDefinition, RecordEventOutcome } from "./types/events.js";
