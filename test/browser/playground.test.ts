// The playground page in real headless Chromium: built with esbuild here (so `npm test` needs no extra step), served
// under a base path as the example server serves it, and checked against beckon itself run on the same inputs.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { explain, safeParseInvitations, simulateJourney, type EvaluateOptions, type Invitation, type Visitor } from "../../src/index.js";
import { buildPlayground } from "../../examples/playground/build.js";
import { EXAMPLE, type PlaygroundTexts } from "../../examples/playground/src/example.js";
import { TIMELINE_SPAN_MS } from "../../examples/playground/src/run-scenario.js";
import { launchChromium } from "./chromium.js";

/** The screenshot the README shows. */
const SCREENSHOT = fileURLToPath(new URL("../../docs/images/playground.png", import.meta.url));
/** Waits on a loaded machine (two cores shared by many processes): generous, and always for an event. */
const WAIT = { timeout: 60_000 };
/** Each test and hook may wait for a few of those. */
const TEST_TIMEOUT_MS = 180_000;

let outdir: string;
let server: FastifyInstance;
let browser: Browser;
let page: Page;
/** Errors the page reported: uncaught exceptions, console errors (a blocked script or style among them). */
const pageErrors: string[] = [];

/** As strict as a site would serve the page with: no inline script or style, nothing from elsewhere. */
const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), "beckon-playground-"));
  await buildPlayground(outdir);
  server = Fastify();
  server.addHook("onSend", async (_request, reply) => {
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  });
  // A base path, as the example server uses: every asset URL in the page must be relative.
  await server.register(fastifyStatic, { root: outdir, prefix: "/tools/playground/" });
  const address = await server.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) pageErrors.push(`${response.status()} for ${response.url()}`);
  });
  await page.goto(`${address}/tools/playground/`);
  await page.locator("#decision [data-field='status']").waitFor(WAIT).catch((error: unknown) => {
    const errors = pageErrors.length > 0 ? `; errors in the page: ${pageErrors.join("; ")}` : "";
    throw new Error(`the page showed no decision${errors}`, { cause: error });
  });
}, 2 * TEST_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outdir !== undefined) await rm(outdir, { recursive: true, force: true });
}, TEST_TIMEOUT_MS);

beforeEach(async () => {
  // Each test starts from the example; the button is pressed from the keyboard, as a keyboard user would.
  await page.getByRole("button", { name: "Back to the example" }).press("Enter");
  await waitForText("#decision [data-field='invitation']", expectedDecision(EXAMPLE).invitation?.id ?? "none");
}, TEST_TIMEOUT_MS);

/** What beckon itself decides for the page's texts. */
function scenario(texts: PlaygroundTexts): { invitations: Invitation[]; visitor: Visitor; at: number; options: EvaluateOptions } {
  return {
    invitations: JSON.parse(texts.invitations) as Invitation[],
    visitor: JSON.parse(texts.visitor) as Visitor,
    at: Date.parse(texts.instant),
    options: JSON.parse(texts.options) as EvaluateOptions,
  };
}

function expectedExplanation(texts: PlaygroundTexts): ReturnType<typeof explain> {
  const { invitations, visitor, at, options } = scenario(texts);
  return explain(invitations, visitor, at, options);
}

function expectedDecision(texts: PlaygroundTexts): ReturnType<typeof explain>["decision"] {
  return expectedExplanation(texts).decision;
}

async function waitForText(selector: string, text: string): Promise<void> {
  await page
    .waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, text] as const, WAIT)
    .catch(async (error: unknown) => {
      const shown = await page.locator(selector).first().textContent().catch(() => null);
      throw new Error(`expected ${selector} to read ${JSON.stringify(text)}, it reads ${JSON.stringify(shown)}`, { cause: error });
    });
}

/** A field found by its label, as a person using a screen reader finds it. */
function field(label: string): ReturnType<Page["getByRole"]> {
  return page.getByRole("textbox", { name: new RegExp(`^${label}\\b`) });
}

