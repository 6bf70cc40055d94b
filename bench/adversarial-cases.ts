/**
 * The attack families of bench/adversarial.ts (issue 9): each case builds, for an input size n (characters of the
 * attacked string, or a count of keys, tags or events), an invitation set and a visitor meant to make `evaluate`
 * as slow as possible. Every case reported in issue 9 is here, plus generated ones (nested quantifiers, overlapping
 * alternations, many stars, `**` chains, long URLs and attributes from 1 kB to the caps). The last cases aim at the
 * other calls a visitor's input reaches: `explain`, `recordEvent`, `pruneEvents` and the service's `check` and
 * `logEvent` (memory storage).
 */
import type { AttributeCondition, EventDefinition, Invitation, Visitor, VisitorEvent } from "../src/index.js";

/** The evaluation instant of every attack (2026-11-26T10:00:00Z). */
export const ATTACK_NOW = Date.UTC(2026, 10, 26, 10, 0, 0);

/** One attack, at one size. */
export interface AttackInput {
  invitations: Invitation[];
  visitor: Visitor;
  /** For `recordEvent` and the service's `logEvent`: the definitions, the log so far and the event logged. */
  definitions?: EventDefinition[];
  log?: VisitorEvent[];
  event?: { name: string; value?: string };
}

/** The call an attack times: `evaluate` unless a case says otherwise. */
export type AttackedCall = "evaluate" | "explain" | "recordEvent" | "pruneEvents" | "service check" | "service logEvent";

export interface AttackCase {
  family: string;
  name: string;
  call?: AttackedCall;
  /** Sizes to try, in increasing order (each the double of the one before). */
  sizes: readonly number[];
  build(n: number): AttackInput;
}

/** 16, 32, … 8 192: from trivially small (a backtracker is still fast) up to the visitor string cap. */
const STRING_SIZES = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192] as const;
/** Counts of keys, tags or events in one visitor. */
// Lists and attribute maps stop at MAX_VISITOR_LIST_LENGTH (1 000), the event log at MAX_VISITOR_EVENTS (10 000).
const COUNT_SIZES = [125, 250, 500, 1000] as const;
const EVENT_SIZES = [625, 1250, 2500, 5000, 10000] as const;

/** `unit` repeated to exactly `n` characters. */
const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** The attacked invitation, and a fallback that always matches (so "nothing matched" is never the fast answer). */
const withFallback = (attack: Omit<Invitation, "id" | "message">): Invitation[] => [
  { id: "attack", message: "Hi", position: 0, ...attack },
  { id: "fallback", message: "Hello", position: 1 },
];

/** A URL glob against a path-only URL of exactly `n` characters (the whole visitor string counts for the cap). */
function urlCase(name: string, pattern: string, path: (n: number) => string): AttackCase {
  return {
    family: "URL glob",
    name: `\`${pattern}\` on ${name}`,
    sizes: STRING_SIZES,
    build: (n) => ({ invitations: withFallback({ urls: [pattern] }), visitor: { id: "v", url: path(n) } }),
  };
}

/** A regex attribute condition against an attribute value of `n` characters. */
function regexCase(pattern: string, unit: string, tail = "!"): AttackCase {
  return {
    family: "regex attribute",
    name: `\`${pattern}\` on ${JSON.stringify(unit)}×n + ${JSON.stringify(tail)}`,
    sizes: STRING_SIZES,
    build: (n) => ({
      invitations: withFallback({ attributes: [{ key: "q", op: "regex", value: pattern }] }),
      visitor: { id: "v", attributes: { q: fill(unit, n - tail.length) + tail } },
    }),
  };
}

/** `like` with many alternatives (and `&&` groups) against a long text of near-miss words. */
function likeCase(alternatives: number, groups: number, op: AttributeCondition["op"]): AttackCase {
  const value = Array.from({ length: groups }, (_, g) => Array.from({ length: alternatives }, (_, i) => `w${g}x${i}* a b`).join(", ")).join(" && ");
  return {
    family: "like",
    name: `\`${op}\` with ${alternatives} alternatives${groups > 1 ? ` × ${groups} groups` : ""} on "a b a b …"`,
    sizes: STRING_SIZES,
    build: (n) => ({
      invitations: withFallback({ attributes: [{ key: "q", op, value } as AttributeCondition] }),
      visitor: { id: "v", attributes: { q: fill("a b ", n) } },
    }),
  };
}

