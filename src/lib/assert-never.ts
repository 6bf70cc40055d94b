/**
 * Ends a `switch` over a closed union: TypeScript refuses the call when a case is missing, and at run time a value
 * outside the union (unvalidated data) throws naming `what` it was meant to be.
 *
 * @example
 * switch (rule.type) { case "weekly": …; case "period": …; default: return assertNever(rule, "schedule rule"); }
 */
export function assertNever(value: never, what: string): never {
  throw new TypeError(`unexpected ${what}: ${JSON.stringify(value) ?? String(value)}`);
}
