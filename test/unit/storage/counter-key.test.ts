// counterKey and counterRows (beckon/storage): a counter's name as one string, and stored pairs back into rows.
import { describe, expect, it } from "vitest";
import { counterKey, counterRows } from "../../../src/storage/index.js";

describe("counterRows", () => {
  it("reads back what counterKey wrote, sorted, and skips keys that are not counter keys, JSON or not", () => {
    const shown = counterKey({ invitationId: "b", variationId: "b", counter: "shown" });
    const closed = counterKey({ invitationId: "a/b", variationId: "c", counter: "closed" });
    const entries: [string, number][] = [
      ["foo", 1],
      [shown, 2],
      ["", 3],
      ['["a","a","nope"]', 4],
      ['{"a":1}', 5],
      [closed, 6],
      ['["a","a"', 7],
    ];
    expect(counterRows(entries)).toEqual([
      { invitationId: "a/b", variationId: "c", counter: "closed", value: 6 },
      { invitationId: "b", variationId: "b", counter: "shown", value: 2 },
    ]);
  });
});
