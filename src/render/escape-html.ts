const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const SPECIAL = /[&<>"']/g;

/**
 * Escapes the five characters that can open markup or leave an attribute value (`& < > " '`), so a visitor value
 * substituted into a message shows as text. `&` is escaped too, so escaping is visible rather than silently undone
 * by a browser decoding an entity the visitor typed.
 *
 * @example
 * escapeHtml(`<b title="x">Tom & 'Jerry'</b>`)
 * // => "&lt;b title=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (char) => ENTITIES[char] ?? char);
}
