// The journey every recipe is put through, whatever its framework: each test file gives a `send` that makes one real
// request to its recipe, and these checks assert what the widget and the visitor see.
import { expect } from "vitest";

/** One answer of a recipe, as the widget sees it. */
export interface RecipeAnswer {
  status: number;
  /** The `Set-Cookie` value for the visitor cookie, when the answer sets one. */
  setCookie: string | null;
  json: unknown;
}

/** Sends one POST /beckon to the recipe: a value is sent as JSON, a string as it is; `cookie` is the `Cookie` header. */
export type Send = (body: unknown, cookie?: string) => Promise<RecipeAnswer>;

/** A check from the pricing page after 15 s, which the recipes' invitations answer with pricing-help. */
export const PRICING_CHECK = { type: "check", url: "https://shop.example/pricing", timeOnSite: 15, pageView: true };

/** The `name=value` part of a `Set-Cookie` header, to send back as a `Cookie` header. */
export function cookiePair(setCookie: string | null): string {
  expect(setCookie).not.toBeNull();
  return (setCookie ?? "").split(";")[0] ?? "";
}

/** A new visitor gets the pricing invitation, rendered, and a signed, HttpOnly visitor cookie; returns the cookie. */
export async function newVisitorIsInvited(send: Send): Promise<string> {
  const first = await send(PRICING_CHECK);
  expect(first.status).toBe(200);
  expect(first.json).toEqual({
    invitation: {
      id: "pricing-help",
      variationId: "pricing-help",
      message: "Need help choosing a plan? Rita can walk you through it.",
      operator: "Rita",
    },
    armed: [{ invitationId: "leaving", trigger: { type: "exitIntent" } }],
    recheckAt: null,
  });
  expect(first.setCookie).toMatch(/^beckon_visitor=[^;]+\.[^;]+;/);
  expect(first.setCookie).toMatch(/HttpOnly/i);
  expect(first.setCookie).toMatch(/SameSite=Lax/i);
  return cookiePair(first.setCookie);
}

/** With its cookie, the visitor keeps one record: shown and closed are recorded, and the closed invitation stays away. */
export async function visitorKeepsTheirState(send: Send): Promise<void> {
  const cookie = await newVisitorIsInvited(send);
  expect(await send({ type: "shown" }, cookie)).toEqual({ status: 200, setCookie: null, json: { ok: true } });
  expect(await send({ type: "closed" }, cookie)).toEqual({ status: 200, setCookie: null, json: { ok: true } });
  const after = await send(PRICING_CHECK, cookie);
  expect(after.setCookie).toBeNull();
  expect(after.json).toMatchObject({ invitation: null });
}

/**
 * A cookie whose signature does not match (an id copied from another visitor, a forged signature) is not believed:
 * the client gets a fresh id and a fresh record, never the other visitor's.
 */
export async function forgedCookieGetsAFreshVisitor(send: Send): Promise<void> {
  const cookie = await newVisitorIsInvited(send);
  await send({ type: "closed" }, cookie); // this visitor now sees nothing on /pricing
  const [name, value = ""] = cookie.split("=");
  const id = decodeURIComponent(value).split(".")[0] ?? "";
  for (const forged of [`${name}=${id}`, `${name}=${id}.${"0".repeat(64)}`, `${name}=${encodeURIComponent(`${id}.AAAA`)}`]) {
    const answer = await send(PRICING_CHECK, forged);
    expect(answer.setCookie).not.toBeNull();
    expect(cookiePair(answer.setCookie)).not.toContain(id);
    expect(answer.json).toMatchObject({ invitation: { id: "pricing-help" } });
  }
}

/** Exit intent fires the dynamic invitation the previous answer armed. */
export async function exitIntentFiresTheArmedInvitation(send: Send): Promise<void> {
  const start = await send({ type: "check", url: "https://shop.example/", timeOnSite: 1, pageView: true });
  expect(start.json).toEqual({ invitation: null, armed: [{ invitationId: "leaving", trigger: { type: "exitIntent" } }], recheckAt: expect.any(Number) });
  const cookie = cookiePair(start.setCookie);
  const leaving = await send({ type: "check", url: "https://shop.example/", timeOnSite: 5, pageView: false, trigger: { type: "exitIntent" } }, cookie);
  expect(leaving.json).toMatchObject({ invitation: { id: "leaving", message: "Before you go: any question we can answer?" } });
}

/** Malformed input is refused with a 400 that names the problem, and nothing is recorded for it. */
export async function badInputIsRefused(send: Send): Promise<void> {
  const cookie = await newVisitorIsInvited(send);
  // A body that is not JSON: the frameworks' own parsers refuse it, each in its own words.
  expect((await send("{not json", cookie)).status).toBe(400);
  const refusals: [unknown, RegExp][] = [
    [[1, 2], /type must be/],
    [null, /JSON object/],
    [{ type: "delete-everything" }, /type must be/],
    [{ ...PRICING_CHECK, url: 5 }, /url must be a string/],
    [{ ...PRICING_CHECK, timeOnSite: -1 }, /timeOnSite/],
    [{ ...PRICING_CHECK, timeOnSite: "15" }, /timeOnSite/],
    [{ ...PRICING_CHECK, pageView: "yes" }, /pageView/],
    [{ ...PRICING_CHECK, trigger: { type: "idle", seconds: -3 } }, /trigger/],
    // Well-formed for the recipe, refused by beckon's own checks: a URL past the visitor string limit.
    [{ ...PRICING_CHECK, url: `https://shop.example/${"x".repeat(9000)}` }, /url/],
  ];
  for (const [body, error] of refusals) {
    const answer = await send(body, cookie);
    expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect(answer.json).toEqual({ error: expect.stringMatching(error) });
  }
  // The refused calls recorded nothing: the invitation is still on screen for this visitor.
  expect((await send(PRICING_CHECK, cookie)).json).toMatchObject({ invitation: { id: "pricing-help" } });
}

/** A body that tries to name the visitor or bring a state is read for the widget's fields only. */
export async function bodyCannotChooseTheVisitor(send: Send): Promise<void> {
  const victim = await newVisitorIsInvited(send);
  await send({ type: "closed" }, victim);
  const victimId = decodeURIComponent(victim.split("=")[1] ?? "").split(".")[0];
  const answer = await send({ ...PRICING_CHECK, id: victimId, visitorId: victimId, state: { v: 1 } });
  expect(answer.status).toBe(200);
  expect(cookiePair(answer.setCookie)).not.toContain(victimId);
  expect(answer.json).toMatchObject({ invitation: { id: "pricing-help" } });
}
