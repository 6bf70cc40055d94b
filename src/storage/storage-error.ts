import type { ConfigIssue } from "../config/config-error.js";
import { watchCall, type WatchedCall } from "./deadlines.js";

/** Why a storage call failed. */
export type StorageErrorCode = "storage_failed" | "timeout" | "conflict" | "corrupt_record";

/** What a {@link StorageError} can say besides its message. */
export interface StorageErrorDetails {
  code?: StorageErrorCode;
  cause?: unknown;
  /** The visitor whose stored record is corrupt. */
  visitorId?: string;
  /** Where in the stored document the first problem is (`["state", "seenOnce", 0]`); `[]` for the whole document. */
  path?: readonly (string | number)[];
  /** Every problem found in a corrupt document, each with its path inside the document. */
  issues?: readonly ConfigIssue[];
}

/**
 * A failure of storage I/O, naming the adapter and keeping what caused it (`cause`). `timeout`: the server gave no
 * answer within the adapter's deadline (a write may or may not have landed); `conflict`: a write kept losing to
 * concurrent writers after every retry; `corrupt_record`: a stored document is not what beckon writes — it is left
 * as it is, and `visitorId`, `path` and `issues` say where.
 */
export class StorageError extends Error {
  override readonly name = "StorageError";
  readonly code: StorageErrorCode;
  readonly adapter: string;
  readonly visitorId?: string;
  readonly path?: readonly (string | number)[];
  readonly issues?: readonly ConfigIssue[];

  constructor(adapter: string, message: string, details: StorageErrorDetails = {}) {
    super(`${adapter} storage: ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.adapter = adapter;
    this.code = details.code ?? "storage_failed";
    if (details.visitorId !== undefined) this.visitorId = details.visitorId;
    if (details.path !== undefined) this.path = details.path;
    if (details.issues !== undefined) this.issues = details.issues;
  }
}

/**
 * Tells whether a value is a {@link StorageError}, even one thrown by another copy of beckon.
 *
 * @example
 * try { await beckon.check(visitor) } catch (e) { if (isStorageError(e)) log(e.adapter, e.cause) }
 */
export function isStorageError(value: unknown): value is StorageError {
  return value instanceof Error && value.name === "StorageError" && typeof (value as { adapter?: unknown }).adapter === "string";
}

/**
 * Runs one adapter operation and turns any failure into a {@link StorageError} naming the adapter. With
 * `timeoutMs`, the call settles by then whatever the server does: a server that stops answering (packets dropped,
 * no reset) rejects with code `timeout` instead of leaving the caller waiting for the socket to die. `explain`
 * first names what a failure that is not a StorageError yet means (it may answer with one).
 *
 * @example
 * return guard("redis", "reading a visitor", () => client.get(key), 5_000);
 */
export function guard<T>(
  adapter: string,
  doing: string,
  operation: () => Promise<T>,
  timeoutMs = 0,
  explain?: Explain,
  visitorId?: string,
): Promise<T> {
  let running: Promise<T>;
  try {
    running = operation();
  } catch (error) {
    running = Promise.reject(error);
  }
  return guardRunning(adapter, doing, running, timeoutMs, explain, visitorId);
}

/**
 * Names what a failure that is not a StorageError yet means, given what the call was doing and for which visitor (it
 * may answer with a StorageError). One function per adapter, not one per call.
 */
export type Explain = (error: unknown, doing: string, visitorId: string | undefined) => unknown;

/** {@link guard} for an operation already started. */
function guardRunning<T>(adapter: string, doing: string, running: Promise<T>, timeoutMs = 0, explain?: Explain, visitorId?: string): Promise<T> {
  // One promise over the operation's, not an async function around another: this runs on most storage calls. The
  // deadline is shared (watchCall), not a timer per call, and what the call does when it ends is one object's
  // methods, not functions made per call.
  if (timeoutMs <= 0) {
    return running.then(undefined, (failure: unknown) => {
      throw asStorageError(adapter, doing, failure, explain, visitorId);
    });
  }
  return new Promise<T>((resolve, reject) => {
    watchCall(running, timeoutMs, new GuardedCall(adapter, doing, timeoutMs, explain, visitorId, resolve, reject));
  });
}

/** How a guarded call ends: with its value, with its failure as a StorageError, or timed out. */
class GuardedCall<T> implements WatchedCall<T> {
  constructor(
    private readonly adapter: string,
    private readonly doing: string,
    private readonly timeoutMs: number,
    private readonly explain: Explain | undefined,
    private readonly visitorId: string | undefined,
    readonly fulfilled: (value: T) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  failed(error: unknown): void {
    this.reject(asStorageError(this.adapter, this.doing, error, this.explain, this.visitorId));
  }

  expired(): void {
    this.reject(timedOut(this.adapter, this.doing, this.timeoutMs));
  }
}

/**
 * A failure as a StorageError naming the adapter and what the call was doing: `explain` names it first when it is
 * not one already; a StorageError passes as it is.
 *
 * @example
 * asStorageError("redis", "writing a visitor", new Error("ECONNRESET"), undefined, "v1").message // => "redis storage: failed writing a visitor: ECONNRESET"
 */
export function asStorageError(adapter: string, doing: string, failure: unknown, explain: Explain | undefined, visitorId: string | undefined): StorageError {
  const error = explain === undefined || isStorageError(failure) ? failure : explain(failure, doing, visitorId);
  if (isStorageError(error)) return error;
  return new StorageError(adapter, `failed ${doing}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/**
 * The error for a call the server did not answer in time. Whether a write landed is unknown then; the next call
 * reads what is stored, so nothing is applied twice.
 *
 * @example
 * timedOut("postgres", "writing a visitor", 5000).code // => "timeout"
 */
export function timedOut(adapter: string, doing: string, timeoutMs: number, cause?: unknown): StorageError {
  const message = `no answer within ${timeoutMs} ms while ${doing}${doing.startsWith("writing") ? " (the write may or may not have landed)" : ""}`;
  return new StorageError(adapter, message, { code: "timeout", ...(cause === undefined ? {} : { cause }) });
}
