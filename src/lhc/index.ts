// beckon/lhc: moves Live Helper Chat's proactive invitations to beckon (docs/migrating-from-lhc.md).
export type { FromLhcOptions, FromLhcResult, LhcReportEntry, LhcReportKind, LhcRow, LhcRows } from "./lhc-types.js";
export { fromLhc } from "./from-lhc.js";
