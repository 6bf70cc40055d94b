import type { OnlineOperator } from "../types.js";
import { normalizeDepartment } from "./text.js";

/**
 * Tells whether an online operator can serve a visitor of the given (normalised) department: an operator with no
 * departments listed serves everyone, and a visitor without a department can be served by anyone.
 *
 * @example
 * servesVisitor({ id: "7", departments: [2, 3] }, "3") // => true
 * servesVisitor({ id: "7", departments: [2] }, "3")    // => false
 */
export function servesVisitor(operator: OnlineOperator, department: string | undefined): boolean {
  const departments = operator.departments;
  if (department === undefined || departments === undefined || departments.length === 0) return true;
  return departments.some((d) => normalizeDepartment(d) === department);
}
