import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * Runs `body` in a fresh node that can ask the engine whether `String.prototype` is in its fast form
 * (`fast()`, through V8's own `%HasFastProperties`); prints what `body` logs.
 */
function inFreshNode(body: string): string[] {
  const script = `
    const fast = new Function("return %HasFastProperties(String.prototype)");
    ${body}`;
  const child = spawnSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(child.stderr).toBe("");
  return child.stdout.trim().split("\n");
}

describe("restoreFastStrings", () => {
  it("gives String.prototype its fast form back after a subclass of String took it away", () => {
    const lines = inFreshNode(`
      import { restoreFastStrings } from "./src/lib/fast-string-methods.ts";
      console.log("at start", fast());
      class Verbatim extends String {}
      console.log("after a subclass", fast(), new Verbatim("x").length);
      restoreFastStrings();
      console.log("restored", fast());
      restoreFastStrings();
      console.log("again", fast());`);
    expect(lines).toEqual(["at start true", "after a subclass false 1", "restored true", "again true"]);
  });

  it("runs when a Redis adapter is made: ioredis 6 subclasses String (VerbatimString)", () => {
    const lines = inFreshNode(`
      import { Redis } from "ioredis";
      import { createRedisStorage } from "./src/redis/index.ts";
      console.log("with ioredis", fast());
      const client = new Redis({ lazyConnect: true });
      createRedisStorage({ client });
      console.log("with an adapter", fast());
      client.disconnect();`);
    expect(lines).toEqual(["with ioredis false", "with an adapter true"]);
  });
});
