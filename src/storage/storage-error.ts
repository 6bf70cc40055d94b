/** Why a storage call failed. */
export type StorageErrorCode = "storage_failed" | "conflict" | "corrupt_record";

/**
 * A failure of storage I/O, naming the adapter and keeping what caused it (`cause`). `conflict` means a write kept
 * losing to concurrent writers after every retry; `corrupt_record` that a stored document could not be read back.
 */
export class StorageError extends Error {
  override readonly name = "StorageError";
  readonly code: StorageErrorCode;
  readonly adapter: string;

  constructor(adapter: string, message: string, options: { code?: StorageErrorCode; cause?: unknown } = {}) {
    super(`${adapter} storage: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.adapter = adapter;
    this.code = options.code ?? "storage_failed";
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
 * Runs one adapter operation and turns any failure into a {@link StorageError} naming the adapter.
 *
 * @example
 * return guard("redis", "reading a visitor", () => client.get(key));
 */
export async function guard<T>(adapter: string, doing: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isStorageError(error)) throw error;
    throw new StorageError(adapter, `failed ${doing}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}
