/**
 * `npm run bench:keystroke`: a person's key press to the squiggle on screen, in the real workbench
 * (code-server in headless Chromium, the extension under development, the emulator). A generated
 * 300-line spec is open; the keyboard types '0' after a port, which makes it out of range (one more
 * error squiggle), then Backspace (one fewer). Each sample runs on the page's clock, from the key's
 * keydown to the first change of the editor's DOM that shows the new number of error squiggles.
 * This path has what `bench:diagnostics` leaves out — the key reaching the workbench, the change
 * crossing to the extension host (over code-server's socket), the problems crossing back and the
 * editor drawing them on its next frame — and it makes the one hop a key press makes, not the
 * extension-host edit's two. A report, not a test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { Cleanup } from '../harness/cleanup';
import { startWorkbenchSession } from '../harness/workbenchSession';
import { setE2eContext, workbench } from '../e2e/workbench';
import { generateSpec } from './generatedSpec';

const PRESSES = 40;
const WARMUP = 6;
const FILE = 'keystroke.mcvpc.yaml';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * What runs in the page (plain JavaScript, as text: the bench's own code is compiled for Node and
 * carries helpers the page does not have). `mcvpcBench.expect` is the squiggle count the next key
 * should lead to; the first DOM change that shows it records the time since that key's keydown.
 */
const SQUIGGLES = `document.querySelectorAll('.editor-instance .monaco-editor .view-overlays .squiggly-error').length`;
const INSTRUMENT = `(() => {
  const bench = { down: 0, expect: -1, samples: [], echoes: [], echoed: true };
  window.mcvpcBench = bench;
  document.addEventListener('keydown', () => { bench.down = performance.now(); bench.echoed = false; }, true);
  const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
  new MutationObserver(() => {
    // The editor's own echo of the key: its text lines change.
    if (!bench.echoed) { bench.echoed = true; bench.echoes.push(performance.now() - bench.down); }
  }).observe(lines, { subtree: true, childList: true, characterData: true });
  new MutationObserver(() => {
    if (bench.expect >= 0 && ${SQUIGGLES} === bench.expect) {
      bench.samples.push(performance.now() - bench.down);
      bench.expect = -1;
    }
  }).observe(document.querySelector('.editor-instance .monaco-editor'), { subtree: true, childList: true, attributes: true });
})()`;

/** Error squiggles the editor has drawn (only lines on screen have them). */
function squiggleCount(page: Page): Promise<number> {
  return page.evaluate(SQUIGGLES) as Promise<number>;
}

/** Presses a key and resolves once the page saw `expect` squiggles after it. */
async function press(page: Page, key: string, expect: number): Promise<void> {
  const before = (await page.evaluate(
    `(() => { window.mcvpcBench.expect = ${expect}; return window.mcvpcBench.samples.length; })()`,
  )) as number;
  await page.keyboard.press(key);
  await page.waitForFunction(`window.mcvpcBench.samples.length > ${before}`, undefined, { timeout: 30_000 }).catch(async () => {
    throw new Error(`no ${expect} squiggles within 30 s of pressing ${key} (the editor shows ${await squiggleCount(page)})`);
  });
}

export async function runKeystrokeBench(): Promise<void> {
  const cleanup = new Cleanup();
  const workspace = mkdtempSync(join(tmpdir(), 'mcvpc-keystroke-'));
  cleanup.add('the workspace', () => rmSync(workspace, { recursive: true, force: true }));
  const { text } = generateSpec(300);
  writeFileSync(join(workspace, FILE), text);
  try {
    const session = await startWorkbenchSession({ cleanup });
    const browser = await launchChromium();
    cleanup.add('the browser', () => browser.close());
    setE2eContext({ session, browser, workspace });
    const page = await workbench();

    // Open the spec (Quick Open) and put the cursor right after the first `50010`.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ timeout: 30_000 });
    await input.fill(FILE);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: FILE }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    const offset = text.indexOf('50010]') + '50010'.length;
    const line = text.slice(0, offset).split('\n').length;
    const column = offset - text.lastIndexOf('\n', offset - 1);
    await page.keyboard.press('Control+G');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');

    // The file's own problems first: wait until the squiggles on screen stop changing.
    let base = -1;
    for (let stable = 0, i = 0; stable < 5 && i < 200; i++) {
      const now = await squiggleCount(page);
      stable = now === base ? stable + 1 : 0;
      base = now;
      await page.waitForTimeout(200);
    }
    await page.evaluate(INSTRUMENT);
    for (let i = 0; i < WARMUP / 2 + PRESSES / 2; i++) {
      await press(page, '0', base + 1);
      await press(page, 'Backspace', base);
    }
    const samples = (await page.evaluate('window.mcvpcBench.samples')) as number[];
    const measured = samples.slice(WARMUP).sort((a, b) => a - b);
    const echoes = ((await page.evaluate('window.mcvpcBench.echoes')) as number[]).slice(WARMUP).sort((a, b) => a - b);
    console.log(
      `[bench:keystroke] ${measured.length} key presses into a ${text.split('\n').length}-line spec in the real workbench (headless Chromium, code-server ${session.codeServer.origin}); ${base} error squiggles on screen before`,
    );
    console.log(
      `[bench:keystroke] key press → squiggle drawn: median ${median(measured).toFixed(1)} ms, p90 ${measured[Math.floor(0.9 * measured.length)]!.toFixed(1)} ms, min ${measured[0]!.toFixed(1)} ms, max ${measured[measured.length - 1]!.toFixed(1)} ms`,
    );
    console.log(
      `[bench:keystroke]   for scale, key press → the typed character drawn (the editor's own echo, no extension involved): median ${median(echoes).toFixed(1)} ms, p90 ${echoes[Math.floor(0.9 * echoes.length)]!.toFixed(1)} ms`,
    );
    console.log(
      `[bench:keystroke] machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    setE2eContext(undefined);
    await cleanup.run();
  }
}
