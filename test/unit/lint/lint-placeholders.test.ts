import { describe, expect, it } from "vitest";
import { lintPlaceholders } from "../../../src/lint/lint-placeholders.js";
import type { Invitation } from "../../../src/types.js";

describe("lintPlaceholders", () => {
  it("finds nothing in messages whose placeholders stand in text or quoted ordinary attributes", () => {
    const invitations: Invitation[] = [
      { id: "a", message: 'Hi {nick}, <span title="{lhc.var.plan}">{lhc.add.cart}</span>', returningMessage: "{nick}" },
    ];
    expect(lintPlaceholders(invitations, "html")).toEqual([]);
  });

  it("warns about a placeholder in a URL attribute, with the path of the text", () => {
    const findings = lintPlaceholders([
      { id: "ok", message: "fine" },
      { id: "link", message: '<a href="{lhc.var.u}">Open</a>' },
    ], "html");
    expect(findings).toEqual([
      { code: "placeholder_in_url", severity: "warning", path: [1, "message"], message: expect.stringContaining("{lhc.var.u}") },
    ]);
    expect(findings[0]?.message).toContain("javascript:");
  });

  it("walks returning messages, translations, variations and their translations", () => {
    const invitation: Invitation = {
      id: "a",
      message: "x",
      returningMessage: "<b class={nick}>",
      translations: { lt: { message: '<b onclick="{nick}">' } },
      variations: [
        { id: "b", message: "<script>{nick}</script>", translations: { de: { returningMessage: '<b style="{nick}">' } } },
      ],
    };
    expect(lintPlaceholders([invitation], "html").map((f) => [f.code, f.path])).toEqual([
      ["placeholder_in_unquoted_attribute", [0, "returningMessage"]],
      ["placeholder_in_event_handler", [0, "translations", "lt", "message"]],
      ["placeholder_in_script", [0, "variations", 0, "message"]],
      ["placeholder_in_style", [0, "variations", 0, "translations", "de", "returningMessage"]],
    ]);
  });

  it("warns about a placeholder where a tag or attribute name goes", () => {
    expect(lintPlaceholders([{ id: "a", message: "<b {lhc.var.x}>" }], "html").map((f) => f.code)).toEqual(["placeholder_in_tag"]);
  });

  it('reports every placeholder with escape: "none", wherever it stands', () => {
    const findings = lintPlaceholders([{ id: "a", message: "Hi {nick} {operator}" }], "none");
    expect(findings.map((f) => f.code)).toEqual(["unescaped_placeholder", "unescaped_placeholder"]);
  });
});
