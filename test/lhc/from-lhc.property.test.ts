// fromLhc's laws: rows within the mapping table import to exactly what the table says (checked against a naive
// oracle written from the table, field by field) and nothing is reported lost; rows outside it are reported by
// table, row and column, never dropped silently, and never make the import throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEventDefinitions, parseInvitations, type AttributeCondition, type Invitation } from "../../src/index.js";
import { fromLhc } from "../../src/lhc/index.js";
import { DAY_KEYS, LHC_OPERATORS, VARIABLES, invitationModels, toRow, type InvitationModel } from "./lhc-arbitraries.js";

const ZONE = "Europe/Vilnius";
const DEVICES: Record<number, Invitation["devices"]> = {
  0: ["desktop"], 1: undefined, 2: ["mobile"], 3: ["tablet"], 4: ["mobile", "desktop"], 5: ["tablet", "desktop"], 6: ["mobile", "tablet"],
};
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const OPS: Record<string, AttributeCondition["op"]> = {
  eq: "eq", neq: "neq", gt: "gt", gte: "gte", lt: "lt", lte: "lte", contains: "contains", in_list: "in",
  in_list_lowercase: "in", not_in_list: "notIn", not_in_list_lowercase: "notIn", like: "like", notlike: "notLike",
};

const hhmm = (n: number): string => `${String(Math.floor(n / 100)).padStart(2, "0")}:${String(n % 100).padStart(2, "0")}`;

/** The mapping table of docs/migrating-from-lhc.md, applied to the generated values. */
function oracle(m: InvitationModel): Invitation {
  const out: Record<string, unknown> = { id: String(m.id), position: m.position, message: m.message };
  const set = (key: string, value: unknown, when: boolean) => {
    if (when) out[key] = value;
  };
  set("name", m.name, m.name !== "");
  set("enabled", false, m.disabled);
  set("kind", m.kind, m.kind !== "standard");
  set("trigger", m.trigger.type === 1 ? { type: "exitIntent" } : { type: "idle", seconds: m.trigger.seconds }, m.kind === "dynamic");
  set("timeOnSite", m.timeOnSite, m.timeOnSite > 0);
  set("pageviews", m.pageviews, m.pageviews > 0);
  set("language", m.siteaccess, m.siteaccess !== "");
  set("identifier", m.identifier, m.identifier !== "");
  set("tag", m.tag, m.tag !== "");
  set("referrer", m.referrer, m.referrer !== "");
  set("devices", DEVICES[m.device], m.kind !== "inject" && DEVICES[m.device] !== undefined);
  set("urls", m.urls, m.urls.length > 0);
  const days = Object.fromEntries((m.windows ?? []).map((w) => [WEEKDAYS[DAY_KEYS.indexOf(w.day)], [{ start: hhmm(w.start), end: hhmm(w.end) }]]));
  set("schedule", { type: "weekly", timeZone: ZONE, days }, m.windows !== null);
  const attributes = [...m.slots].sort((a, b) => a.slot - b.slot).map((s): AttributeCondition => {
    const op = OPS[s.op] as AttributeCondition["op"];
    const first = s.values[0] as string;
    if (op === "eq" || op === "neq") return { key: s.key, op, value: s.values.length === 1 ? first : s.values };
    if (op === "in" || op === "notIn") return { key: s.key, op, value: s.values };
    if (op === "gt" || op === "gte" || op === "lt" || op === "lte") return { key: s.key, op, value: Number(first) };
    return { key: s.key, op, value: first } as AttributeCondition;
  });
  set("attributes", attributes, attributes.length > 0);
  const events = m.events.map((e) => ({
    event: VARIABLES[e.variable - 1]?.identifier as string,
    minCount: Math.max(e.min, 1),
    ...(e.within > 0 ? { withinSeconds: e.within } : {}),
  }));
  set("events", events, events.length > 0);
  set("oncePerVisitor", true, m.flags.one_time);
  set("showLimit", m.hideAfter, m.hideAfter > 0);
  set("urlBound", true, m.flags.page_based_inv);
  set("hideForSessionAfterClose", true, m.flags.do_not_show_session);
  set("nextOnUrlChange", true, m.flags.show_next_inv);
  set("cooldownSeconds", m.cooldown, m.cooldown > 0);
  set("returningMessage", m.returning, m.returning !== "");
  set("returningNick", m.nick, m.nick !== "");
  set("operator", { name: m.operatorName }, m.operatorName !== "");
  // The widget fires an injection on its row's dynamic trigger: both columns travel in design.
  set("design", { event_type: m.trigger.type, iddle_for: m.trigger.type === 2 ? m.trigger.seconds : 0 }, m.kind === "inject");
  return out as unknown as Invitation;
}

