import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../../src/render/parse-template.js";

describe("parseTemplate", () => {
  it("splits text and the four placeholder families", () => {
    expect(parseTemplate("Hi {nick}, {operator}: {lhc.var.plan}/{lhc.add.city.name}!").segments).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "nick" },
      { kind: "text", text: ", " },
      { kind: "operator" },
      { kind: "text", text: ": " },
      { kind: "var", key: "plan" },
      { kind: "text", text: "/" },
      { kind: "add", key: "city.name" },
      { kind: "text", text: "!" },
    ]);
  });

  it("keeps other braces as literal text", () => {
    const source = `<img src="{proactive_img_1}"> a { color: red } {Nick} {lhc.var.} {lhc.other.x} {`;
    expect(parseTemplate(source).segments).toEqual([{ kind: "text", text: source }]);
  });

  it("keeps the configured text as the source", () => {
    expect(parseTemplate("Hi {nick}").source).toBe("Hi {nick}");
  });

  it("gives no segments for an empty template", () => {
    expect(parseTemplate("").segments).toEqual([]);
  });

  it("parses adjacent placeholders", () => {
    expect(parseTemplate("{nick}{nick}").segments).toEqual([{ kind: "nick" }, { kind: "nick" }]);
  });
});
