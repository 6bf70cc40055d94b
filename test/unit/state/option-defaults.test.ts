import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../../src/evaluate/resolve-options.js";
import { OPTION_DEFAULTS } from "../../../src/state/option-defaults.js";
import { chatPauseMs, cooldownMs } from "../../../src/state/state-options.js";

const source = readFileSync(join(import.meta.dirname, "../../../src/types/options.ts"), "utf8");

/** Each field of `EvaluateOptions` with the `Default …` its TSDoc line states (`undefined` when it states none). */
function documentedDefaults(): Map<string, unknown> {
  const start = source.indexOf("export interface EvaluateOptions {");
  const body = source.slice(start, source.indexOf("\n}", start)).split("\n").slice(1);
  const defaults = new Map<string, unknown>();
  let doc = "";
  for (const line of body) {
    const field = /^ {2}(\w+)\?:/.exec(line);
    if (field === null) doc += line;
    else {
      const stated = /Default (.+?)\. \*\//.exec(doc)?.[1];
      // `true`, `"UTC"`, 86 400: the backticks and the thousands' spaces go, the rest reads as JSON.
      defaults.set(field[1] as string, stated === undefined ? undefined : JSON.parse(stated.replaceAll("`", "").replace(/(\d) (\d)/g, "$1$2")));
      doc = "";
    }
  }
  return defaults;
}

describe("OPTION_DEFAULTS", () => {
  it("lists every evaluation option, in order, with the default its TSDoc line states", () => {
    const documented = documentedDefaults();
    expect(documented.size).toBeGreaterThan(5);
    expect(Object.entries(OPTION_DEFAULTS)).toEqual([...documented.entries()]);
  });

  it("is what evaluate resolves when an option is left out", () => {
    const expected = {
      operatorsOnline: undefined,
      requireOperatorOnline: true,
      suppressAfterCloseMs: 86_400_000,
      suppressAfterChatMs: 86_400_000,
      timeZone: "UTC",
      escape: "html",
      defaultOperatorName: "Live Support",
      seed: "",
      trigger: undefined,
    };
    expect(resolveOptions(undefined)).toEqual(expected);
    expect(resolveOptions({})).toEqual(expected);
  });

  it("is the pause the state reducers take when the options leave it out", () => {
    expect(cooldownMs(undefined, {})).toBe(OPTION_DEFAULTS.suppressAfterCloseSeconds * 1000);
    expect(cooldownMs(undefined, undefined)).toBe(86_400_000);
    expect(chatPauseMs({})).toBe(OPTION_DEFAULTS.suppressAfterChatSeconds * 1000);
    expect(chatPauseMs({ suppressAfterChatSeconds: 60 })).toBe(60_000);
    expect(cooldownMs(5_000, { suppressAfterCloseSeconds: 60 })).toBe(5_000);
  });
});
