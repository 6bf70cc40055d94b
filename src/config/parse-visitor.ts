import type { Visitor } from "../types.js";
import { safeParseVisitor } from "./safe-parse-visitor.js";

/**
 * Validates a visitor snapshot arriving as JSON (docs/api.md: Visitor snapshot) and returns a fresh deep copy, or throws a `ConfigError`
 * listing every problem.
 *
 * @example
 * parseVisitor({ id: "v1", url: "shop.example.com/cart" }) // => { id: "v1", url: "shop.example.com/cart" }
 * parseVisitor({ url: "x" })
 * // throws ConfigError: Invalid visitor, 1 problem:
 * //   - id: missing, expected a string (required)
 */
export function parseVisitor(input: unknown): Visitor {
  const result = safeParseVisitor(input);
  if (!result.success) throw result.error;
  return result.data;
}
