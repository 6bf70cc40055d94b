// "beckon/storage": the storage contract, the embedded memory adapter and the async service. Never imported by the
// pure core ("beckon").
export type { CounterIncrement, CounterName, CounterRow, InvitationSet, PurgeOptions, StorageAdapter, Stored, TaggedVisitor, VisitorRecord, VisitorSync, VisitorTag } from "./types.js";
export type { Beckon, BeckonOptions, CheckOptions } from "./create-beckon.js";
export type { InvitationStats } from "./invitation-stats.js";
export type { StorageErrorCode } from "./storage-error.js";

export { COUNTER_NAMES } from "./types.js";
export { createBeckon } from "./create-beckon.js";
export { createMemoryStorage } from "./memory-storage.js";
export { emptyVisitorRecord } from "./empty-visitor-record.js";
export { StorageError, isStorageError } from "./storage-error.js";
export { counterKey, counterRows } from "./counter-key.js";
export { invitationStats } from "./invitation-stats.js";
