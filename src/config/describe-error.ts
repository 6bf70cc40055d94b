const MAX_SHOWN = 200;

/**
 * The message of something that was thrown, for an issue saying a value could not be read. Whatever was thrown
 * (an `Error`, a string, `undefined`, a revoked proxy, an object whose `toString` throws) gives a short string: this
 * runs where throwing again would break the promise that the safe parse functions never throw.
 *
 * @example
 * describeError(new TypeError("boom")) // => "boom"
 * describeError(undefined)             // => "undefined"
 */
export function describeError(error: unknown): string {
  try {
    const message: unknown = error instanceof Error ? error.message : String(error);
    if (typeof message !== "string" || message === "") return "unknown error";
    return message.length > MAX_SHOWN ? `${message.slice(0, MAX_SHOWN)}…` : message;
  } catch {
    return "unknown error";
  }
}
