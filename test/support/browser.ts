/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (`npx playwright install` cannot download browsers here). Under CI=true a missing Chromium is a
 * failure; elsewhere the browser tests skip with a message saying how to install it.
 */
import * as fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

/** Why the browser tests cannot run here, or null when Chromium is available. */
export function chromiumMissing(): string | null {
  if (fs.existsSync(CHROMIUM)) return null;
  return `Chromium not found at ${CHROMIUM}; install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH`;
}

/** True when the browser tests should skip (no Chromium, and not in CI, where that must fail). */
export function skipBrowser(): boolean {
  const missing = chromiumMissing();
  if (missing && process.env.CI !== "true") {
    console.warn(`browser tests skipped: ${missing}`);
    return true;
  }
  return false;
}

export async function launch(): Promise<Browser> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}
