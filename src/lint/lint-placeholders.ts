import { placeholderContexts, type PlaceholderContext } from "../render/placeholder-contexts.js";
import type { EvaluateOptions, Invitation, Translation } from "../types.js";
import { finding, type LintCode, type LintFinding } from "./lint-codes.js";

const TEMPLATE_FIELDS = ["message", "returningMessage"] as const satisfies readonly (keyof Translation)[];

const UNSAFE: Partial<Record<PlaceholderContext, { code: LintCode; why: string }>> = {
  url: {
    code: "placeholder_in_url",
    why: "stands in an attribute read as a URL or document: HTML escaping does not stop a value such as javascript:…",
  },
  unquoted_attribute: {
    code: "placeholder_in_unquoted_attribute",
    why: "stands in an unquoted attribute value: a space in the value starts a new attribute; quote the value",
  },
  event_handler: {
    code: "placeholder_in_event_handler",
    why: "stands in an event-handler attribute: the browser decodes the escaped value and runs it as script",
  },
  style: { code: "placeholder_in_style", why: "stands in CSS, where HTML escaping does not apply" },
  script: { code: "placeholder_in_script", why: "stands in a <script>, where HTML escaping does not apply" },
  tag: {
    code: "placeholder_in_tag",
    why: "stands where a tag or attribute name goes: a value can write its own tag or attributes",
  },
};

/**
 * Warns about messages that put a visitor-supplied value where HTML escaping cannot protect it: in a URL attribute
 * (`href`, `src`, …), an unquoted attribute value, an event handler (`onclick`), CSS, a `<script>`, or a tag or
 * attribute name. With `escape: "none"` every placeholder is reported, since nothing is escaped.
 *
 * @example
 * lintPlaceholders([{ id: "a", message: '<a href="{lhc.var.link}">Open</a>' }], "html")
 * // => [{ code: "placeholder_in_url", severity: "warning", path: [0, "message"], message: "{lhc.var.link} stands in an attribute …" }]
 */
export function lintPlaceholders(invitations: readonly Invitation[], escape: EvaluateOptions["escape"]): LintFinding[] {
  const findings: LintFinding[] = [];
  const check = (text: string | undefined, path: (string | number)[]): void => {
    if (typeof text !== "string") return;
    for (const { placeholder, context } of placeholderContexts(text)) {
      const found = escape === "none" ? unescaped(placeholder) : contextFinding(placeholder, context);
      if (found !== null) findings.push(finding(found.code, path, found.message));
    }
  };
  invitations.forEach((invitation, i) => {
    checkContent(invitation, [i], check);
    invitation.variations?.forEach((variation, v) => checkContent(variation, [i, "variations", v], check));
  });
  return findings;
}

type Check = (text: string | undefined, path: (string | number)[]) => void;

/** The texts an invitation or a variation renders from. */
interface Content {
  readonly message?: string | undefined;
  readonly returningMessage?: string | undefined;
  readonly translations?: Readonly<Record<string, Translation>> | undefined;
}

function checkContent(
  content: Content,
  path: (string | number)[],
  check: Check,
): void {
  for (const field of TEMPLATE_FIELDS) check(content[field], [...path, field]);
  for (const [locale, translation] of Object.entries(content.translations ?? {})) {
    for (const field of TEMPLATE_FIELDS) check(translation[field], [...path, "translations", locale, field]);
  }
}

function contextFinding(placeholder: string, context: PlaceholderContext): { code: LintCode; message: string } | null {
  const unsafe = UNSAFE[context];
  return unsafe === undefined ? null : { code: unsafe.code, message: `${placeholder} ${unsafe.why}` };
}

function unescaped(placeholder: string): { code: LintCode; message: string } {
  return {
    code: "unescaped_placeholder",
    message: `${placeholder} is substituted unescaped (escape: "none"): the host must escape it for where it goes`,
  };
}
