const SLASH = 0x2f;
const COLON = 0x3a;

/**
 * Removes a leading URL scheme (`https://`) or a scheme-relative `//`, so that URLs with and without scheme read the
 * same. The value is expected trimmed. A scheme is only recognised with its `://`, so `localhost:3000/x` keeps its
 * host and `mailto:` style values are left alone.
 *
 * @example
 * stripScheme("https://shop.example.com/x") // => "shop.example.com/x"
 * stripScheme("//shop.example.com/x")       // => "shop.example.com/x"
 * stripScheme("shop.example.com/x")         // => "shop.example.com/x"
 */
export function stripScheme(value: string): string {
  const length = schemeLength(value);
  return length === 0 ? value : value.slice(length);
}

/**
 * How many leading characters {@link stripScheme} removes: a scheme (`[a-z][a-z0-9+.-]*`, any case) with its `://`,
 * or a leading `//`, else 0. Scanned by hand: it runs for every visitor's page.
 *
 * @example
 * schemeLength("https://example.com") // => 8
 */
export function schemeLength(value: string): number {
  let i = 0;
  if (isLetter(value.charCodeAt(0))) {
    i = 1;
    while (i < value.length && isSchemeChar(value.charCodeAt(i))) i += 1;
    if (value.charCodeAt(i) === COLON && value.charCodeAt(i + 1) === SLASH && value.charCodeAt(i + 2) === SLASH) return i + 3;
  }
  return value.charCodeAt(0) === SLASH && value.charCodeAt(1) === SLASH ? 2 : 0;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Letters, digits, `+`, `-` and `.`. */
function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}
