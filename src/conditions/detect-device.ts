import type { Device } from "../types.js";

const TABLET = /iPad|Tablet|Kindle|Silk|PlayBook/i;
const ANDROID = /Android/i;
const MOBILE_WORD = /Mobile/i;
// "Android … Mobile" needs no pattern of its own: "Mobi" covers it, and `Android.*Mobile` could backtrack on huge
// input.
const MOBILE = /Mobi|iPhone|iPod|Windows Phone|BlackBerry|Opera Mini/i;

/**
 * Classifies a browser's user agent, for hosts that fill `visitor.device` (docs/api.md: Visitor snapshot): tablets (iPad, Android without
 * "Mobile", Tablet, Kindle, Silk, PlayBook) are checked first, then phones (Mobi, iPhone, iPod, Android with
 * "Mobile", Windows Phone, BlackBerry, Opera Mini); everything else, an empty string included, is a desktop. iPads
 * that announce themselves as a Mac (iPadOS 13+ by default) read as desktop: the user agent cannot tell them apart.
 *
 * @example
 * detectDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) … Mobile/15E148 Safari/604.1") // => "mobile"
 * detectDevice("Mozilla/5.0 (Linux; Android 13; SM-X700) … Safari/537.36")                           // => "tablet"
 * detectDevice("")                                                                                   // => "desktop"
 */
export function detectDevice(userAgent: string): Device {
  if (TABLET.test(userAgent) || (ANDROID.test(userAgent) && !MOBILE_WORD.test(userAgent))) return "tablet";
  return MOBILE.test(userAgent) ? "mobile" : "desktop";
}
