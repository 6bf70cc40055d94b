import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileUrlPatterns } from "../../../src/conditions/compile-url-patterns.js";
import { matchUrl } from "../../../src/conditions/match-url.js";
import { normalizePage } from "../../../src/conditions/normalize-page.js";
import { buildCandidateIndex } from "../../../src/compile/candidate-index.js";
import { CandidateCursor, matchingCandidates, releaseMask } from "../../../src/evaluate/visitor-mask.js";
import { compileInvitation } from "../../../src/compile/compile-invitation.js";
import type { Invitation, Visitor } from "../../../src/types.js";
import { viewVisitor, type VisitorView } from "../../../src/visitor/view-visitor.js";

const view = (visitor: Omit<Visitor, "id">): VisitorView => viewVisitor({ id: "v1", ...visitor }) as VisitorView;

function walk(invitations: Invitation[], visitor: Omit<Visitor, "id">): string[] {
  const index = buildCandidateIndex(invitations.map(compileInvitation));
  const cursor = new CandidateCursor(index.candidates, matchingCandidates(index, view(visitor)));
  const ids: string[] = [];
  for (let c = cursor.next(); c !== undefined; c = cursor.next()) ids.push(c.id);
  return ids;
}

describe("candidate index", () => {
  const set: Invitation[] = [
    { id: "any", message: "x" },
    { id: "eng", language: "ENG", message: "x" },
    { id: "lit", language: "lit", message: "x" },
    { id: "site1", identifier: "example1_com", message: "x" },
    { id: "vip", tag: "vip", message: "x" },
    { id: "dep12", departments: [1, "2"], message: "x" },
    { id: "mobile", devices: ["mobile", "tablet"], message: "x" },
    { id: "off", enabled: false, message: "x" },
  ];

  it("keeps the candidates whose equality keys fit, in list order, and never disabled ones", () => {
    expect(walk(set, { language: "eng", tags: ["VIP"], department: 2, device: "tablet" })).toEqual([
      "any",
      "eng",
      "vip",
      "dep12",
      "mobile",
    ]);
  });

  it("keeps only the unrestricted ones for a visitor without keys", () => {
    expect(walk(set, {})).toEqual(["any"]);
  });

  it("walks past 32 candidates, across words of the bitset", () => {
    const many: Invitation[] = Array.from({ length: 100 }, (_, i) => ({ id: `i${i}`, message: "x", ...(i % 3 === 0 ? {} : { language: "lit" }) }));
    expect(walk(many, { language: "eng" })).toEqual(many.filter((_, i) => i % 3 === 0).map((i) => i.id));
    expect(walk(many, { language: "lit" })).toHaveLength(100);
  });

  it("walks every candidate, disabled included, without a mask (as explain does)", () => {
    const index = buildCandidateIndex(set.map(compileInvitation));
    const cursor = new CandidateCursor(index.candidates, null);
    const ids: string[] = [];
    for (let c = cursor.next(); c !== undefined; c = cursor.next()) ids.push(c.id);
    expect(ids).toEqual(set.map((i) => i.id));
  });

  it("skips candidates naming another host, keeps path-only and wildcard ones", () => {
    const urls: Invitation[] = [
      { id: "shop", urls: ["https://Shop.Example.com/pricing*"], message: "x" },
      { id: "docs", urls: ["docs.example.com/*", "shop.example.com/docs"], message: "x" },
      { id: "path", urls: ["/pricing*"], message: "x" },
      { id: "glob-host", urls: ["*.example.com/pricing"], message: "x" },
      { id: "everywhere", urls: ["*"], message: "x" },
      { id: "not-admin", urls: ["!example.com/admin/**"], message: "x" },
    ];
    expect(walk(urls, { url: "https://shop.example.com/pricing" })).toEqual(["shop", "docs", "path", "glob-host", "everywhere", "not-admin"]);
    expect(walk(urls, { url: "https://elsewhere.org/pricing" })).toEqual(["path", "glob-host", "everywhere", "not-admin"]);
    expect(walk(urls, { url: "/pricing" })).toEqual(["path", "glob-host", "everywhere", "not-admin"]);
    // Without a page only a list holding `*` (or only exclusions) can match: a path or host pattern cannot.
    expect(walk(urls, {})).toEqual(["everywhere", "not-admin"]);
  });

  it("skips candidates that need more page views than the visitor made", () => {
    const views: Invitation[] = [0, 1, 2, 3].map((n) => ({ id: `pv${n}`, pageviews: n, message: "x" }));
    expect(walk(views, { pageviews: 2 })).toEqual(["pv0", "pv1", "pv2"]);
    expect(walk(views, {})).toEqual(["pv0", "pv1"]);
    expect(walk(views, { pageviews: 99 })).toEqual(["pv0", "pv1", "pv2", "pv3"]);
  });

  it("skips candidates needing an attribute key or an event the visitor does not have", () => {
    const needs: Invitation[] = [
      { id: "plan", attributes: [{ key: "plan", op: "eq", value: "pro" }], message: "x" },
      { id: "no-plan", attributes: [{ key: "plan", op: "notExists" }], message: "x" },
      { id: "recent", attributes: [{ key: "signupAt", op: "gt", value: { now: -60 } }], message: "x" },
      { id: "login", events: [{ event: "Login_Failed", minCount: 1 }], message: "x" },
    ];
    expect(walk(needs, {})).toEqual(["no-plan"]);
    expect(walk(needs, { attributes: { plan: null, signupAt: 5 } })).toEqual(["no-plan", "recent"]);
    expect(walk(needs, { attributes: { plan: "basic" }, events: [{ name: "login_failed", at: 1 }] })).toEqual(["plan", "no-plan", "login"]);
  });

  it("handles an empty list", () => {
    expect(walk([], { language: "eng" })).toEqual([]);
  });
});

