const SLASH = 0x2f;

/**
 * Whether a page's `host/path` is on `host`: the host itself or any page below it (what `host/*` matches).
 *
 * @example
 * isOnHost("shop.example.com", "shop.example.com/a/b") // => true
 * isOnHost("shop.example.com", "shop.example.community/") // => false
 */
export function isOnHost(host: string, hostPath: string): boolean {
  return hostPath.startsWith(host) && (hostPath.length === host.length || hostPath.charCodeAt(host.length) === SLASH);
}
