import { describe, expect, it } from "vitest";
import { HASH_VERSION, hashUnit } from "../../../src/hashing/hash-unit.js";

// The documented algorithm written out the plain way (build the texts, then hash them with BigInt arithmetic), to
// prove the TSDoc is accurate.
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Number((BigInt((h ^ text.charCodeAt(i)) >>> 0) * 0x01000193n) % 2n ** 32n);
  return h;
}

function fmix(hash: number): number {
  let h = hash >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  h = Number((BigInt(h) * 0x85ebca6bn) % 2n ** 32n);
  h = (h ^ (h >>> 13)) >>> 0;
  h = Number((BigInt(h) * 0xc2b2ae35n) % 2n ** 32n);
  return (h ^ (h >>> 16)) >>> 0;
}

function documentedHash(parts: readonly string[]): number {
  const encode = (part: string): string => `${part.length}:${part}`;
  const prefix = fmix(fnv(parts.slice(0, 4).map(encode).join("")));
  const key = fmix(fnv(encode(parts[4] as string)));
  return fmix(prefix ^ key) / 2 ** 32;
}

describe("hashUnit", () => {
  it("is at version 2", () => {
    expect(HASH_VERSION).toBe(2);
  });

  // Changing any of these values changes which variation, tie winner or operator existing visitors get: bump
  // HASH_VERSION and say so in the changelog.
  it.each<[[string, string, string, string], number]>([
    [["tie", "", "v1", "a"], 0.28440040932036936],
    [["variation", "", "v1", "welcome"], 0.75030622840859],
    [["operator", "seed", "visitor-42", "7"], 0.5950343341100961],
    [["tie", "", "", ""], 0.7489644053857774],
    [["variation", "s", "ąčę", "😀"], 0.2780699704308063],
  ])("returns the pinned value for %j", (args, expected) => {
    expect(hashUnit(...args)).toBe(expected);
  });

  it("follows the documented algorithm", () => {
    const inputs = [
      ["tie", "", "v1", "a"],
      ["variation", "seed", "visitor-🙂", "spring_sale"],
      ["operator", "x".repeat(300), "", "42"],
    ] as const;
    for (const [purpose, seed, visitorId, invitationId] of inputs) {
      expect(hashUnit(purpose, seed, visitorId, invitationId)).toBe(
        documentedHash([String(HASH_VERSION), purpose, seed, visitorId, invitationId]),
      );
    }
  });

  it("does not confuse where one part ends and the next begins", () => {
    expect(hashUnit("tie", "ab", "c", "x")).not.toBe(hashUnit("tie", "a", "bc", "x"));
    expect(hashUnit("tie", "", "v:1", "x")).not.toBe(hashUnit("tie", "v", "1", "x"));
  });

  it("depends on every part", () => {
    const reference = hashUnit("tie", "s", "v", "i");
    expect(hashUnit("variation", "s", "v", "i")).not.toBe(reference);
    expect(hashUnit("tie", "t", "v", "i")).not.toBe(reference);
    expect(hashUnit("tie", "s", "w", "i")).not.toBe(reference);
    expect(hashUnit("tie", "s", "v", "j")).not.toBe(reference);
  });

  it("returns numbers in [0, 1) spread over the whole range", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => hashUnit("tie", "", `visitor-${i}`, "a"));
    const buckets = new Array<number>(10).fill(0);
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      buckets[Math.floor(value * 10)] = (buckets[Math.floor(value * 10)] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(900);
  });
});
