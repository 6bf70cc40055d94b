import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cliTranscript } from "../../scripts/cli-transcript.js";

it("docs/cli.md is the session the command prints today (npm run docs:cli regenerates it)", { timeout: 180_000 }, () => {
  const page = readFileSync(join(import.meta.dirname, "..", "..", "docs", "cli.md"), "utf8");
  expect(cliTranscript()).toBe(page);
});
