import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it (apt-get install chromium). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Browser suites run where Chromium is installed, and always in CI: there a missing browser is a
 * failure, not a reason to skip. Elsewhere (a developer's machine without it) they report
 * themselves skipped, like the MySQL suites without MYSQL_URL.
 */
export const describeBrowser = existsSync(CHROMIUM_PATH) || process.env.CI ? describe : describe.skip;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
