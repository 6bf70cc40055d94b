/// <reference lib="dom" />
import { el } from "./dom.js";
import type { FieldIssue } from "./read-inputs.js";

/**
 * Lists a field's issues under it, each with its path and code, and marks the field invalid for assistive technology
 * (`aria-invalid`) when there is one; an empty list clears both.
 *
 * @example
 * renderIssues(list, textarea, [{ path: "[0].message", message: "missing, expected a string", code: "required" }]);
 */
export function renderIssues(list: HTMLElement, field: HTMLElement | null, issues: readonly FieldIssue[]): void {
  list.replaceChildren(
    ...issues.map((issue) =>
      el("li", {}, el("code", { class: "path" }, issue.path), " ", issue.message, " ", el("span", { class: "code" }, `(${issue.code})`)),
    ),
  );
  if (issues.length > 0) field?.setAttribute("aria-invalid", "true");
  else field?.removeAttribute("aria-invalid");
}
