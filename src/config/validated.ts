/**
 * Arrays of invitations that `parseInvitations` produced and therefore need no second validation in `compile`.
 * Held weakly: the record disappears with the array.
 */
const validated = new WeakSet<object>();

/**
 * Records that `invitations` passed validation (called by the parse functions on their fresh output).
 *
 * @example
 * isValidated(markValidated(parsed)) // => true
 */
export function markValidated<T extends object>(invitations: T): T {
  validated.add(invitations);
  return invitations;
}

/**
 * Tells whether `invitations` came out of a successful parse.
 *
 * @example
 * isValidated([{ id: "a", message: "Hi" }]) // => false (written by hand, so compile validates it)
 */
export function isValidated(invitations: object): boolean {
  return validated.has(invitations);
}
