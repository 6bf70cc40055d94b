import { PLACEHOLDER_PATTERN } from "./placeholders.js";

/** One piece of a parsed template: literal text, or one of the four placeholder families of docs/semantics.md: Rendering. */
export type TemplateSegment =
  | { kind: "text"; text: string }
  | { kind: "nick" }
  | { kind: "operator" }
  | { kind: "var"; key: string }
  | { kind: "add"; key: string };

/** A message template parsed once at compile time; `source` is the configured text. */
export interface Template {
  source: string;
  segments: readonly TemplateSegment[];
}

/**
 * Splits a message into literal text and placeholders, so rendering is a single walk over the segments and a value
 * substituted into the output can never be read as a placeholder again. Braces that are not one of `{nick}`,
 * `{operator}`, `{lhc.var.KEY}`, `{lhc.add.KEY}` (CSS, `{proactive_img_1}` for the widget) stay literal text.
 *
 * @example
 * parseTemplate("Hi {nick}!").segments
 * // => [{ kind: "text", text: "Hi " }, { kind: "nick" }, { kind: "text", text: "!" }]
 */
export function parseTemplate(source: string): Template {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER_PATTERN)) {
    if (match.index > last) segments.push({ kind: "text", text: source.slice(last, match.index) });
    segments.push(placeholderSegment(match));
    last = match.index + match[0].length;
  }
  if (last < source.length) segments.push({ kind: "text", text: source.slice(last) });
  return { source, segments };
}

function placeholderSegment(match: RegExpExecArray | RegExpMatchArray): TemplateSegment {
  const [, simple, family, key = ""] = match;
  if (simple === "nick") return { kind: "nick" };
  if (simple === "operator") return { kind: "operator" };
  return family === "var" ? { kind: "var", key } : { kind: "add", key };
}
