/**
 * The doctor's report as the page the report view shows: a row per hop coloured by verdict, the
 * evidence on expand (<details>), the fix as a button. Pure (no vscode), so a unit test reads it.
 * Every text from the cloud is escaped; the one script runs under the page's nonce.
 */
import type { DoctorReport, Hop, HopVerdict } from '../../../core/doctor';

/** What the page posts to the extension host. */
export type ReportMessage = { type: 'fix'; hopId: string } | { type: 'fixAll' } | { type: 'copy' } | { type: 'recheck' };

/** The message if `value` is one the page may send, else undefined (the host acts on nothing else). */
export function parseReportMessage(value: unknown): ReportMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.type === 'fixAll' || m.type === 'copy' || m.type === 'recheck') return { type: m.type };
  if (m.type === 'fix' && typeof m.hopId === 'string' && m.hopId.length < 200) return { type: 'fix', hopId: m.hopId };
  return undefined;
}

const ICON: Record<HopVerdict, string> = { pass: '✔', warn: '⚠', fail: '✖', unknown: '?' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function where(hop: Hop): string {
  return hop.scope.kind === 'link' ? 'link' : `target ${hop.scope.index}: ${hop.scope.label}`;
}

function fixHtml(hop: Hop): string {
  if (hop.fix === undefined || hop.verdict === 'pass') return '';
  if (hop.fix.kind === 'manual') return `<div class="fix">By hand: ${escape(hop.fix.summary)}</div>`;
  const steps = hop.fix.steps
    .map(
      (s) =>
        `<li>${escape(s.title)}${s.details.length > 0 ? `<ul>${s.details.map((d) => `<li><code>${escape(d)}</code></li>`).join('')}</ul>` : ''}</li>`,
    )
    .join('');
  return `<div class="fix">${escape(hop.fix.summary)} <button data-fix="${escape(hop.id)}">Fix</button><ul>${steps}</ul></div>`;
}

function row(hop: Hop): string {
  const evidence = hop.evidence.map((e) => `<li><code>${escape(e.text)}</code></li>`).join('');
  return `<details class="hop ${hop.verdict}" data-hop="${escape(hop.id)}"${hop.verdict === 'fail' ? ' open' : ''}>
<summary><span class="mark">${ICON[hop.verdict]}</span> <span class="verdict">${hop.verdict}</span> <span class="where">${escape(where(hop))}</span> <b>${escape(hop.title)}</b><div class="reason">${escape(hop.reason)}</div></summary>
<ul class="evidence">${evidence || '<li>no evidence recorded</li>'}</ul>${fixHtml(hop)}</details>`;
}

/** The whole page. */
export function renderReportHtml(report: DoctorReport, options: { nonce: string; cspSource: string; busy?: string }): string {
  const { counts } = report;
  const fixable = report.hops.some((h) => h.verdict !== 'pass' && h.fix?.kind === 'steps');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';">
<title>Reachability</title>
<style nonce="${options.nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px; }
.hop { border-left: 4px solid var(--vscode-charts-green, #3c3); margin: 4px 0; padding: 4px 8px; background: var(--vscode-editorWidget-background); }
.hop.warn { border-color: var(--vscode-charts-yellow, #cc3); } .hop.fail { border-color: var(--vscode-charts-red, #d33); } .hop.unknown { border-color: var(--vscode-charts-blue, #39f); }
.hop .mark { display: inline-block; width: 1.2em; font-weight: bold; } .pass .mark { color: var(--vscode-charts-green, #3c3); } .warn .mark { color: var(--vscode-charts-yellow, #cc3); } .fail .mark { color: var(--vscode-charts-red, #d33); } .unknown .mark { color: var(--vscode-charts-blue, #39f); }
.verdict { text-transform: uppercase; font-size: 0.8em; opacity: 0.8; margin-right: 0.5em; } .where { opacity: 0.7; margin-right: 0.5em; }
.reason { margin: 2px 0 0 1.7em; opacity: 0.9; } summary { cursor: pointer; }
.fix { margin: 4px 0 4px 1.7em; } .evidence { margin: 4px 0 4px 1.2em; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 3px 10px; cursor: pointer; margin-right: 6px; }
.bar { margin: 12px 0; } .busy { opacity: 0.8; font-style: italic; }
</style></head><body>
<h2>${ICON[report.verdict]} ${escape(report.networkLinkName)}: ${report.verdict}</h2>
<p>${escape(report.regionId)} · ${escape(report.vpcId)} · ${escape(report.vSwitchId)} — ${counts.pass} pass, ${counts.warn} warn, ${counts.fail} fail, ${counts.unknown} unknown. Checked from the live configuration; no packet was sent.</p>
<div class="bar">${fixable ? '<button id="fixAll">Fix All…</button>' : ''}<button id="copy">Copy Report</button><button id="recheck">Check Again</button>${options.busy ? `<span class="busy">${escape(options.busy)}</span>` : ''}</div>
${report.hops.map(row).join('\n')}
<script nonce="${options.nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const t = e.target;
  if (!(t instanceof HTMLButtonElement)) return;
  if (t.dataset.fix) vscode.postMessage({ type: 'fix', hopId: t.dataset.fix });
  else if (t.id === 'fixAll') vscode.postMessage({ type: 'fixAll' });
  else if (t.id === 'copy') vscode.postMessage({ type: 'copy' });
  else if (t.id === 'recheck') vscode.postMessage({ type: 'recheck' });
});
</script></body></html>`;
}
