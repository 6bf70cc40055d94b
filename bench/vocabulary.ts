/**
 * The vocabularies invitations and visitors are drawn from. Visitors use the same words (with the casing, spacing
 * and URL spelling variations real snapshots have) so that a good share of them match something.
 */
import type { Weekday } from "../src/index.js";

export const IDENTIFIERS = ["shop", "docs", "blog", "support", "app", "partners"] as const;
export const LANGUAGES = ["eng", "lit", "ger", "fre", "spa", "pol"] as const;
export const DEPARTMENTS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const TAGS = ["vip", "trial", "returning", "cart", "newsletter", "b2b", "mobile-app", "promo"] as const;
export const DEVICES = ["desktop", "mobile", "tablet"] as const;

export const HOSTS = [
  "shop.example.com",
  "www.example.com",
  "docs.example.com",
  "blog.example.com",
  "example.com",
  "localhost:3000",
] as const;

export const PATHS = [
  "/",
  "/pricing",
  "/pricing/enterprise",
  "/checkout",
  "/checkout/payment",
  "/cart",
  "/blog/2026/spring-sale",
  "/blog/how-to-choose",
  "/docs/api/v2",
  "/docs/getting-started",
  "/account/settings",
  "/strategy/plans/a",
  "/products/shoes/running",
  "/products/hats",
  "/contact",
  "/about",
] as const;

/** Path prefixes used by `…/*` and `/x*` patterns. */
export const PATH_PREFIXES = ["/pricing", "/checkout", "/blog", "/docs", "/docs/api", "/account", "/strategy", "/products"] as const;

/** Patterns with a `*` inside (not only trailing). */
export const INNER_STAR_PATTERNS = [
  "/products/*/running",
  "/blog/*/spring-sale",
  "*.example.com/pricing",
  "*.example.com/checkout/*",
  "/docs/*/v2",
] as const;

export const TIME_ZONES = ["Europe/Vilnius", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"] as const;

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Named weekly window shapes: days and one `HH:mm` window (some cross midnight). */
export const WINDOW_SHAPES: readonly { days: readonly Weekday[]; start: string; end: string }[] = [
  { days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:30" },
  { days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "18:00" },
  { days: ["mon", "tue", "wed", "thu", "fri"], start: "12:00", end: "13:59" },
  { days: ["sat", "sun"], start: "10:00", end: "16:00" },
  { days: ["fri", "sat"], start: "22:00", end: "02:00" },
  { days: ["sun"], start: "20:00", end: "07:59" },
  { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], start: "18:00", end: "23:59" },
];

export const PLANS = ["free", "pro", "team", "enterprise"] as const;
export const COUNTRIES = ["lt", "de", "us", "fr", "jp"] as const;
export const CAMPAIGNS = ["spring-sale-2026", "newsletter-march", "black-friday", "partner-referral", "summer-news"] as const;
export const CAMPAIGN_WORDS = ["sale", "spring", "news", "friday", "partner"] as const;

export const EVENT_NAMES = ["login_failed", "add_to_cart", "viewed_pricing", "birthday", "download"] as const;
/** `undefined` = every record counts. */
export const EVENT_WINDOWS: readonly (number | undefined)[] = [undefined, undefined, 60, 300, 1800, 3600, 86_400];

export const TIME_ON_SITE_THRESHOLDS = [5, 10, 15, 30, 60, 120] as const;
export const PAGEVIEW_THRESHOLDS = [2, 3, 5] as const;

/** Positions many invitations share, so that ties on position (and on time on site) occur. */
export const COMMON_POSITIONS = [0, 10, 20, 50, 100] as const;
