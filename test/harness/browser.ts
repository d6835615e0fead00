/** Debian's Chromium driven by playwright-core (never `playwright install`: no downloads here). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser the tests use: Debian's (`apt-get install chromium`), or another Chromium named by MCVPC_CHROMIUM. */
export const CHROMIUM = process.env.MCVPC_CHROMIUM ?? '/usr/bin/chromium';

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
    throw new Error(
      `the browser cannot start: ${CHROMIUM} is missing (apt-get install -y chromium, or set MCVPC_CHROMIUM to a Chromium binary)`,
    );
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  } catch (error) {
    throw new Error(`the browser (${CHROMIUM}) could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
