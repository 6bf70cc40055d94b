import { normalizeText } from "../conditions/text.js";
import type { EventDefinition } from "../types.js";

/** A definition and the normal form of its name (trimmed, lower-cased: the form names are compared in). */
export interface BookedEvent {
  readonly definition: EventDefinition;
  readonly key: string;
}

/**
 * A set's event definitions with each name's normal form worked out once, for a caller that logs many events
 * against the same definitions (the service, a simulated journey). Records carry their definition's name as
 * configured (`recordEvent`), so a name spelled that way is found, and its normal form known, without normalising
 * it again; any other spelling is normalised and looked up by its normal form.
 */
export interface EventBook {
  /** By the name exactly as configured: the first definition with that name's normal form. */
  readonly configured: ReadonlyMap<string, BookedEvent>;
  /** By normal form: the first definition with it (duplicates after normalising: the first one applies). */
  readonly normal: ReadonlyMap<string, BookedEvent>;
}

/**
 * Books `definitions` (expected from `parseEventDefinitions`; with duplicate names the first one applies, as in
 * `recordEvent`). The book reads the array once: later changes to it are not seen.
 *
 * @example
 * bookedEvent(eventBook([{ name: "Login_Failed" }]), "login_failed")?.key // => "login_failed"
 */
export function eventBook(definitions: readonly EventDefinition[]): EventBook {
  const configured = new Map<string, BookedEvent>();
  const normal = new Map<string, BookedEvent>();
  for (const definition of definitions) {
    const key = normalizeText(definition.name);
    let booked = normal.get(key);
    if (booked === undefined) {
      booked = { definition, key };
      normal.set(key, booked);
    }
    if (!configured.has(definition.name)) configured.set(definition.name, booked);
  }
  return { configured, normal };
}

/**
 * The definition an event name refers to (the first whose name has the same normal form) and that normal form, or
 * `undefined` when none does.
 *
 * @example
 * bookedEvent(eventBook([{ name: "login_failed" }]), " LOGIN_FAILED ")?.definition.name // => "login_failed"
 */
export function bookedEvent(book: EventBook, name: string): BookedEvent | undefined {
  return book.configured.get(name) ?? book.normal.get(normalizeText(name));
}

/**
 * The normal form of a name: read from the book when it is a definition's name as configured (a name has one normal
 * form, so the book's answer is the one `normalizeText` would give), else worked out.
 *
 * @example
 * normalName(eventBook([{ name: "Login_Failed" }]), "Login_Failed") // => "login_failed"
 */
export function normalName(book: EventBook | null, name: string): string {
  return book?.configured.get(name)?.key ?? normalizeText(name);
}
