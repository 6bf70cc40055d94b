/**
 * Every zod schema of beckon in one place, for `test/types.test-d.ts` and for hosts that compose them. Each output type
 * is exactly the matching hand-written interface of `src/types/`. Parse with the `parseX` / `safeParseX` functions
 * rather than `schema.parse`, which would give zod's issues instead of beckon's.
 *
 * @example
 * import { invitationSchema } from "./schemas.js";
 * type Out = z.output<typeof invitationSchema>; // Invitation
 */
export { attributeConditionSchema, relativeTimeSchema } from "./attribute-condition-schema.js";
export { operatorSchema, translationSchema, translationsSchema, variationSchema } from "./content-schemas.js";
export {
  conversionSchema,
  eventConditionSchema,
  invitationSchema,
  invitationsSchema,
  requiresSchema,
  triggerSchema,
  waitSchema,
} from "./invitation-schema.js";
export { eventDefinitionSchema, eventDefinitionsSchema } from "./event-definition-schema.js";
export { jsonObjectSchema, jsonValueSchema } from "./json-value-schema.js";
export {
  annualScheduleSchema,
  periodScheduleSchema,
  scheduleSchema,
  scheduleWindowSchema,
  weeklyScheduleSchema,
} from "./schedule-schema.js";
export { conversionRecordSchema, currentInvitationSchema, stateSchema } from "./state-schema.js";
export { chatHistorySchema, visitorEventSchema, visitorSchema } from "./visitor-schema.js";
