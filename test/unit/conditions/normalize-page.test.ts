import { describe, expect, it } from "vitest";
import { normalizePage } from "../../../src/conditions/normalize-page.js";

describe("normalizePage", () => {
  it.each([
    ["https://shop.example.com/pricing", "shop.example.com/pricing", "/pricing"],
    ["//shop.example.com/pricing", "shop.example.com/pricing", "/pricing"],
    ["shop.example.com/pricing", "shop.example.com/pricing", "/pricing"],
    ["HTTPS://Shop.Example.COM/Pricing", "shop.example.com/Pricing", "/Pricing"],
    ["https://shop.example.com/pricing/?plan=pro#faq", "shop.example.com/pricing", "/pricing"],
    ["https://shop.example.com/pricing//", "shop.example.com/pricing", "/pricing"],
    ["https://shop.example.com/a//b/", "shop.example.com/a//b", "/a//b"],
    ["example.com", "example.com/", "/"],
    ["example.com/", "example.com/", "/"],
    ["https://example.com?x=1", "example.com/", "/"],
    ["https://example.com#top", "example.com/", "/"],
    ["http://localhost:3000/cart", "localhost:3000/cart", "/cart"],
    ["https://user:pw@Example.com/a", "example.com/a", "/a"],
    ["  https://example.com/a  ", "example.com/a", "/a"],
  ])("normalises %j to host/path %j and path %j", (url, hostPath, path) => {
    expect(normalizePage(url)).toEqual({ hostPath, path, host: hostPath.slice(0, hostPath.indexOf("/")) });
  });

  it.each([
    ["/pricing", "/pricing"],
    ["/Pricing/", "/Pricing"],
    ["/pricing?x=1#y", "/pricing"],
    ["/", "/"],
  ])("reads %j, which starts with one slash, as a path without host", (url, path) => {
    expect(normalizePage(url)).toEqual({ hostPath: path, path, host: "" });
  });

  it.each(["", "   ", "\t\n"])("returns null for the blank value %j", (url) => {
    expect(normalizePage(url)).toBeNull();
  });
});