describe("candidate index: URL segments and time on site", () => {
  it("skips candidates whose URL patterns all write out another first path segment", () => {
    const urls: Invitation[] = [
      { id: "docs", urls: ["/docs/*"], message: "x" },
      { id: "shop-docs", urls: ["shop.example.com/docs"], message: "x" },
      { id: "home", urls: ["example.com", "/"], message: "x" },
      { id: "prefix", urls: ["/doc*"], message: "x" },
      { id: "upper", urls: ["/Docs/*"], message: "x" },
      { id: "braces", urls: ["/{docs,blog}/*"], message: "x" },
    ];
    expect(walk(urls, { url: "https://shop.example.com/docs/a" })).toEqual(["docs", "shop-docs", "prefix", "braces"]);
    expect(walk(urls, { url: "https://example.com/" })).toEqual(["home", "braces"]);
    // Paths match case-sensitively: `/doc*` cannot match `/Docs`.
    expect(walk(urls, { url: "/Docs" })).toEqual(["upper", "braces"]);
    // The index only filters: a pattern it cannot read (braces) stays a candidate for the full check.
    expect(walk(urls, {})).toEqual(["braces"]);
  });

  it("keys a first segment's literal prefix, cut to a few lengths, and reads a glob host's path", () => {
    const urls: Invitation[] = [
      { id: "strategy", urls: ["/strategy*"], message: "x" },
      { id: "acc", urls: ["/acc?unt/*"], message: "x" },
      { id: "a", urls: ["/a*"], message: "x" },
      { id: "any-host", urls: ["*.example.com/checkout/*"], message: "x" },
      { id: "deep-host", urls: ["**/checkout/*"], message: "x" },
      { id: "dot", urls: ["/./x"], message: "x" },
    ];
    expect(walk(urls, { url: "https://x.example.com/strategy-2026/a" })).toEqual(["strategy", "deep-host", "dot"]);
    expect(walk(urls, { url: "https://x.example.com/account/a" })).toEqual(["acc", "a", "deep-host", "dot"]);
    expect(walk(urls, { url: "https://x.example.com/checkout" })).toEqual(["any-host", "deep-host", "dot"]);
    expect(walk(urls, { url: "/strateg" })).toEqual(["deep-host", "dot"]);
  });

  it("walks only candidates whose time-on-site minimum is met when asked to, with many distinct minimums too", () => {
    for (const count of [5, 150]) {
      const set: Invitation[] = Array.from({ length: count }, (_, i) => ({ id: `t${i}`, timeOnSite: (i * 7) % count, message: "x" }));
      const index = buildCandidateIndex(set.map(compileInvitation));
      for (const timeOnSite of [0, 3, 4.5, count / 2, count]) {
        const cursor = new CandidateCursor(index.candidates, matchingCandidates(index, view({ timeOnSite })), true);
        const walked = new Set<string>();
        for (let c = cursor.next(); c !== undefined; c = cursor.next()) walked.add(c.id);
        // Every ready candidate is walked; with many minimums, a few not yet ready may be too (never the reverse).
        for (const c of index.candidates) if (c.timeOnSite <= timeOnSite) expect(walked.has(c.id)).toBe(true);
        if (count === 5) expect([...walked]).toEqual(index.candidates.filter((c) => c.timeOnSite <= timeOnSite).map((c) => c.id));
      }
    }
  });
});

