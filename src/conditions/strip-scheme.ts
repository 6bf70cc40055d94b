// A scheme is only recognised with its `://`, so `localhost:3000/x` keeps its host and `mailto:` style values are
// left alone.
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Removes a leading URL scheme (`https://`) or a scheme-relative `//`, so that URLs with and without scheme read the
 * same. The value is expected trimmed.
 *
 * @example
 * stripScheme("https://shop.example.com/x") // => "shop.example.com/x"
 * stripScheme("//shop.example.com/x")       // => "shop.example.com/x"
 * stripScheme("shop.example.com/x")         // => "shop.example.com/x"
 */
export function stripScheme(value: string): string {
  const scheme = SCHEME.exec(value);
  if (scheme !== null) return value.slice(scheme[0].length);
  return value.startsWith("//") ? value.slice(2) : value;
}
