// Every recipe runs the same journeys; each test file names its recipe and how to send it a request.
import { it } from "vitest";
import {
  badInputIsRefused,
  bodyCannotChooseTheVisitor,
  exitIntentFiresTheArmedInvitation,
  forgedCookieGetsAFreshVisitor,
  newVisitorIsInvited,
  visitorKeepsTheirState,
  type Send,
} from "./widget-journey.js";

/** Declares the widget journeys as tests of one recipe. */
export function itServesTheWidget(send: () => Send): void {
  it("invites a new visitor and issues a signed, HttpOnly visitor cookie", async () => {
    await newVisitorIsInvited(send());
  });
  it("keeps one record per cookie: shown and closed are recorded, a closed invitation stays away", async () => {
    await visitorKeepsTheirState(send());
  });
  it("arms the exit-intent invitation and shows it when the trigger fires", async () => {
    await exitIntentFiresTheArmedInvitation(send());
  });
  it("gives a forged or unsigned cookie a fresh visitor, never the record of the id it names", async () => {
    await forgedCookieGetsAFreshVisitor(send());
  });
  it("reads no visitor id or state from the body", async () => {
    await bodyCannotChooseTheVisitor(send());
  });
  it("refuses malformed input with a 400 naming the problem, recording nothing", async () => {
    await badInputIsRefused(send());
  });
}
