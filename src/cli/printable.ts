/**
 * Control characters a terminal acts on rather than shows: C0 but tab and line feed (carriage return overwrites a
 * line, escape starts a command), DEL, C1, and the marks that reorder text (the "Trojan Source" bidi controls).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The colour sequences `paint` writes (picocolors: bold, dim, red, green and their resets), kept when colour is on. */
const PAINT = /(\u001b\[(?:1|2|22|31|32|39)m)/;

/**
 * Text as the command writes it to a terminal: every control character from the input files (an invitation id, an
 * unknown key, an LHC column) shown as a `\u00XX` escape instead of acting on the terminal — an id could otherwise
 * clear the screen, forge lines or colours. With `colour`, the command's own colour sequences stay. The escape is
 * JSON's own, so `--json` output stays the same JSON.
 *
 * @example
 * printable("id \u001b[2J", false) // => "id \\u001b[2J"
 */
export function printable(text: string, colour: boolean): string {
  const escape = (part: string): string => part.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (!colour) return escape(text);
  return text
    .split(PAINT)
    .map((part, i) => (i % 2 === 1 ? part : escape(part)))
    .join("");
}
