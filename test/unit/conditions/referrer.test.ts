import { describe, expect, it } from "vitest";
import { matchReferrer } from "../../../src/conditions/match-referrer.js";
import { normalizeReferrerRule } from "../../../src/conditions/normalize-referrer-rule.js";
import { referrerHost } from "../../../src/conditions/referrer-host.js";

describe("referrerHost", () => {
  it.each([
    ["https://www.google.com/x", "google.com"],
    ["//www.google.com/x", "google.com"],
    ["www.google.com/x", "google.com"],
    ["WWW.Google.com", "google.com"],
    ["http://google.co.uk/search?q=a#b", "google.co.uk"],
    ["google.com?q=a", "google.com"],
    ["google.com#top", "google.com"],
    ["https://user:secret@www.example.com:8080/path", "example.com"],
    ["android-app://com.google.android.gm/", "com.google.android.gm"],
    ["  https://www.bing.com/  ", "bing.com"],
    ["www.www.x.com", "www.x.com"],
    ["foo.www.bar.com", "foo.www.bar.com"],
    ["wwwx.com", "wwwx.com"],
  ])("reads %j as host %j", (referrer, host) => {
    expect(referrerHost(referrer)).toBe(host);
  });

  it.each(["", "   ", "/relative/page", "//", "https://", "?q=1"])("returns an empty host for %j", (referrer) => {
    expect(referrerHost(referrer)).toBe("");
  });
});

describe("normalizeReferrerRule", () => {
  it.each([
    ["google", "google"],
    [" Google ", "google"],
    ["www.google", "google"],
    ["https://google.com/", "google.com"],
    ["//www.Google.co.uk/search", "google.co.uk"],
    ["", ""],
    ["   ", ""],
  ])("normalises %j to %j", (rule, normalized) => {
    expect(normalizeReferrerRule(rule)).toBe(normalized);
  });
});

describe("matchReferrer", () => {
  it("allows every visitor when the rule is empty, even without a referrer", () => {
    expect(matchReferrer("", "")).toBe(true);
    expect(matchReferrer("", "google.com")).toBe(true);
  });

  it.each(["google.com", "google.co.uk", "googleads.net", "google"])("matches host %j by prefix", (host) => {
    expect(matchReferrer("google", host)).toBe(true);
  });

  it.each(["news.google.com", "bing.com", "goog", ""])("does not match host %j", (host) => {
    expect(matchReferrer("google", host)).toBe(false);
  });

  it("matches a visitor referred from www.google.com against a rule written www.google", () => {
    expect(matchReferrer(normalizeReferrerRule("www.google"), referrerHost("https://www.google.com/search?q=x"))).toBe(
      true,
    );
  });
});
