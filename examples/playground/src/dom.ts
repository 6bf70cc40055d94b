/// <reference lib="dom" />
/** The little DOM building the page needs: no framework, text always set as text (never parsed as HTML). */

/** A child of {@link el}: an element, or text. */
export type Child = Node | string;

/**
 * Creates an element with attributes and children; strings become text nodes, so a message or URL from the inputs
 * can never inject markup.
 *
 * @example
 * el("td", { class: "reason" }, "time_on_site") // => <td class="reason">time_on_site</td>
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The element with this id, of this kind; throws when the page lacks it (a mistake in index.html). */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`the page has no <${kind.name}> with id "${id}"`);
  return element;
}
