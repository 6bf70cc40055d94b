/**
 * Structure the project's property arbitraries do not generate: adversarial patterns (globs with many stars, `**`
 * chains and extglobs; regexes with nested quantifiers and overlapping alternations; `like` with hundreds of
 * alternatives) meeting attack strings made of the pattern's own characters, from short to past the caps; states
 * with a current invitation; sets large enough to need more than one word of candidate bits.
 */
import fc from "fast-check";
import type { AttributeCondition, Invitation, InvitationState, Visitor } from "../src/index.js";
import { BASE_MS, invitationsArb, visitorArb } from "../test/property/arbitraries/engine.js";

const GLOB_PIECES = ["*", "**", "?", "a", "b", "-", "/", ".", "*a", "a*", "b/", "+(a*)", "*(a|b)", "@(a|b)", "!(b)", "{a,b}", "[a-c]", "**/b", "/**/"];

/** A URL glob built from pieces that make backtracking matchers stumble; some are invalid, which is fine. */
export const adversarialGlobArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("/a/**/b/**/c", "/*-*", "/+(a*)x", "*a*a*a*b.com/*", "/**/**/**/x", "/*a*a*a*a*a*b", "/{a,b}*{a,b}*{a,b}*c", "/@(a|aa)+(a)x"),
  fc
    .array(fc.constantFrom(...GLOB_PIECES), { minLength: 2, maxLength: 10 })
    .map((pieces) => `/${pieces.join("")}`),
);

const REGEX_PIECES = ["a", "a*", "(a|a)*", "(a|aa)+", "(\\w|\\d)+", "(?:a|ab|b)*", "\\s*", ".*", "=", "x", "[a-z]+", "(a+)+", "(a*)*", "a{1,100}", "(?:a?){20}", "\\b", "b"];

/** A regex attribute pattern with nested quantifiers or overlapping alternations (many are refused at parse time). */
export const adversarialRegexArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("^(a|a)*$", "^(a|aa)+$", "^(\\w|\\d)+$", "^(?:a|ab|b)*c$", "a*a*a*b", "\\s*\\s*\\s*x", ".*.*=.*x", "^a*a*a*a*a*b"),
  fc
    .tuple(fc.boolean(), fc.array(fc.constantFrom(...REGEX_PIECES), { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([start, pieces, end]) => `${start ? "^" : ""}${pieces.join("")}${end ? "$" : ""}`),
);

/** A `like` value with up to 300 alternatives and some `&&` groups. */
export const adversarialLikeArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 3 }))
  .map(([alternatives, groups]) =>
    Array.from({ length: groups }, (_, g) => Array.from({ length: alternatives }, (_, i) => `w${g}x${i}* a b`).join(", ")).join(" && "),
  );