function eventRows(models: readonly InvitationModel[]): Record<string, unknown>[] {
  let id = 0;
  return models.flatMap((m) =>
    m.events.map((e) => ({ id: ++id, invitation_id: m.id, event_id: e.variable, min_number: e.min, during_seconds: e.within })),
  );
}

describe("fromLhc (properties)", () => {
  it("imports rows within the mapping table to exactly the fields the table names, valid and with nothing lost", () => {
    fc.assert(
      fc.property(invitationModels, (models) => {
        const result = fromLhc({ invitations: models.map(toRow), events: eventRows(models), variables: VARIABLES }, { timeZone: ZONE });
        expect(result.report.filter((entry) => entry.kind === "lossy")).toEqual([]);
        expect(result.invitations).toEqual(models.map(oracle));
        expect(parseInvitations(result.invitations)).toEqual(result.invitations);
        expect(result.events).toEqual([
          { name: "ev_one", storeTimeoutSeconds: 0, filterByValue: false },
          { name: "ev_two", storeTimeoutSeconds: 1, filterByValue: false },
          { name: "ev_three", storeTimeoutSeconds: 60, filterByValue: false },
        ]);
      }),
    );
  });

  const fault = fc.oneof(
    fc.record({ type: fc.constant("operator" as const), op: fc.stringMatching(/^[a-z_]{1,12}$/).filter((op) => !(LHC_OPERATORS as readonly string[]).includes(op)) }),
    fc.record({ type: fc.constant("design" as const), text: fc.string({ minLength: 1 }).filter((text) => !isJsonObject(text)) }),
    fc.record({ type: fc.constant("junk" as const), column: fc.constantFrom("position", "show_on_mobile", "message", "repetitiveness", "days_activity", "url_present", "dep_id", "parent_id", "design_data"), value: fc.anything() }),
  );

  it("reports rows outside the mapping by table, row and column: never silently dropped, never a throw, always valid output", () => {
    fc.assert(
      fc.property(invitationModels, fc.array(fault, { maxLength: 6 }), (models, faults) => {
        const rows = models.map(toRow);
        // Faults on the same row may replace each other: only the last one of each row is checked.
        const expected = new Map<string, { rowId: string; column: string }>();
        faults.forEach((f, i) => {
          const row = rows[i % Math.max(rows.length, 1)];
          if (row === undefined) return;
          if (f.type === "operator") {
            const text = typeof row.design_data === "string" ? row.design_data : "";
            const design = (isJsonObject(text) ? JSON.parse(text) : {}) as Record<string, unknown>;
            Object.assign(design, { attrf_key_9: "k", attrf_cond_9: f.op, attrf_val_9: "v" });
            row.design_data = JSON.stringify(design);
            expected.set(String(row.id), { rowId: String(row.id), column: "design_data.attrf_cond_9" });
          } else if (f.type === "design") {
            row.design_data = f.text;
            if (f.text.trim() === "" || f.text.trim() === "[]") expected.delete(String(row.id));
            else expected.set(String(row.id), { rowId: String(row.id), column: "design_data" });
          } else {
            row[f.column] = f.value;
            if (f.column === "design_data") expected.delete(String(row.id));
          }
        });
        const result = fromLhc({ invitations: rows, events: eventRows(models), variables: VARIABLES }, { timeZone: ZONE });
        expect(() => parseInvitations(result.invitations)).not.toThrow();
        expect(() => parseEventDefinitions(result.events)).not.toThrow();
        for (const { rowId, column } of expected.values()) {
          expect(result.report).toContainEqual(expect.objectContaining({ kind: "lossy", rowId, column }));
        }
        const imported = new Set(result.invitations.flatMap((inv) => [inv.id, ...(inv.variations ?? []).map((v) => v.id)]));
        for (const row of rows) {
          const id = String(row.id);
          const accounted = imported.has(id) || result.report.some((entry) => entry.kind === "lossy" && (entry.rowId === id || entry.rowId === null));
          expect(accounted, `row ${id}`).toBe(true);
        }
      }),
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (rows, options) => {
        const result = fromLhc(rows as never, options as never);
        expect(() => parseInvitations(result.invitations)).not.toThrow();
        expect(Array.isArray(result.report)).toBe(true);
      }),
    );
  });
});

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
