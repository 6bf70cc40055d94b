// Proves that every zod schema's output is exactly the hand-written interface of src/types.ts, so the two can never
// drift apart (the interfaces are what users read; the schemas are what parses).
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import type {
  attributeConditionSchema,
  eventDefinitionSchema,
  invitationSchema,
  invitationsSchema,
  jsonValueSchema,
  operatorSchema,
  scheduleSchema,
  stateSchema,
  translationSchema,
  triggerSchema,
  variationSchema,
  visitorSchema,
} from "../src/config/schemas.js";
import type { parseInvitations } from "../src/config/parse-invitations.js";
import type { SafeParseResult } from "../src/config/safe-parse-result.js";
import type { safeParseVisitor } from "../src/config/safe-parse-visitor.js";
import type { ConfigError } from "../src/config/config-error.js";
import type { NoneReason, OfferReason, WarningCode } from "../src/reason-codes.js";
import type {
  AttributeCondition,
  Decision,
  DecisionOperator,
  EventDefinition,
  Invitation,
  InvitationState,
  JsonValue,
  OperatorConfig,
  Schedule,
  Translation,
  Trigger,
  Variation,
  Visitor,
} from "../src/types.js";

describe("schema output types", () => {
  it("Invitation", () => {
    expectTypeOf<z.output<typeof invitationSchema>>().toEqualTypeOf<Invitation>();
    expectTypeOf<z.output<typeof invitationsSchema>>().toEqualTypeOf<Invitation[]>();
  });

  it("Visitor", () => {
    expectTypeOf<z.output<typeof visitorSchema>>().toEqualTypeOf<Visitor>();
  });

  it("InvitationState", () => {
    expectTypeOf<z.output<typeof stateSchema>>().toEqualTypeOf<InvitationState>();
  });

  it("Schedule", () => {
    expectTypeOf<z.output<typeof scheduleSchema>>().toEqualTypeOf<Schedule>();
  });

  it("AttributeCondition", () => {
    expectTypeOf<z.output<typeof attributeConditionSchema>>().toEqualTypeOf<AttributeCondition>();
  });

  it("Variation and its parts", () => {
    expectTypeOf<z.output<typeof variationSchema>>().toEqualTypeOf<Variation>();
    expectTypeOf<z.output<typeof operatorSchema>>().toEqualTypeOf<OperatorConfig>();
    expectTypeOf<z.output<typeof translationSchema>>().toEqualTypeOf<Translation>();
  });

  it("EventDefinition", () => {
    expectTypeOf<z.output<typeof eventDefinitionSchema>>().toEqualTypeOf<EventDefinition>();
  });

  it("Trigger and JSON", () => {
    expectTypeOf<z.output<typeof triggerSchema>>().toEqualTypeOf<Trigger>();
    expectTypeOf<z.output<typeof jsonValueSchema>>().toEqualTypeOf<JsonValue>();
  });
});

describe("parse function types", () => {
  it("parseInvitations returns Invitation[] from unknown", () => {
    expectTypeOf<typeof parseInvitations>().toEqualTypeOf<(input: unknown) => Invitation[]>();
  });

  it("safeParseVisitor returns a SafeParseResult", () => {
    expectTypeOf<ReturnType<typeof safeParseVisitor>>().toEqualTypeOf<SafeParseResult<Visitor>>();
    expectTypeOf<SafeParseResult<Visitor>>().toEqualTypeOf<
      { success: true; data: Visitor } | { success: false; error: ConfigError }
    >();
  });
});

describe("Decision", () => {
  it("is told apart by status: an offered decision has its invitation, message and sender, and a reason of its own", () => {
    const decide = (decision: Decision): void => {
      if (decision.status !== "none") {
        expectTypeOf(decision.invitation).toEqualTypeOf<Invitation>();
        expectTypeOf(decision.message).toEqualTypeOf<string>();
        expectTypeOf(decision.operator).toEqualTypeOf<DecisionOperator>();
        expectTypeOf(decision.reason).toEqualTypeOf<OfferReason>();
      } else {
        expectTypeOf(decision.invitation).toEqualTypeOf<null>();
        expectTypeOf(decision.reason).toEqualTypeOf<NoneReason>();
      }
      if (decision.status === "current") expectTypeOf(decision.reason).toEqualTypeOf<"current_invitation">();
      expectTypeOf(decision.warnings).toEqualTypeOf<WarningCode[]>();
    };
    expectTypeOf(decide).toBeFunction();
  });
});
