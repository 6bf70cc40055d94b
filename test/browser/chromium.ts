// Real headless Chromium for the browser tests: Debian's `chromium` package driven by playwright-core, so nothing is
// downloaded. `.ci/run` installs the package when it is missing; here a missing browser fails the test with a
// message that says so, never skips it.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * The flags every browser test runs with: headless, no sandbox (containers), and nothing that talks to the network
 * on its own or slows a start (first-run pages, component updates, sync, QUIC).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** The browser to run. Default: {@link CHROMIUM_PATH}. */
  readonly executablePath?: string;
  /** How long the start may take, ms. Default: 120 000 (two cores shared by many processes). */
  readonly timeoutMs?: number;
}

/**
 * Starts real headless Chromium with {@link CHROMIUM_FLAGS} and a fresh user-data-dir (playwright creates a
 * temporary profile for each launch and deletes it on `close()`). Close the browser in `afterAll`.
 *
 * @throws Error naming the missing path and how to install the browser when it is not there.
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * await page.goto(url);
 * await browser.close();
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is missing: the browser tests need ${executablePath} (Debian's "chromium" package: ` +
        "sudo apt-get install -y chromium; .ci/run installs it when it is missing).",
    );
  }
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      timeout: options.timeoutMs ?? 120_000,
    });
  } catch (error) {
    throw new Error(`Chromium at ${executablePath} did not start: ${String(error)}`, { cause: error });
  }
}
