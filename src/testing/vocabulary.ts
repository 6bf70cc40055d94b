/**
 * The small vocabularies the arbitraries draw from, shared by invitations and visitors so that they meet often enough
 * for selection, ties and rendering to be exercised: a generated visitor matches a generated invitation's language,
 * page or tag far more often than random strings ever would.
 */

/** 2026-11-26T10:00:00Z, a Thursday: the instant the arbitraries generate around unless told otherwise. */
export const TESTING_BASE_MS = Date.UTC(2026, 10, 26, 10, 0, 0);

export const LANGUAGES = ["eng", "lit", "ger"] as const;
export const IDENTIFIERS = ["example1_com", "example2_com"] as const;
export const TAGS = ["vip", "promo"] as const;
export const DEPARTMENTS = ["1", "2", 3] as const;
// Host, first-path-segment and time-on-site indexes must never drop a candidate: patterns with literal and glob
// hosts and segments, the home page, case differences and path-only pages all meet here.
export const URL_PATTERNS = [
  "*",
  "example.com/pricing*",
  "/docs/**",
  "shop.example.com/strategy/*",
  "!example.com/admin/**",
  "example.com",
  "/",
  "/pricing",
  "/Docs/*",
  "*.example.com/docs/*",
  "example.com/{docs,admin}/*",
  "/doc*",
] as const;
export const PAGES = [
  "https://example.com/pricing",
  "https://example.com/pricing/enterprise",
  "https://shop.example.com/strategy/a/b",
  "https://example.com/docs/start",
  "https://example.com/admin/users",
  "https://example.com/",
  "https://shop.example.com/docs",
  "/docs/start",
  "/pricing/",
  "example.com/Docs/x",
  "",
] as const;
export const ATTRIBUTE_KEYS = ["plan", "seats", "signupAt", "q"] as const;
export const TIME_ZONES = ["UTC", "Europe/Vilnius", "America/New_York"] as const;
