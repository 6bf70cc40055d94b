// optionsFileIssues: what `beckon explain` / `simulate` say about an evaluation options file before running.
import { describe, expect, it } from "vitest";
import { optionsFileIssues } from "../../src/cli/options-file.js";

describe("optionsFileIssues", () => {
  it("finds nothing in options evaluate takes, every option given", () => {
    expect(
      optionsFileIssues({
        operatorsOnline: [{ id: "7", name: "Rita", departments: [1, "2"] }],
        requireOperatorOnline: false,
        suppressAfterCloseSeconds: 60,
        suppressAfterChatSeconds: 0,
        timeZone: "Europe/Vilnius",
        escape: "none",
        defaultOperatorName: "Support",
        seed: "s",
        trigger: { type: "idle", seconds: 30 },
      }),
    ).toEqual([]);
  });

  it("names each unusable option at its path, null included (JSON's way of leaving a value out by mistake)", () => {
    const bad = {
      operatorsOnline: [{ name: "no id" }],
      requireOperatorOnline: "yes",
      suppressAfterCloseSeconds: -1,
      suppressAfterChatSeconds: "60",
      timeZone: "Mars/Base",
      escape: "xml",
      defaultOperatorName: 5,
      seed: null,
      trigger: { type: "idle" },
    };
    const issues = optionsFileIssues(bad);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual(Object.keys(bad).map((key) => ["invalid_value", [key]]));
    expect(issues.every((issue) => issue.message.startsWith("expected "))).toBe(true);
  });

  it("names an unknown key, with the option it probably meant when one is close", () => {
    expect(optionsFileIssues({ timezone: "UTC", colour: "red" })).toEqual([
      { code: "unknown_key", path: ["timezone"], message: 'unknown option; did you mean "timeZone"?' },
      { code: "unknown_key", path: ["colour"], message: "unknown option" },
    ]);
  });
});