async function texts(selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

describe("playground page", { timeout: TEST_TIMEOUT_MS }, () => {
  it("shows the example's decision as evaluate makes it, and saves the screenshot", async () => {
    const decision = expectedDecision(EXAMPLE);
    expect(decision.status).toBe("selected");
    await waitForText("#decision [data-field='status']", decision.status);
    await waitForText("#decision [data-field='reason']", decision.reason);
    await waitForText("#decision [data-field='message']", decision.message ?? "");
    expect(await page.locator("#summary").textContent()).toContain(`Decision: ${decision.status}`);
    await page.locator(":focus").blur();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it("changes the decision when an edit to the invitations changes the winner", async () => {
    const before = expectedDecision(EXAMPLE);
    const invitations = JSON.parse(EXAMPLE.invitations) as Invitation[];
    // The winner now asks for far more time on site than the visitor has spent.
    const edited = invitations.map((invitation) => (invitation.id === before.invitation?.id ? { ...invitation, timeOnSite: 3_600 } : invitation));
    const texts_ = { ...EXAMPLE, invitations: JSON.stringify(edited, null, 2) };
    const after = expectedDecision(texts_);
    expect(after.invitation?.id).not.toBe(before.invitation?.id);

    await field("Invitations").fill(texts_.invitations);
    await waitForText("#decision [data-field='invitation']", after.invitation?.id ?? "none");
    await waitForText("#decision [data-field='status']", after.status);
    const reasons = page.locator(`#explanation tr[data-invitation='${before.invitation?.id}'] [data-field='reasons']`);
    expect(await reasons.textContent()).toContain("time_on_site");
  });

  it("lists every issue of an invalid invitation set with its path, and decides nothing", async () => {
    const invalid = [{ id: "a" }, { id: "b", message: "x", urls: [3] }, { id: "b", message: "y", position: -1 }];
    const parsed = safeParseInvitations(invalid);
    if (parsed.success) throw new Error("the test's invitations should be invalid");
    // The paths as beckon's own error message writes them, one "  - path: message (code)" line per issue.
    const expected = parsed.error.message.split("\n").slice(1).map((line) => /^ {2}- (.+?): /.exec(line)?.[1]);
    expect(expected).toHaveLength(parsed.error.issues.length);
    expect(expected).toEqual(expect.arrayContaining(["[0].message", "[1].urls[0]"]));

    await field("Invitations").fill(JSON.stringify(invalid));
    await page.locator("#invitations-issues li").nth(expected.length - 1).waitFor(WAIT);
    expect(await texts("#invitations-issues li .path")).toEqual(expected);
    expect(await texts("#invitations-issues li .code")).toEqual(parsed.error.issues.map((issue) => `(${issue.code})`));
    expect(await field("Invitations").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#decision dd").count()).toBe(0);
    expect(await page.locator("#summary").textContent()).toContain(`${expected.length} issues to fix`);
  });

  it("reads an invitations file in its wrapped form, with issues at their path in the file", async () => {
    const file = { $schema: "./node_modules/beckon/schema.json", invitations: [{ id: "a" }], comment: "x" };
    await field("Invitations").fill(JSON.stringify(file));
    await page.locator("#invitations-issues li").nth(1).waitFor(WAIT);
    expect(await texts("#invitations-issues li .path")).toEqual(["comment", "invitations[0].message"]);
  });

  it("reports a misspelt option and options evaluation refuses", async () => {
    await field("Options").fill('{ "timezone": "Europe/Vilnius" }');
    await page.locator("#options-issues li").first().waitFor(WAIT);
    expect(await texts("#options-issues li .path")).toEqual(["timezone"]);
    expect(await texts("#options-issues li .code")).toEqual(["(unknown_key)"]);

    const refused = { ...scenario(EXAMPLE), options: { timeZone: "Mars/Olympus" } };
    expect(explain(refused.invitations, refused.visitor, refused.at, refused.options).decision.reason).toBe("invalid_options");
    await field("Options").fill(JSON.stringify(refused.options));
    await page.locator("#options-issues li .code", { hasText: "(invalid_options)" }).waitFor(WAIT);
    expect(await page.locator("#decision [data-field='reason']").textContent()).toBe("invalid_options");
  });

  it("reports text that is not JSON at the root of its field", async () => {
    await field("Visitor snapshot").fill('{ "id": "ana", ');
    await page.locator("#visitor-issues li").first().waitFor(WAIT);
    expect(await texts("#visitor-issues li .path")).toEqual(["(root)"]);
    expect(await texts("#visitor-issues li .code")).toEqual(["(invalid_json)"]);
    // Every field is checked, even while another one stops the evaluation.
    await field("Journey steps").fill('[{ "do": "wait" ');
    await page.locator("#steps-issues li").first().waitFor(WAIT);
    expect(await texts("#steps-issues li .code")).toEqual(["(invalid_json)"]);
    expect(await texts("#visitor-issues li .code")).toEqual(["(invalid_json)"]);
  });

  it("explains every invitation in rank order with the reasons explain gives", async () => {
    const { candidates } = expectedExplanation(EXAMPLE);
    await page.locator("#explanation tbody tr").nth(candidates.length - 1).waitFor(WAIT);
    const rows = page.locator("#explanation tbody tr");
    expect(await rows.count()).toBe(candidates.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-invitation")))).toEqual(candidates.map((c) => c.invitationId));
    expect(await texts("#explanation tbody [data-field='reasons']")).toEqual(candidates.map((c) => c.reasons.join(" ")));
    expect(await texts("#explanation tbody [data-field='eligible']")).toEqual(candidates.map((c) => (c.eligible ? "yes" : "no")));
  });

  it("shows the next hour as simulateJourney plays it", async () => {
    const { invitations, visitor, at, options } = scenario(EXAMPLE);
    const steps = JSON.parse(EXAMPLE.steps) as Parameters<typeof simulateJourney>[1]["steps"];
    const timeline = simulateJourney(invitations, { start: at, visitor, steps }, { options, untilMs: TIMELINE_SPAN_MS });
    expect(timeline.entries.length).toBeGreaterThan(2);

    await page.locator("#timeline tbody tr").nth(timeline.entries.length - 1).waitFor(WAIT);
    const rows = page.locator("#timeline tbody tr");
    expect(await rows.count()).toBe(timeline.entries.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-kind")))).toEqual(timeline.entries.map((e) => e.what.kind));
    const decisions = await texts("#timeline tbody td[data-status]");
    timeline.entries.forEach((entry, i) => {
      expect(decisions[i]).toMatch(new RegExp(`^${entry.decision.status}${entry.decision.invitationId === null ? "" : ` ${entry.decision.invitationId}`}\\b`));
      expect(decisions[i]).toContain(entry.decision.reason ?? "no reason");
    });
    expect(await page.locator("#timeline-notes").textContent()).toContain("Times in Europe/Vilnius");
  });

  it("runs under a strict Content-Security-Policy without an error in the page", async () => {
    await field("Instant").fill("2026-12-02T21:30:00+02:00");
    await page.locator("#decision[data-status]").waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });

  it("works opened from disk, with no server", async () => {
    const fromDisk = await browser.newPage();
    try {
      await fromDisk.goto(pathToFileURL(join(outdir, "index.html")).href);
      const expected = expectedDecision(EXAMPLE).invitation?.id ?? "none";
      await fromDisk.waitForFunction((id) => document.querySelector("#decision [data-field='invitation']")?.textContent === id, expected, WAIT);
    } finally {
      await fromDisk.close();
    }
  });

  it("shows a bad step of the journey at its path and keeps the decision", async () => {
    await field("Journey steps").fill('[{ "do": "wait", "for": "soon" }]');
    await page.locator("#steps-issues li").first().waitFor(WAIT);
    expect(await texts("#steps-issues li .path")).toEqual(["steps[0].for"]);
    expect(await page.locator("#timeline tbody tr").count()).toBe(0);
    expect(await page.locator("#decision [data-field='invitation']").textContent()).toBe(expectedDecision(EXAMPLE).invitation?.id);
  });
});
