/**
 * The report in words: Markdown for a support ticket (ids, rules and verdicts; never a secret,
 * since the report holds none) and plain text for the terminal.
 */
import { STEP_SYMBOLS } from '../plan';
import type { DoctorReport, Hop, HopVerdict } from './types';

const MARK: Record<HopVerdict, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', unknown: '❔ unknown' };
const WORD: Record<HopVerdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unknown: '????' };

function where(hop: Hop): string {
  return hop.scope.kind === 'link' ? 'link' : `target ${hop.scope.index} "${hop.scope.label}"`;
}

/** Pipes and line breaks would break a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fixLines(hop: Hop): string[] {
  if (hop.fix === undefined || hop.verdict === 'pass') return [];
  if (hop.fix.kind === 'manual') return [`Fix (by hand): ${hop.fix.summary}`];
  return [
    `Fix: ${hop.fix.summary}`,
    ...hop.fix.steps.flatMap((s) => [`  ${STEP_SYMBOLS[s.action]} ${s.title}`, ...s.details.map((d) => `      ${d}`)]),
  ];
}

/** The whole report as Markdown. */
export function renderReportMarkdown(report: DoctorReport): string {
  const lines = [
    `## MaxCompute network link "${report.networkLinkName}": ${MARK[report.verdict]}`,
    '',
    `Region ${report.regionId}, VPC ${report.vpcId}, vSwitch ${report.vSwitchId}. ${report.counts.pass} pass, ${report.counts.warn} warn, ${report.counts.fail} fail, ${report.counts.unknown} unknown. Checked from the live configuration; no packet was sent.`,
    '',
    '| Verdict | Where | Hop | Why |',
    '|---|---|---|---|',
    ...report.hops.map((h) => `| ${MARK[h.verdict]} | ${cell(where(h))} | ${cell(h.title)} | ${cell(h.reason)} |`),
    '',
    '### Evidence',
    '',
  ];
  for (const hop of report.hops) {
    lines.push(`- **${cell(hop.title)}** (${where(hop)}, \`${hop.id}\`): ${MARK[hop.verdict]}`);
    for (const e of hop.evidence) lines.push(`  - ${e.text}`);
    for (const f of fixLines(hop)) lines.push(`  - ${f}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report for a terminal: a line per hop, evidence and fixes indented below it. */
export function renderReportText(report: DoctorReport): string {
  const lines = [`Doctor: network link "${report.networkLinkName}" in ${report.vpcId} (${report.regionId})`];
  for (const hop of report.hops) {
    lines.push(`[${WORD[hop.verdict]}] ${where(hop)}: ${hop.title}: ${hop.reason}`);
    for (const e of hop.evidence) lines.push(`         ${e.text}`);
    for (const f of fixLines(hop)) lines.push(`         ${f}`);
  }
  lines.push(
    `${report.counts.pass} pass, ${report.counts.warn} warn, ${report.counts.fail} fail, ${report.counts.unknown} unknown: ${WORD[report.verdict]}`,
  );
  return `${lines.join('\n')}\n`;
}
