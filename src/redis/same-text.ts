/**
 * Whether `bytes` (UTF-8, as Redis answers) are `text`, compared without making a string of them when `text` is
 * ASCII, as versions and this adapter's commit ids are: turning a reply's fields into strings cost the client more
 * than sending the command. Anything else is decoded and compared as text (bytes that are not UTF-8 decode with
 * replacement characters, as ioredis would decode them).
 *
 * @example
 * sameText(Buffer.from("12"), "12") // => true
 * sameText(Buffer.from("é"), "é") // => true
 */
export function sameText(bytes: Uint8Array, text: string): boolean {
  if (bytes.length === text.length) {
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) ascii = false;
      // Equal so far and ASCII: a byte that differs here decodes to another character, whatever follows it.
      else if (bytes[i] !== code) return false;
    }
    if (ascii) return true;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8") === text;
}

/**
 * Whether `bytes` are the decimal text of the whole number `n` ≥ 0 (`sameText(bytes, String(n))`), read digit by
 * digit from the end without making the string: a version, compared on every confirmation. Any other `n` (negative,
 * fractional) matches no bytes: no stored version can vouch for it.
 *
 * @example
 * sameNumber(Buffer.from("12"), 12) // => true
 * sameNumber(Buffer.from("012"), 12) // => false
 */
export function sameNumber(bytes: Uint8Array, n: number): boolean {
  let rest = n;
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i] !== 48 + (rest % 10)) return false;
    rest = Math.floor(rest / 10);
    // Every digit of n read, bytes left over: a longer text (a leading zero, or more digits).
    if (rest === 0 && i > 0) return false;
  }
  return bytes.length > 0 && rest === 0;
}
