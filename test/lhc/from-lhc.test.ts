import { describe, expect, it } from "vitest";
import { parseInvitations, type Invitation } from "../../src/index.js";
import { fromLhc, type LhcReportEntry, type LhcRow } from "../../src/lhc/index.js";

const base = (id: number, extra: Record<string, unknown> = {}): LhcRow => ({ id, position: 0, message: `Hi ${id}`, design_data: "", ...extra });
const codes = (report: readonly LhcReportEntry[], rowId: string): string[] => report.filter((e) => e.rowId === rowId).map((e) => `${e.kind}:${e.code}`);

describe("fromLhc", () => {
  it("reads a column whose getter throws as its default and reports it, keeping the rest of the row", () => {
    const row = Object.defineProperty({ ...base(1) }, "position", { enumerable: true, get: () => { throw new Error("boom"); } });
    const { invitations, report } = fromLhc({ invitations: [row] });
    expect(invitations).toEqual([{ id: "1", position: 0, message: "Hi 1" }]);
    expect(report).toContainEqual(expect.objectContaining({ kind: "lossy", code: "unreadable_value", rowId: "1", column: "position", table: "lh_abstract_proactive_chat_invitation" }));
  });

  it("reports tables that are not lists and rows that are not objects or have no usable id", () => {
    const { invitations, report } = fromLhc({ invitations: [null as never, { id: "x", message: "a" }, base(2), base(2)], departments: "no" as never });
    expect(invitations.map((inv) => inv.id)).toEqual(["2"]);
    expect(report.map((e) => [e.code, e.table?.replace("lh_abstract_proactive_chat_", ""), e.rowId])).toEqual([
      ["invalid_row", "invitation", null],
      ["invalid_number", "invitation", null],
      ["invalid_row", "invitation", null],
      ["invalid_row", "invitation", "2"],
      ["invalid_table", "invitation_dep", null],
    ]);
  });

  it("reports a table claiming more rows than any input holds (a sparse array), and reads it as none, at once", () => {
    const sparse: LhcRow[] = [];
    sparse.length = 2 ** 32 - 1;
    const { invitations, report } = fromLhc({ invitations: sparse });
    expect(invitations).toEqual([]);
    expect(report).toEqual([expect.objectContaining({ code: "invalid_table", message: expect.stringContaining("more than 2097152 rows") })]);
  });

  it("never throws: not on options it cannot read, nor on a value thrown whose text cannot be read", () => {
    const prefix = Object.defineProperty({}, "prefix", { get: () => { throw new Error("boom"); } });
    expect(fromLhc({ invitations: [base(1)] }, prefix as never).invitations.map((inv) => inv.id)).toEqual(["1"]);
    const thrown: { toString(): never } = { toString: () => { throw thrown; } };
    const row = Object.defineProperty({ ...base(1) }, "position", { enumerable: true, get: () => { throw thrown; } });
    const { invitations, report } = fromLhc({ invitations: [row] });
    expect(invitations.map((inv) => inv.id)).toEqual(["1"]);
    expect(report).toContainEqual(expect.objectContaining({ code: "unreadable_value", column: "position", message: expect.stringContaining("unknown error") }));
  });

  it("imports disabled what LHC can never show, saying why", () => {
    const rows = {
      invitations: [
        base(1, { dep_id: -1 }),
        base(2, { design_data: JSON.stringify({ attrf_key_1: "plan" }) }),
        base(3, { repetitiveness: 3, active_from: 1797717600, active_to: 0 }),
        base(4, { repetitiveness: 2, active_from: 1797717600, active_to: 1797717500 }),
        base(5, { event_invitation: 1 }),
        base(6, { dynamic_invitation: 1, event_type: 0 }),
      ],
      events: [{ id: 9, invitation_id: 5, event_id: 42, min_number: 1, during_seconds: 0 }],
    };
    const { invitations, report } = fromLhc(rows, { timeZone: "UTC" });
    expect(invitations.map((inv) => [inv.id, inv.enabled])).toEqual([["1", false], ["2", false], ["3", false], ["4", false], ["5", false], ["6", false]]);
    expect(codes(report, "1")).toEqual(["lossy:no_department"]);
    expect(codes(report, "2")).toEqual(["lossy:missing_operator"]);
    expect(codes(report, "3")).toEqual(["lossy:annual_without_end"]);
    expect(codes(report, "4")).toEqual(["lossy:period_never_active"]);
    expect(codes(report, "9")).toEqual(["lossy:unknown_variable"]);
    expect(codes(report, "6")).toEqual(["lossy:no_trigger"]);
    expect(parseInvitations(invitations)).toEqual(invitations);
  });

  it("disables an invitation whose condition beckon refuses, and leaves out one whose message it cannot read", () => {
    const { invitations, report } = fromLhc({ invitations: [base(1, { url_present: "shop.example.com/{a" }), base(2, { message: "Hi {lhc.var.}" })] });
    expect(invitations).toEqual([{ id: "1", position: 0, enabled: false, message: "Hi 1" }]);
    expect(report.filter((e) => e.code === "refused").map((e) => [e.rowId, e.column])).toEqual([["1", "urls.0"], ["2", "message"]]);
  });

  it("ignores the department table when dep_id is 0, and adds a positive dep_id to it", () => {
    const departments = [{ id: 1, invitation_id: 1, dep_id: 4 }, { id: 2, invitation_id: 2, dep_id: 4 }];
    const { invitations, report } = fromLhc({ invitations: [base(1), base(2, { dep_id: 7 })], departments });
    expect(invitations.map((inv) => inv.departments)).toEqual([undefined, [7, 4]]);
    expect(report).toContainEqual(expect.objectContaining({ code: "ignored_department", table: "lh_abstract_proactive_chat_invitation_dep", rowId: "1" }));
  });

  it("keeps the lowest id of identifiers equal but for case, and counts its conditions for the others", () => {
    const variables = [
      { id: 2, name: "b", identifier: "Login", store_timeout: 0, filter_val: 0 },
      { id: 1, name: "a", identifier: "login", store_timeout: 5, filter_val: 0 },
    ];
    const events = [{ id: 1, invitation_id: 1, event_id: 2, min_number: 0, during_seconds: 60 }];
    const result = fromLhc({ invitations: [base(1, { event_invitation: 1 })], events, variables });
    expect(result.events).toEqual([{ name: "login", storeTimeoutSeconds: 5, filterByValue: false }]);
    expect(result.invitations[0]?.events).toEqual([{ event: "login", minCount: 1, withinSeconds: 60 }]);
    expect(codes(result.report, "2")).toEqual(["lossy:duplicate_identifier"]);
  });

  it("reports event conditions LHC ignores, orphan variations and rows of invitations that are not there", () => {
    const rows = {
      invitations: [base(1, { dynamic_invitation: 1, event_type: 1, event_invitation: 1 }), base(2, { parent_id: 99 })],
      events: [{ id: 5, invitation_id: 1, event_id: 1, min_number: 1, during_seconds: 0 }, { id: 6, invitation_id: 50, event_id: 1, min_number: 1, during_seconds: 0 }],
      variables: [{ id: 1, name: "x", identifier: "x", store_timeout: 0, filter_val: 0 }],
    };
    const { invitations, report } = fromLhc(rows);
    expect(invitations).toEqual([{ id: "1", position: 0, kind: "dynamic", trigger: { type: "exitIntent" }, message: "Hi 1" }]);
    expect(codes(report, "5")).toEqual(["lossy:ignored_event_condition"]);
    expect(codes(report, "2")).toEqual(["lossy:orphan_variation"]);
    expect(codes(report, "6")).toEqual(["lossy:orphan_link"]);
  });

  it("reads LHC's HHMM windows as the minutes its integer comparison covers, and reports server-clock schedules without a zone", () => {
    const row = base(1, { repetitiveness: 1, days_activity: JSON.stringify({ mod: { start: 975, end: 2400 } }) });
    const { invitations, report } = fromLhc({ invitations: [row] });
    expect(invitations[0]?.schedule).toEqual({ type: "weekly", days: { mon: [{ start: "10:00", end: "23:59" }] } });
    expect(codes(report, "1")).toEqual(["difference:window_normalised", "lossy:time_zone_missing"]);
    expect(fromLhc({ invitations: [row] }, { timeZone: "Mars/Olympus" }).report[0]).toMatchObject({ code: "invalid_time_zone", table: null, column: "timeZone" });
  });

  it("reports ties and invitations that block those ranked after them while they wait", () => {
    const { report } = fromLhc({ invitations: [base(1, { position: 1 }), base(2, { position: 1 }), base(3, { position: 0, time_on_site: 30 })] });
    expect(report.map((e) => [e.rowId, e.code])).toEqual([["1", "tie"], ["2", "tie"], ["3", "blocking"]]);
    expect(report[2]?.message).toContain("ranked after it (1, 2)");
  });

  it("names tables with the prefix it is given", () => {
    const { report } = fromLhc({ invitations: [base(1, { design_data: "{" })] }, { prefix: "chat_" });
    expect(report[0]?.table).toBe("chat_abstract_proactive_chat_invitation");
  });
});