describe("candidate index: a first segment's exact and prefix keys", () => {
  // Exact segments (`/E/*`, key E) and literal prefixes of the indexed lengths (`/P*`, key `/P`: no cut), from pools
  // many candidates share (bitsets) and one candidate's own (lists, once the set spans 16 words or more).
  const shared = fc.constantFrom("d", "do", "docs", "docu", "document", "documents", "blog");
  const own = fc.noBias(fc.integer({ min: 1000, max: 9999 })).map((k) => `docs${k}`);
  const specArb = fc.option(fc.record({ prefix: fc.boolean(), value: fc.oneof(shared, own) }), { nil: undefined, freq: 3 });
  type Spec = { prefix: boolean; value: string } | undefined;
  const toInvitation = (spec: Spec, i: number): Invitation => ({
    id: `i${i}`,
    message: "x",
    // A prefix must be one of the indexed lengths (1, 2, 4, 8) to be its own key; others stand as exact segments.
    ...(spec === undefined ? {} : { urls: [spec.prefix && [1, 2, 4, 8].includes(spec.value.length) ? `/${spec.value}*` : `/${spec.value}/*`] }),
  });
  /** The oracle: the candidates a page's first segment lets through, read off the specs. */
  const fits = (spec: Spec, segment: string): boolean =>
    spec === undefined || (spec.prefix && [1, 2, 4, 8].includes(spec.value.length) ? segment.startsWith(spec.value) : segment === spec.value);

  it("joins an exact segment with the prefix keys that fit it, a listed prefix key among them", () => {
    const invitations: Invitation[] = [
      ...Array.from({ length: 600 }, (_, i): Invitation => ({ id: `f${i}`, urls: [i % 2 === 0 ? "/documents/*" : "/docu*"], message: "x" })),
      { id: "rare", urls: ["/document*"], message: "x" },
      { id: "other", urls: ["/blog/*"], message: "x" },
    ];
    const index = buildCandidateIndex(invitations.map(compileInvitation));
    expect(index.segmentJoined.has("documents")).toBe(true);
    expect(index.segment.sparse.has("/document")).toBe(true);
    const walked = walk(invitations, { url: "https://example.com/documents/a" });
    expect(walked).toEqual(invitations.filter((inv) => inv.id !== "other").map((inv) => inv.id));
    expect(walk(invitations, { url: "https://example.com/docum/a" })).toEqual(invitations.filter((_, i) => i < 600 && i % 2 === 1).map((inv) => inv.id));
  });

  it("walks exactly the candidates whose segment keys fit the page, for sets mixing shared and rare keys", () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 520, maxLength: 700 }), fc.array(fc.oneof(shared, own), { minLength: 1, maxLength: 4 }), (specs, segments) => {
        // Pages on a candidate's own segment too, and on one a prefix candidate's key starts.
        const picked = specs.find((spec) => spec !== undefined && spec.value.startsWith("docs") && spec.value.length > 4);
        const pages = picked === undefined ? segments : [...segments, picked.value, `${picked.value}x`];
        const invitations = specs.map(toInvitation);
        for (const segment of pages) {
          expect(walk(invitations, { url: `https://example.com/${segment}/page` })).toEqual(
            invitations.filter((_, i) => fits(specs[i], segment)).map((inv) => inv.id),
          );
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("candidate index: soundness of the URL filters", () => {
  const segment = fc.constantFrom("docs", "Docs", "doc", "documents", "strategy", "a", "", ".", "x.y");
  const globSegment = fc.oneof(segment, fc.constantFrom("*", "**", "doc*", "?oc*", "d?cs", "{docs,blog}", "[dx]ocs", "str*gy", "@(docs|a)", "docs\\*"));
  const host = fc.constantFrom("example.com", "Shop.Example.com", "*.example.com", "**", "*", "shop.*.com", "shop.example.com:8080");
  const patternArb = fc
    .tuple(fc.option(host, { nil: undefined }), fc.array(globSegment, { minLength: 0, maxLength: 3 }), fc.boolean(), fc.boolean())
    .map(([h, segments, star, negated]) => `${negated ? "!" : ""}${h ?? ""}/${segments.join("/")}${star ? "*" : ""}`);
  const pageArb = fc
    .tuple(fc.constantFrom("https://example.com", "https://shop.example.com", "http://x.example.com", "https://shop.example.com:8080", ""), fc.array(segment, { maxLength: 3 }), fc.boolean())
    .map(([origin, segments, slash]) => `${origin}/${segments.join("/")}${slash ? "/" : ""}`);

  it("keeps a pattern whose host part is '.', which the glob reader drops as a leading './' (found by this property)", () => {
    expect(walk([{ id: "u", urls: ["//./*", "!/docs"], message: "x" }], { url: "https://example.com/" })).toEqual(["u"]);
  });

  it("never drops a candidate whose URL patterns match the page", () => {
    fc.assert(
      fc.property(fc.array(patternArb, { minLength: 1, maxLength: 3 }), pageArb, (patterns, url) => {
        const matcher = compileUrlPatterns(patterns);
        if (!matchUrl(matcher!, normalizePage(url))) return;
        expect(walk([{ id: "u", urls: patterns, message: "x" }], { url })).toEqual(["u"]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("candidate index: rare keys kept as lists", () => {
  // Keys from a pool of three (shared by many candidates: bitsets) or of one candidate's own (lists), mixed.
  const keyArb = (prefix: string) => fc.oneof(fc.constantFrom(`${prefix}-a`, `${prefix}-b`, `${prefix}-c`), fc.noBias(fc.nat({ max: 2000 })).map((k) => `${prefix}${k}`));
  const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
  const invitationArb = fc.record({
    language: optional(keyArb("lang")),
    tag: optional(keyArb("tag")),
    host: optional(keyArb("host")),
    attributes: optional(fc.uniqueArray(keyArb("key"), { minLength: 1, maxLength: 2 })),
    events: optional(fc.uniqueArray(keyArb("event"), { minLength: 1, maxLength: 2 })),
  });
  const visitorArb = fc.record({
    language: keyArb("lang"),
    tags: fc.array(keyArb("tag"), { maxLength: 3 }),
    host: keyArb("host"),
    attributes: fc.array(keyArb("key"), { maxLength: 4 }),
    events: fc.array(keyArb("event"), { maxLength: 4 }),
  });
  type Spec = { language: string | undefined; tag: string | undefined; host: string | undefined; attributes: string[] | undefined; events: string[] | undefined };
  type Keys = { language: string; tags: string[]; host: string; attributes: string[]; events: string[] };

  const toInvitation = (spec: Spec, i: number): Invitation => ({
    id: `i${i}`,
    message: "x",
    ...(spec.language === undefined ? {} : { language: spec.language }),
    ...(spec.tag === undefined ? {} : { tag: spec.tag }),
    ...(spec.host === undefined ? {} : { urls: [`${spec.host}.example.com/*`] }),
    ...(spec.attributes === undefined ? {} : { attributes: spec.attributes.map((key) => ({ key, op: "exists" as const })) }),
    ...(spec.events === undefined ? {} : { events: spec.events.map((event) => ({ event, minCount: 1 })) }),
  });
  const toVisitor = (keys: Keys): Omit<Visitor, "id"> => ({
    language: keys.language,
    tags: keys.tags,
    url: `https://${keys.host}.example.com/page`,
    attributes: Object.fromEntries(keys.attributes.map((key) => [key, 1])),
    events: keys.events.map((name) => ({ name, at: 1 })),
  });
  /** The oracle: which candidates these static keys let through, read off the specs directly. */
  const fits = (spec: Spec, keys: Keys): boolean =>
    (spec.language === undefined || spec.language === keys.language) &&
    (spec.tag === undefined || keys.tags.includes(spec.tag)) &&
    (spec.host === undefined || spec.host === keys.host) &&
    (spec.attributes ?? []).every((key) => keys.attributes.includes(key)) &&
    (spec.events ?? []).every((event) => keys.events.includes(event));

  it("walks exactly the candidates whose keys the visitor has, for sets mixing shared and rare keys", () => {
    fc.assert(
      fc.property(fc.array(invitationArb, { minLength: 200, maxLength: 700 }), fc.array(visitorArb, { minLength: 1, maxLength: 5 }), (specs, visitors) => {
        // Some visitors take the keys of a listed candidate, so rare keys are hit, not only missed.
        const picked = specs[visitors.length % specs.length] as Spec;
        const own: Keys = { language: picked.language ?? "", tags: picked.tag === undefined ? [] : [picked.tag], host: picked.host ?? "", attributes: picked.attributes ?? [], events: picked.events ?? [] };
        // …and the same keys short of one needed attribute and event: a candidate needing two keys must not pass.
        const short: Keys = { ...own, attributes: own.attributes.slice(1), events: own.events.slice(1) };
        const invitations = specs.map(toInvitation);
        for (const keys of [...visitors, own, short]) {
          expect(walk(invitations, toVisitor(keys))).toEqual(invitations.filter((_, i) => fits(specs[i] as Spec, keys)).map((inv) => inv.id));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("lets the candidates that accept any value through with a listed value's own", () => {
    const set: Invitation[] = Array.from({ length: 300 }, (_, i) => ({ id: `i${i}`, message: "x", ...(i % 2 === 0 ? { language: `l${i}` } : {}) }));
    const index = buildCandidateIndex(set.map(compileInvitation));
    expect(index.language.sparse.size).toBe(150);
    const wild = set.filter((_, i) => i % 2 === 1).map((inv) => inv.id);
    expect(walk(set, { language: "l4" })).toEqual(["i1", "i3", "i4", ...wild.slice(2)]);
    expect(walk(set, { language: "l5" })).toEqual(wild);
  });

  it("lets a candidate needing several listed keys through only when the visitor has them all", () => {
    const set: Invitation[] = Array.from({ length: 300 }, (_, i) => ({
      id: `i${i}`,
      message: "x",
      attributes: [{ key: `a${i}`, op: "exists" }, { key: `b${i}`, op: "exists" }],
      events: [{ event: `e${i}`, minCount: 1 }, { event: `f${i}`, minCount: 1 }],
    }));
    const events = (...names: string[]) => names.map((name) => ({ name, at: 1 }));
    expect(walk(set, { attributes: { a5: 1, b5: 1, a6: 1 }, events: events("e5", "f5", "f6") })).toEqual(["i5"]);
    expect(walk(set, { attributes: { a5: 1 }, events: events("e5", "f5") })).toEqual([]);
    expect(walk(set, { attributes: { a5: 1, b5: 1 }, events: events("f5") })).toEqual([]);
  });

  it("keeps a set of all-distinct keys small: a list per key, no bitset per key", () => {
    const n = 4096;
    const invitations: Invitation[] = Array.from({ length: n }, (_, i) => ({ id: `i${i}`, message: "x", attributes: [{ key: `key${i}`, op: "eq", value: 1 }], tag: `tag${i}` }));
    const index = buildCandidateIndex(invitations.map(compileInvitation));
    expect(index.needsAttribute.dense.size).toBe(0);
    expect(index.needsAttribute.positions).toHaveLength(n);
    expect(index.tag.dense.size).toBe(0);
    expect(walk(invitations, { attributes: { key7: 1, key4000: 2 }, tags: ["tag4000", "tag9"] })).toEqual(["i4000"]);
    // A key holding no scalar is missing, as the full check reads it.
    expect(walk(invitations, { attributes: { key7: null, key9: { nested: 1 } } as never, tags: ["tag7", "tag9"] })).toEqual([]);
  });
});

describe("candidate index: interleaved scans", () => {
  it("gives each scan its own mask: two cursors stepped in turn walk what each walks alone", () => {
    const set: Invitation[] = Array.from({ length: 400 }, (_, i) => ({ id: `i${i}`, message: "x", language: i % 2 === 0 ? "en" : "lt", attributes: [{ key: `k${i % 5}`, op: "exists" }] }));
    const index = buildCandidateIndex(set.map(compileInvitation));
    const en = view({ language: "en", attributes: { k0: 1 } });
    const lt = view({ language: "lt", attributes: { k1: 1, k3: 1 } });
    const alone = (v: VisitorView): string[] => {
      const ids: string[] = [];
      const cursor = new CandidateCursor(index.candidates, matchingCandidates(index, v));
      for (let c = cursor.next(); c !== undefined; c = cursor.next()) ids.push(c.id);
      return ids;
    };
    const expectedEn = alone(en);
    const expectedLt = alone(lt);
    const a = new CandidateCursor(index.candidates, matchingCandidates(index, en));
    const b = new CandidateCursor(index.candidates, matchingCandidates(index, lt));
    const walkedEn: string[] = [];
    const walkedLt: string[] = [];
    for (let ca = a.next(), cb = b.next(); ca !== undefined || cb !== undefined; ca = a.next(), cb = b.next()) {
      if (ca !== undefined) walkedEn.push(ca.id);
      if (cb !== undefined) walkedLt.push(cb.id);
    }
    expect(walkedEn).toEqual(expectedEn);
    expect(walkedLt).toEqual(expectedLt);
    expect(expectedEn).toHaveLength(40);
    expect(expectedLt).toHaveLength(80);
  });

  it("reuses a mask given back only once its scan is over, starting it afresh", () => {
    const set: Invitation[] = Array.from({ length: 64 }, (_, i) => ({ id: `i${i}`, message: "x", language: i % 2 === 0 ? "en" : "lt" }));
    const index = buildCandidateIndex(set.map(compileInvitation));
    const first = matchingCandidates(index, view({ language: "en" }));
    // The first word's two lowest bits: candidate 0 ("en") and candidate 1 ("lt").
    expect(first.word(0) & 3).toBe(1);
    const nested = matchingCandidates(index, view({ language: "lt" }));
    expect(nested).not.toBe(first);
    releaseMask(index, first);
    releaseMask(index, first);
    const reused = matchingCandidates(index, view({ language: "lt" }));
    expect(reused).toBe(first);
    expect(reused.word(0) & 3).toBe(2);
    // Given back twice, it is still handed out once.
    expect(matchingCandidates(index, view({}))).not.toBe(first);
  });
});
