/** The scenario the page opens with: the example invitation set and a visitor on the pricing page one evening. */
import invitations from "../../invitations.json";

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** The text of every input field, as the person edits it. */
export interface PlaygroundTexts {
  invitations: string;
  visitor: string;
  instant: string;
  options: string;
  steps: string;
}

/** The fields of {@link PlaygroundTexts}, in the order of the page. */
export const FIELDS = ["invitations", "visitor", "instant", "options", "steps"] as const satisfies readonly (keyof PlaygroundTexts)[];

/** One input field. */
export type Field = (typeof FIELDS)[number];

/**
 * The example: examples/invitations.json; Ana, 25 s on the pricing page at 20:00 in Vilnius on a Wednesday (after
 * office hours); two operators online; and a journey in which Ana sees the invitation, closes it, and comes back
 * 40 minutes later to the cart, where moving to leave fires the exit-intent invitation.
 */
export const EXAMPLE: PlaygroundTexts = {
  invitations: pretty(invitations),
  visitor: pretty({ id: "ana", url: "https://example.com/pricing", timeOnSite: 25, locale: "en-GB", attributes: { username: "ana" } }),
  instant: "2026-12-02T20:00:00+02:00",
  options: pretty({
    timeZone: "Europe/Vilnius",
    operatorsOnline: [
      { id: "7", name: "Rasa" },
      { id: "8", name: "Tomas" },
    ],
    seed: "playground",
  }),
  steps: pretty([
    { do: "wait", for: "1m" },
    { do: "shown" },
    { do: "wait", for: "2m" },
    { do: "closed" },
    { do: "newSession", after: "40m", url: "https://shop.example.com/cart", title: "Cart" },
    { do: "trigger", trigger: { type: "exitIntent" } },
  ]),
};