/** A set of `k` invitations that each need a different attribute key, so the index holds k distinct keys. */
const distinctKeySet = (k: number): Invitation[] =>
  Array.from({ length: k }, (_, i) => ({ id: `k${i}`, message: "Hi", position: i % 7, attributes: [{ key: `key${i}`, op: "eq" as const, value: "x" }] }));

export const ATTACK_CASES: readonly AttackCase[] = [
  // Issue 9, as reported.
  urlCase('"/a/" + "b/"×n', "/a/**/b/**/c", (n) => `/a/${fill("b/", n - 3)}`),
  urlCase('"/" + "-"×n + "/x"', "/*-*", (n) => `/${fill("-", n - 3)}/x`),
  urlCase('"/" + "a"×n', "/+(a*)x", (n) => `/${fill("a", n - 1)}`),
  {
    family: "URL glob",
    name: "`*a*a*a*b` as a host glob on a host of n a's",
    sizes: STRING_SIZES,
    build: (n) => ({ invitations: withFallback({ urls: ["*a*a*a*b/*"] }), visitor: { id: "v", url: `${fill("a", n - 1)}/` } }),
  },
  regexCase("^(a|a)*$", "a"),
  regexCase("^(a|aa)+$", "a"),
  regexCase("^(\\w|\\d)+$", "1"),
  regexCase("^(?:a|ab|b)*c$", "ab"),
  regexCase("a*a*a*b", "a"),
  regexCase("\\s*\\s*\\s*x", " "),
  regexCase(".*.*=.*x", "="),
  regexCase("^a*a*a*a*a*b", "a"),
  likeCase(200, 1, "like"),
  // Generated families: many stars, `**` chains, extglobs, braces, classes.
  urlCase('"/" + "a"×n', `/${"*a".repeat(8)}b`, (n) => `/${fill("a", n - 1)}`),
  urlCase('"/a"×n', "/**/**/**/**/x", (n) => fill("/a", n)),
  urlCase('"/" + "a"×n', "/*(a|aa)*(a|aa)x", (n) => `/${fill("a", n - 1)}`),
  urlCase('"/" + "ab"×n', "/{a,b}*{a,b}*{a,b}*c", (n) => `/${fill("ab", n - 1)}`),
  urlCase('"/" + "a"×n', `/${"?".repeat(20)}*x`, (n) => `/${fill("a", n - 1)}`),
  urlCase('"/" + "a-"×n', "/[a-z]*-[a-z]*-[a-z]*-x", (n) => `/${fill("a-", n - 1)}`),
  regexCase("^(a+)+$", "a"),
  regexCase("^(a*)*b$", "a"),
  regexCase("(x+x+)+y", "x"),
  regexCase("^(a|ab|abc)*d$", "abc"),
  regexCase("^(?:a?){20}a{20}$", "a", ""),
  likeCase(300, 3, "notLike"),
  {
    family: "referrer",
    name: "referrer `a` on a referrer host of n a's",
    sizes: STRING_SIZES,
    build: (n) => ({ invitations: withFallback({ referrer: "a" }), visitor: { id: "v", referrer: `https://www.${fill("a", n - 13)}/` } }),
  },
  {
    family: "contains",
    name: "`contains` a near miss on an attribute of n a's",
    sizes: STRING_SIZES,
    build: (n) => ({
      invitations: withFallback({ attributes: [{ key: "q", op: "contains", value: `${"a".repeat(50)}b` }] }),
      visitor: { id: "v", attributes: { q: fill("a", n) } },
    }),
  },
  // Many keys, tags and events in one visitor, against a set indexing 1 000 distinct attribute keys.
  {
    family: "visitor size",
    name: "n attribute keys in the visitor, 1 000 distinct keys in the set",
    sizes: COUNT_SIZES,
    build: (n) => ({
      invitations: [...distinctKeySet(1000), { id: "fallback", message: "Hello", position: 9 }],
      visitor: { id: "v", attributes: Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, "y"])) },
    }),
  },
  {
    family: "visitor size",
    name: "n tags in the visitor, 1 000 tag invitations",
    sizes: COUNT_SIZES,
    build: (n) => ({
      invitations: [...Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, message: "Hi", tag: `tag${i}`, timeOnSite: 999 })), { id: "fallback", message: "Hello", position: 9 }],
      visitor: { id: "v", tags: Array.from({ length: n }, (_, i) => `tag${i}`) },
    }),
  },
  {
    family: "visitor size",
    name: "n events in the visitor, 1 000 event invitations",
    sizes: EVENT_SIZES,
    build: (n) => ({
      invitations: [
        ...Array.from({ length: 1000 }, (_, i) => ({ id: `e${i}`, message: "Hi", events: [{ event: `ev${i}`, minCount: 3, withinSeconds: 60 }], timeOnSite: 999 })),
        { id: "fallback", message: "Hello", position: 9 },
      ],
      visitor: { id: "v", events: Array.from({ length: n }, (_, i) => ({ name: `ev${i % 1500}`, at: ATTACK_NOW - i })) },
    }),
  },
  // The other calls visitor input reaches.
  explainCase(urlCase('"/" + "-"×n + "/x"', "/*-*", (n) => `/${fill("-", n - 3)}/x`)),
  explainCase(regexCase("^(a|aa)+$", "a")),
  explainCase(likeCase(200, 1, "like")),
  {
    family: "recordEvent",
    name: "a log of n records of one name refreshed by value (`filterByValue`), values of 64 characters",
    call: "recordEvent",
    sizes: EVENT_SIZES,
    build: (n) => ({
      invitations: [],
      visitor: { id: "v" },
      definitions: [{ name: "search", storeTimeoutSeconds: 3600, filterByValue: true }],
      log: Array.from({ length: n }, (_, i) => ({ name: "search", at: ATTACK_NOW - 4_000_000 + i, value: `${fill("q", 58)}${String(i).padStart(6, "0")}` })),
      event: { name: "search", value: `${fill("q", 58)}999999` },
    }),
  },
  {
    family: "recordEvent",
    name: "an event value of n characters against 1 000 records differing in their last character",
    call: "recordEvent",
    sizes: STRING_SIZES,
    build: (n) => ({
      invitations: [],
      visitor: { id: "v" },
      definitions: [{ name: "search", storeTimeoutSeconds: 3600, filterByValue: true }],
      log: Array.from({ length: 1000 }, (_, i) => ({ name: "search", at: ATTACK_NOW - 60_000 + i, value: `${fill("a", n - 1)}b` })),
      event: { name: "search", value: fill("a", n) },
    }),
  },
  {
    family: "pruneEvents",
    name: "a log of n records against 1 000 event invitations",
    call: "pruneEvents",
    sizes: EVENT_SIZES,
    build: (n) => ({
      invitations: Array.from({ length: 1000 }, (_, i) => ({ id: `e${i}`, message: "Hi", events: [{ event: `ev${i}`, minCount: 3, withinSeconds: 60 }] })),
      visitor: { id: "v" },
      log: Array.from({ length: n }, (_, i) => ({ name: `ev${i % 1500}`, at: ATTACK_NOW - i })),
    }),
  },
  {
    family: "service",
    name: "`check` (memory storage) with `/*-*` on a URL of \"/\" + \"-\"×n + \"/x\"",
    call: "service check",
    sizes: STRING_SIZES,
    build: (n) => ({ invitations: withFallback({ urls: ["/*-*"] }), visitor: { id: "v", url: `/${fill("-", n - 3)}/x` } }),
  },
  {
    family: "service",
    name: "`check` (memory storage) with a regex attribute `^(a|aa)+$` on \"a\"×n + \"!\"",
    call: "service check",
    sizes: STRING_SIZES,
    build: (n) => ({
      invitations: withFallback({ attributes: [{ key: "q", op: "regex", value: "^(a|aa)+$" }] }),
      visitor: { id: "v", attributes: { q: `${fill("a", n - 1)}!` } },
    }),
  },
  {
    family: "service",
    name: "`logEvent` (memory storage) with a value of n characters, refreshed by value",
    call: "service logEvent",
    sizes: STRING_SIZES,
    build: (n) => ({
      invitations: [{ id: "e", message: "Hi", events: [{ event: "search", minCount: 3, withinSeconds: 60 }] }],
      visitor: { id: "v" },
      definitions: [{ name: "search", storeTimeoutSeconds: 3600, filterByValue: true }],
      event: { name: "search", value: fill("a", n) },
    }),
  },
];

/** The same attack, timed through `explain` (the recording pass over the same checks). */
function explainCase(attack: AttackCase): AttackCase {
  return { ...attack, family: `explain, ${attack.family}`, call: "explain" };
}