/** An attack string: one unit repeated to one of the sizes that matter (short, around the caps, far past them). */
export const attackStringArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("a", "b/", "-", "ab", " ", "a-", "=", "w0x1 a b ", "1"),
    fc.constantFrom(16, 30, 64, 256, 1024, 2048, 4096, 8192, 8193, 16_384, 100_000),
    fc.constantFrom("", "!", "x", "/x", "c"),
  )
  .map(([unit, length, tail]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + tail);

/** An attribute condition built to be slow. */
const adversarialAttributeArb: fc.Arbitrary<AttributeCondition> = fc.oneof(
  adversarialRegexArb.map((value) => ({ key: "q", op: "regex" as const, value })),
  fc.tuple(adversarialLikeArb, fc.constantFrom("like" as const, "notLike" as const)).map(([value, op]) => ({ key: "q", op, value })),
  fc.constantFrom("a", "aa", "").map((value) => ({ key: "q", op: "contains" as const, value })),
);

/** An invitation set with attack conditions, and a visitor whose strings attack them. */
export const adversarialCaseArb: fc.Arbitrary<{ invitations: Invitation[]; visitor: Visitor }> = fc
  .record({
    globs: fc.array(adversarialGlobArb, { minLength: 0, maxLength: 3 }),
    attributes: fc.array(adversarialAttributeArb, { minLength: 0, maxLength: 2 }),
    referrer: fc.constantFrom("", "a", "google"),
    url: attackStringArb,
    q: attackStringArb,
    host: fc.constantFrom("", "a".repeat(60), "example.com"),
    tags: fc.constantFrom(0, 0, 0, 10, 100, 2000),
  })
  .map(({ globs, attributes, referrer, url, q, host, tags }) => ({
    invitations: [
      { id: "attack", message: "Hi", position: 0, ...(globs.length > 0 ? { urls: globs } : {}), attributes, referrer },
      { id: "fallback", message: "Hello", position: 1, urls: ["*"] },
    ],
    visitor: {
      id: "attacker",
      url: `${host}/${url}`,
      referrer: `https://${url}`,
      attributes: { q, ...Object.fromEntries(Array.from({ length: Math.min(tags, 500) }, (_, i) => [`k${i}`, "v"])) },
      tags: Array.from({ length: tags }, (_, i) => `t${i}`),
      events: Array.from({ length: tags }, (_, i) => ({ name: `e${i % 50}`, at: BASE_MS - i })),
    },
  }));

/** Invitations that can never match, to push a set past 64, 160 or 400 candidates (more than one bitset word). */
const PADDING: readonly Invitation[] = Array.from({ length: 400 }, (_, i) => ({
  id: `pad-${i}`,
  message: "never",
  position: 5,
  attributes: [{ key: `missing-${i}`, op: "exists" as const }],
}));

/**
 * A valid set of 0–10 engine invitations, one time in four padded to 64, 160 or 400 (validating and compiling a
 * padded set is most of the cost of an input, so most sets stay small).
 */
export const paddedInvitationsArb: fc.Arbitrary<Invitation[]> = fc
  .tuple(invitationsArb, fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 160, 400))
  .map(([invitations, pad]) => [...invitations, ...structuredClone(PADDING.slice(0, pad))]);

/** A visitor: the engine's usual one most of the time, sometimes an attacker's. */
export const anyVisitorArb: fc.Arbitrary<Visitor> = fc.oneof(
  { weight: 4, arbitrary: visitorArb },
  { weight: 1, arbitrary: adversarialCaseArb.map((c) => c.visitor) },
);

/** An invitation state with and without a current invitation, conversions and pauses. */
export const stateWithCurrentArb: fc.Arbitrary<InvitationState> = fc
  .record(
    {
      current: fc.record(
        {
          invitationId: fc.constantFrom("inv-0", "inv-1", "a", "gone"),
          variationId: fc.constantFrom("inv-0", "va", "a"),
          assignedAt: fc.integer({ min: -3600, max: 0 }).map((s) => BASE_MS + s * 1000),
          shownPageviews: fc.integer({ min: 0, max: 4 }),
          closedAt: fc.integer({ min: -600, max: 0 }).map((s) => BASE_MS + s * 1000),
          expiresAt: fc.integer({ min: -600, max: 600 }).map((s) => BASE_MS + s * 1000),
        },
        { requiredKeys: ["invitationId", "variationId", "assignedAt", "shownPageviews"] },
      ),
      suppressedUntil: fc.integer({ min: -600, max: 600 }).map((s) => BASE_MS + s * 1000),
      sessionExcluded: fc.array(fc.constantFrom("inv-0", "inv-1", "a"), { maxLength: 2 }),
      seenOnce: fc.array(fc.constantFrom("inv-0", "inv-2", "b"), { maxLength: 2 }),
      conversions: fc.array(
        fc.record({
          invitationId: fc.constantFrom("inv-0", "a"),
          variationId: fc.constantFrom("inv-0", "a"),
          campaign: fc.constantFrom("", "spring"),
          status: fc.constantFrom("sent" as const, "shown" as const, "closed" as const, "chatStarted" as const),
          sentAt: fc.integer({ min: -3600, max: 0 }).map((s) => BASE_MS + s * 1000),
          event: fc.constantFrom("ordered", "signup"),
          expiresAt: fc.integer({ min: -600, max: 3600 }).map((s) => BASE_MS + s * 1000),
        }),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: ["sessionExcluded", "seenOnce", "conversions"] },
  )
  .map((state) => ({ v: 1 as const, ...state }));
