import { InputError } from "./io.js";

/**
 * A file's bytes as text, refusing what is not UTF-8 rather than turning it into U+FFFD: the refusal names the file
 * (`name`, as messages name it) and the offset of the first byte that does not decode, counted from 0 as a hex
 * editor shows it; or it says the file is UTF-16 when it starts with a UTF-16 byte order mark. A UTF-8 byte order
 * mark at the start (some Windows tools write one) is accepted and dropped.
 *
 * @example
 * decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x5b, 0x5d]), "a.json") // => "[]"
 * decodeUtf8(new Uint8Array([0x22, 0xe9, 0x22]), "a.json")             // throws InputError "a.json: not UTF-8 at byte 1 …"
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${name}: UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it as UTF-8`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not UTF-8 at byte ${firstInvalidByte(bytes)} (save it as UTF-8)`);
  }
}

/** The offset where the first ill-formed sequence starts (Unicode's table of well-formed UTF-8, §3.9 table 3-7). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range is narrower after these leads: no overlong forms, no surrogates, nothing past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
