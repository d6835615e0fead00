/** Debian's Chromium driven by playwright-core (never `playwright install`: no downloads here). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser the tests use; installed by apt (`chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that keep a headless Chromium from reaching out or needing a GPU or sandbox. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; fails with a message saying why it could not start. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the browser cannot start: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  } catch (error) {
    throw new Error(`the browser (${CHROMIUM}) could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
