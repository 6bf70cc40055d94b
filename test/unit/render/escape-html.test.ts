import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/render/escape-html.js";

describe("escapeHtml", () => {
  it("escapes the five markup characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("escapes a script tag so it shows as text", () => {
    expect(escapeHtml("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes an entity the visitor typed instead of letting it decode", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });

  it("leaves other text alone", () => {
    expect(escapeHtml("Ąžuolas {nick} 😀 / = `")).toBe("Ąžuolas {nick} 😀 / = `");
  });
});
