import type { AttributeValue } from "../types.js";
import { escapeHtml } from "./escape-html.js";
import type { Template, TemplateSegment } from "./parse-template.js";
import { readAttribute } from "./read-attribute.js";
import { assertNever } from "../lib/assert-never.js";

/** What the placeholders of one rendering resolve to. */
export interface PlaceholderValues {
  nick: string;
  operator: string;
  attributes: Readonly<Record<string, AttributeValue>>;
  visibleAttributes: Readonly<Record<string, AttributeValue>>;
}

/** A rendered template, and whether some placeholder had no value (it rendered as `""`). */
export interface RenderedTemplate {
  text: string;
  unresolved: boolean;
}

/**
 * Renders a parsed template in one pass: literal text is copied as configured (trusted, may hold HTML), each
 * placeholder is replaced by its value, HTML-escaped unless `escape` is `"none"`. A value is never scanned for
 * placeholders again. An unresolved placeholder renders as `""` and leaves the text around it alone.
 *
 * @example
 * const values = { nick: "<Ann>", operator: "Tom", attributes: {}, visibleAttributes: {} };
 * renderTemplate(parseTemplate("<b>Hi {nick}</b>"), values, "html")
 * // => { text: "<b>Hi &lt;Ann&gt;</b>", unresolved: false }
 */
export function renderTemplate(
  template: Template,
  values: PlaceholderValues,
  escape: "html" | "none",
): RenderedTemplate {
  let text = "";
  let unresolved = false;
  for (const segment of template.segments) {
    if (segment.kind === "text") {
      text += segment.text;
      continue;
    }
    const value = resolve(segment, values);
    if (value === undefined) unresolved = true;
    else text += escape === "none" ? value : escapeHtml(value);
  }
  return { text, unresolved };
}

function resolve(segment: Exclude<TemplateSegment, { kind: "text" }>, values: PlaceholderValues): string | undefined {
  switch (segment.kind) {
    case "nick":
      return values.nick;
    case "operator":
      return values.operator;
    case "var":
      return readAttribute(values.attributes, segment.key);
    case "add":
      return readAttribute(values.visibleAttributes, segment.key);
    default:
      return assertNever(segment, "template segment");
  }
}
