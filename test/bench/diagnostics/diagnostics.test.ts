/**
 * Keystroke to diagnostics in the real extension host: a generated ~300-line spec in an editor,
 * one character typed into a port (an edit of the visible TextEditor) so it goes out of range,
 * then deleted, each time timed from the edit until VS Code's onDidChangeDiagnostics reports
 * the new problems of that file. Records every sample, twice: when the problems are in the
 * extension host's diagnostics (getDiagnostics, polled every turn of the event loop) and when
 * onDidChangeDiagnostics fires; and splits the first into the extension's own part (its change
 * event to its problems set, timed by the extension) and the rest (the edit's way through VS Code) — which VS Code's extension host debounces by 50 ms
 * (ExtHostDiagnostics' DebounceEmitter, delay 50), a floor no extension can go under. (The `type` command, a key press's path,
 * did not reach the editor in the test host: the browser page has no keyboard focus there.)
 */
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { McvpcTestApi } from '../../../src/ui/shell/api';
import { ExtensionId } from '../../../src/ui/shell/model/ids';
import { hostMeasurements } from '../../harness/results';
import { generateSpec } from '../generatedSpec';

const KEYSTROKES = 40;
const WARMUP = 5;

function problemCount(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcvpc').length;
}

/** Makes the edit; resolves with the milliseconds until the problems are there, and until the event says so. */
async function timed(uri: vscode.Uri, expected: number, press: () => Thenable<unknown>): Promise<{ ready: number; event: number }> {
  let listener: vscode.Disposable | undefined;
  const changed = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no diagnostics with ${expected} problems within 30 s (now ${problemCount(uri)})`)),
      30_000,
    );
    listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || problemCount(uri) !== expected) return;
      clearTimeout(timer);
      resolve(performance.now());
    });
  });
  const started = performance.now();
  let readyAt: number | undefined;
  const poll = (): void => {
    if (problemCount(uri) === expected) readyAt = performance.now();
    else setImmediate(poll);
  };
  const pressed = press();
  poll();
  await pressed;
  try {
    const eventAt = await changed;
    return { ready: (readyAt ?? eventAt) - started, event: eventAt - started };
  } finally {
    listener?.dispose();
  }
}

describe('keystroke to diagnostics', () => {
  it(`types ${KEYSTROKES} keys into a 300-line spec and waits for each diagnostics event`, async () => {
    const extension = vscode.extensions.getExtension<McvpcTestApi>(ExtensionId);
    assert.ok(extension, `${ExtensionId} is not installed`);
    const api = await extension.activate();
    /** The extension's own part of the last keystroke: from its change event to its problems set. */
    const handledMs = (): number => {
      const parsed = api.latestSpecParse(uri.toString());
      assert.ok(
        parsed?.handledMs !== undefined && parsed.version === editor.document.version,
        `the extension timed the parse of this very edit (its latest parse: ${JSON.stringify(parsed)}, the editor's version ${editor.document.version})`,
      );
      return parsed.handledMs;
    };
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder');
    const { text } = generateSpec(300);
    const uri = vscode.Uri.joinPath(folder.uri, 'bench.mcvpc.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const deadline = Date.now() + 10_000;
    while (problemCount(uri) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const baseline = problemCount(uri);
    assert.ok(baseline > 0, 'the generated spec has its sprinkled mistakes');

    // After the first document's `50010`: one more digit makes it a port out of range.
    const offset = text.indexOf('50010]') + '50010'.length;
    const position = editor.document.positionAt(offset);
    const typedRange = new vscode.Range(position, position.translate(0, 1));
    const ready: number[] = [];
    const events: number[] = [];
    const handled: number[] = [];
    const travelled: number[] = [];
    for (let i = 0; i < WARMUP + KEYSTROKES / 2; i++) {
      const typed = await timed(uri, baseline + 1, () => editor.edit((edit) => edit.insert(position, '0')));
      const typedHandled = handledMs();
      const deleted = await timed(uri, baseline, () => editor.edit((edit) => edit.delete(typedRange)));
      const deletedHandled = handledMs();
      if (i >= WARMUP) {
        ready.push(typed.ready, deleted.ready);
        events.push(typed.event, deleted.event);
        handled.push(typedHandled, deletedHandled);
        travelled.push(typed.ready - typedHandled, deleted.ready - deletedHandled);
      }
    }
    const measured = hostMeasurements();
    measured.lines = text.split('\n').length;
    measured.samples = ready.length;
    for (const [name, samples] of [
      ['ready', ready],
      ['event', events],
      ['handled', handled],
      ['travelled', travelled],
    ] as const) {
      samples.sort((a, b) => a - b);
      measured[`${name}MedianMs`] = (samples[(samples.length >> 1) - 1]! + samples[samples.length >> 1]!) / 2;
      measured[`${name}P90Ms`] = samples[Math.min(samples.length - 1, Math.floor(0.9 * samples.length))]!;
      measured[`${name}MinMs`] = samples[0]!;
      measured[`${name}MaxMs`] = samples[samples.length - 1]!;
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
