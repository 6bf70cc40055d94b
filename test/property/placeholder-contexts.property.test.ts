// Holds the lint's HTML tokenizer to a spec-compliant HTML parser: a placeholder is replaced by a harmless marker (what
// an escaped value looks like once rendered), parse5 parses the result, and where each marker lands is its context.
import fc from "fast-check";
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { placeholderContexts, type PlaceholderContext } from "../../src/render/placeholder-contexts.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const URL_NAMES = ["href", "src", "action", "srcset", "srcdoc", "poster", "formaction"];
const ATTRIBUTE_NAMES = ["title", "class", "alt", "data-x", "onclick", "onmouseover", "style", ...URL_NAMES];
const TAGS = ["a", "b", "span", "img", "div"];

/** Builds messages from pieces; `P` stands for a placeholder and is numbered afterwards. */
const wordArb = fc.constantFrom("Hi", "x", "a b", "=", "'", '"', "P", "{css}", "&amp;", "?", "P P");
const textArb = fc.array(wordArb, { maxLength: 3 }).map((words) => words.join(" "));
const valueArb = fc.array(fc.constantFrom("P", "x", "https://e.com/", " ", "P-P", "a=b"), { maxLength: 3 }).map((v) => v.join(""));
const attributeArb = fc.oneof(
  fc.record({ name: fc.constantFrom(...ATTRIBUTE_NAMES), quote: fc.constantFrom('"', "'"), value: valueArb }).map(
    ({ name, quote, value }) => `${name}=${quote}${value.replaceAll(quote, "")}${quote}`,
  ),
  fc.record({ name: fc.constantFrom(...ATTRIBUTE_NAMES), value: fc.constantFrom("P", "xP", "Px", "x") }).map(
    ({ name, value }) => `${name}=${value}`,
  ),
  fc.constantFrom("P", "data-P=\"1\"", "hidden"),
);
const elementArb = fc
  .record({ tag: fc.constantFrom(...TAGS), attributes: fc.array(attributeArb, { maxLength: 3 }), inner: textArb })
  .map(({ tag, attributes, inner }) => `<${[tag, ...attributes].join(" ")}>${inner.replaceAll("<", "")}</${tag}>`);
const rawArb = fc
  .record({ tag: fc.constantFrom("script", "style"), inner: textArb })
  .map(({ tag, inner }) => `<${tag}>${inner.replaceAll("<", "")}</${tag}>`);
const commentArb = textArb.map((inner) => `<!-- ${inner.replaceAll("-", "").replaceAll(">", "")} -->`);
const messageArb = fc
  .array(fc.oneof(textArb.map((t) => t.replaceAll("<", "")), elementArb, rawArb, commentArb, fc.constant("<P>")), {
    maxLength: 5,
  })
  .map(numberPlaceholders);

function numberPlaceholders(pieces: string[]): string {
  let n = 0;
  return pieces.join(" ").replaceAll("P", () => `{lhc.var.p${n++}}`);
}

/** Where parse5 puts each marker `zqp<N>qz`, read from the tree and the source for quoting. */
function oracle(message: string): Map<number, PlaceholderContext> {
  const html = message.replaceAll(/\{lhc\.var\.p(\d+)\}/g, "zqp$1qz");
  const found = new Map<number, PlaceholderContext>();
  const mark = (text: string, context: PlaceholderContext): void => {
    for (const m of text.matchAll(/zqp(\d+)qz/g)) if (!found.has(Number(m[1]))) found.set(Number(m[1]), context);
  };
  const visit = (node: Node, parent: string): void => {
    if (node.nodeName === "#text") mark((node as DefaultTreeAdapterMap["textNode"]).value, rawContext(parent));
    else if (node.nodeName === "#comment") mark((node as DefaultTreeAdapterMap["commentNode"]).data, "comment");
    if (!("tagName" in node)) return;
    const element = node as Element;
    mark(element.tagName, "tag");
    for (const attribute of element.attrs) {
      mark(attribute.name, "tag");
      mark(attribute.value, attributeContext(attribute.name, element, html));
    }
    for (const child of element.childNodes) visit(child, element.tagName);
  };
  for (const child of parseFragment(html, { sourceCodeLocationInfo: true }).childNodes) visit(child, "");
  return found;
}

function rawContext(parent: string): PlaceholderContext {
  if (parent === "script") return "script";
  return parent === "style" ? "style" : "text";
}

function attributeContext(name: string, element: Element, html: string): PlaceholderContext {
  const location = element.sourceCodeLocation?.attrs?.[name];
  const source = location === undefined ? "" : html.slice(location.startOffset, location.endOffset);
  const afterEquals = source.slice(source.indexOf("=") + 1).trimStart();
  if (!afterEquals.startsWith('"') && !afterEquals.startsWith("'")) return "unquoted_attribute";
  if (name.startsWith("on")) return "event_handler";
  if (name === "style") return "style";
  return URL_NAMES.includes(name) ? "url" : "attribute";
}

describe("placeholderContexts properties", () => {
  it("puts every placeholder in the context a spec-compliant HTML parser puts its rendered value", () => {
    fc.assert(
      fc.property(messageArb, (message) => {
        const ours = new Map(placeholderContexts(message).map((p) => [Number(/\d+/.exec(p.placeholder)?.[0]), p.context]));
        const theirs = oracle(message);
        // A placeholder the parser drops (an attribute repeated on one element keeps its first value) has no context
        // there; every one it keeps must agree.
        for (const [n, context] of theirs) expect([n, ours.get(n)]).toEqual([n, context]);
      }),
      { numRuns: 500 },
    );
  });
});