describe("fromLhc design_data", () => {
  it("hands the options it does not map to design, and reports a __proto__ key instead of dropping it silently", () => {
    const { invitations, report } = fromLhc({ invitations: [base(1, { delay: 3, design_data: '{"message_width":300,"__proto__":{"x":1},"one_time":1}' })] });
    expect(invitations[0]?.design).toEqual({ message_width: 300, delay: 3 });
    expect(invitations[0]?.oncePerVisitor).toBe(true);
    expect(codes(report, "1")).toEqual(["lossy:invalid_option"]);
  });
});

describe("ordered", () => {
  it("keeps every field of an invitation, in the field table's order, whatever order they came in", async () => {
    const { fullInvitation, otherInvitations } = await import("../unit/config/examples.js");
    const { ordered } = await import("../../src/lhc/attach-links.js");
    const { INVITATION_FIELD_NAMES } = await import("../../src/fields.js");
    // Between them the examples set every field (test/unit/config/parse-invitations.test.ts holds them to that).
    const every = Object.assign({}, ...otherInvitations, fullInvitation) as Invitation;
    const shuffled = Object.fromEntries(Object.entries(every).reverse()) as Invitation;
    const out = ordered(shuffled);
    expect(out).toEqual(every);
    expect(Object.keys(out)).toEqual(INVITATION_FIELD_NAMES);
  });
});

describe("validateImported", () => {
  it("imports disabled an invitation whose condition beckon refuses, for every condition (time on site and page views too)", async () => {
    const { validateImported } = await import("../../src/lhc/validate-imported.js");
    const { RowReader } = await import("../../src/lhc/read-cell.js");
    const { LhcReport } = await import("../../src/lhc/lhc-report.js");
    for (const refused of [{ timeOnSite: -5 }, { pageviews: 1.5 }, { language: 7 }, { devices: ["fridge"] }]) {
      const report = new LhcReport("lh_");
      const reader = new RowReader({ id: 1 }, { table: "invitation", rowId: "1", invitationId: "1" }, report);
      const row = { invitation: { id: "1", message: "Hi", ...refused } as never, reader } as never;
      const out = validateImported(row);
      expect(out).toMatchObject({ id: "1", enabled: false });
      expect(Object.keys(out ?? {})).not.toContain(Object.keys(refused)[0]);
      expect(report.entries.map((e) => e.code)).toEqual(["refused"]);
    }
  });
});
