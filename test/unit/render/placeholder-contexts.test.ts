import { describe, expect, it } from "vitest";
import { placeholderContexts } from "../../../src/render/placeholder-contexts.js";

const contexts = (message: string) => placeholderContexts(message).map((p) => p.context);

describe("placeholderContexts", () => {
  it("reads text, comments and quoted ordinary attributes as the contexts escaping protects", () => {
    expect(contexts("Hi {nick}! <!-- {operator} --> <b title=\"{lhc.var.a}\" data-x='{lhc.add.b}'>x</b>")).toEqual([
      "text",
      "comment",
      "attribute",
      "attribute",
    ]);
  });

  it("reads URL and document attributes as url, whatever the case of their name", () => {
    expect(contexts('<a HREF="{lhc.var.u}"></a><img src=\'{nick}\'><iframe srcdoc="{nick}">')).toEqual([
      "url",
      "url",
      "url",
    ]);
  });

  it("reads an unquoted value as unquoted_attribute, even of a URL attribute", () => {
    expect(contexts("<b class={nick}>x</b><a href={lhc.var.u}>")).toEqual(["unquoted_attribute", "unquoted_attribute"]);
  });

  it("reads on* attributes as event handlers and style as CSS", () => {
    expect(contexts('<b onclick="go(\'{nick}\')" style="color: {lhc.var.c}">x</b>')).toEqual(["event_handler", "style"]);
  });

  it("reads the raw text of <script> and <style> up to their end tag", () => {
    expect(contexts("<script>var n = '{nick}';</script>{nick}<STYLE>b{color:{lhc.var.c}}</style>")).toEqual([
      "script",
      "text",
      "style",
    ]);
  });

  it("reads a placeholder where a tag or attribute name goes as tag", () => {
    expect(contexts("<{nick}>x <b {lhc.var.attr}>y</b><b data-{nick}=\"1\">")).toEqual(["tag", "tag", "tag"]);
  });

  it("gives each placeholder as written with its offset", () => {
    expect(placeholderContexts("<a href=\"{lhc.var.u}\">{nick}</a>")).toEqual([
      { placeholder: "{lhc.var.u}", index: 9, context: "url" },
      { placeholder: "{nick}", index: 22, context: "text" },
    ]);
  });

  it("ignores braces that are not placeholders and survives unterminated markup", () => {
    expect(contexts("{proactive_img_1} <style>{color: red}")).toEqual([]);
    expect(contexts('<a href="{nick}')).toEqual(["url"]);
    expect(contexts("<!-- {nick}")).toEqual(["comment"]);
    expect(contexts("a < b {nick}")).toEqual(["text"]);
  });
});
