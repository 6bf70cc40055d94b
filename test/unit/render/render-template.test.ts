import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../../src/render/parse-template.js";
import { renderTemplate, type PlaceholderValues } from "../../../src/render/render-template.js";

const values: PlaceholderValues = {
  nick: "Ann",
  operator: "Tom",
  attributes: { plan: "pro", seats: 3, html: "<i>x</i>", loop: "{nick}", none: null },
  visibleAttributes: { city: "Vilnius", vip: true },
};

const render = (source: string, escape: "html" | "none" = "html") =>
  renderTemplate(parseTemplate(source), values, escape);

describe("renderTemplate", () => {
  it("fills every placeholder family", () => {
    expect(render("{nick}|{operator}|{lhc.var.plan}|{lhc.var.seats}|{lhc.add.city}|{lhc.add.vip}")).toEqual({
      text: "Ann|Tom|pro|3|Vilnius|true",
      unresolved: false,
    });
  });

  it("renders an unresolved placeholder as empty and reports it, keeping the text around it", () => {
    expect(render("A {lhc.add.x} B {lhc.var.none} C}")).toEqual({ text: "A  B  C}", unresolved: true });
  });

  it("escapes values but not the template", () => {
    expect(render("<b>{lhc.var.html}</b>").text).toBe("<b>&lt;i&gt;x&lt;/i&gt;</b>");
  });

  it("leaves values as they are with escape none", () => {
    expect(render("<b>{lhc.var.html}</b>", "none").text).toBe("<b><i>x</i></b>");
  });

  it("never expands a placeholder inside a value", () => {
    expect(render("{lhc.var.loop}", "none").text).toBe("{nick}");
  });
});
