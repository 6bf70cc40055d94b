import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { newCommitId } from "../../../src/storage/commit-id.js";

describe("newCommitId", () => {
  it("never gives the same id twice in a process, and no id holds a space", () => {
    const ids = Array.from({ length: 50_000 }, () => newCommitId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[\w-]{16}\.[0-9a-z]+$/);
  });

  it("draws another prefix in another process", () => {
    const prefix = (): string => {
      const run = spawnSync(process.execPath, ["--import", "tsx", "-e", 'import("./src/storage/commit-id.ts").then((m) => console.log(m.newCommitId()))'], {
        encoding: "utf8",
      });
      return run.stdout.trim().split(".")[0] as string;
    };
    const [first, second] = [prefix(), prefix()];
    expect(first).toMatch(/^[\w-]{16}$/);
    expect(second).toMatch(/^[\w-]{16}$/);
    expect(first).not.toBe(second);
    expect(newCommitId().split(".")[0]).not.toBe(first);
  });
});
