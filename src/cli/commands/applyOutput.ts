/**
 * How `mcvpc apply` and `mcvpc destroy` talk: progress lines on stderr while they run, the report
 * on stdout at the end. The two differ only in a few words (create or delete the link…).
 * Error codes, messages and RequestIds are the server's words: every line is shown escaped.
 */
import { escapeForMessage } from '../../core/displayText';
import type { ApplyEvent, ApplyReport, StepResult } from '../../engine';
import type { ConsoleHandover, PlanPurpose, PlanStep } from '../../core/plan';

const LABELS: Record<StepResult['status'], string> = {
  done: 'done',
  already: 'already so',
  manual: 'to do by hand',
  info: 'info',
  failed: 'FAILED',
  'waiting-for-console': 'waiting for the console',
  cancelled: 'cancelled',
  'not-started': 'not started',
};

/** The words of each command: its name, its noun, and what the console step does to the link. */
const WORDS: Record<PlanPurpose, { command: string; noun: string; consoleVerb: string; consolePast: string }> = {
  apply: { command: 'apply', noun: 'Apply', consoleVerb: 'Create', consolePast: 'created' },
  destroy: { command: 'destroy', noun: 'Destroy', consoleVerb: 'Delete', consolePast: 'deleted' },
};

/** One progress line per event, for stderr. */
export function progressLine(linkName: string, event: ApplyEvent): string | undefined {
  const line = progressText(linkName, event);
  return line === undefined ? undefined : escapeForMessage(line);
}

function progressText(linkName: string, event: ApplyEvent): string | undefined {
  switch (event.type) {
    case 'step-started':
      return event.step.action === 'info' ? undefined : `[${linkName}] ${event.step.title}…`;
    case 'step-finished': {
      if (event.result.status === 'info') return undefined;
      const error = event.result.error;
      const why =
        error === undefined
          ? ''
          : `: ${error.action ? `${error.action} ` : ''}${error.code}: ${error.message}${error.requestId ? ` (RequestId: ${error.requestId})` : ''}`;
      return `[${linkName}] ${LABELS[event.result.status]}: ${event.step.title}${why}`;
    }
    case 'link-status': {
      const seconds = Math.max(0, Math.round((event.deadline - Date.now()) / 1000));
      return `[${linkName}] Network link status: ${escapeForMessage(event.status)} (waiting up to ${seconds} s more)…`;
    }
    case 'waiting-for-console': {
      const seconds = Math.max(0, Math.round((event.deadline - Date.now()) / 1000));
      const past = WORDS[event.step.operation.kind === 'await-network-link-removal' ? 'destroy' : 'apply'].consolePast;
      const why = event.reason === undefined ? '' : ` (the link API cannot be used: ${escapeForMessage(event.reason)})`;
      return `[${linkName}] Waiting up to ${seconds} s for the network link to be ${past} in the MaxCompute console (${event.handover?.url ?? 'console'})${why}…`;
    }
  }
}

function handoverLines(handover: ConsoleHandover | undefined, purpose: PlanPurpose): string[] {
  if (handover === undefined) return [];
  return [
    `  ${WORDS[purpose].consoleVerb} it in the MaxCompute console: ${handover.url}`,
    ...handover.fields.map((f) => `    ${f.label}: ${f.value}`),
  ];
}

/** The report of one link as text. */
export function renderReport(report: ApplyReport, steps: readonly PlanStep[], purpose: PlanPurpose = 'apply'): string {
  const lines = [`Network link "${report.networkLinkName}": ${report.outcome}`];
  for (const result of report.steps) {
    if (result.status === 'info') continue;
    lines.push(`  ${LABELS[result.status].padEnd(24)} ${result.title}`);
    // Why it waits for a person (the link API refused, or a link that has not appeared yet).
    if (result.status === 'waiting-for-console' && result.detail !== undefined) lines.push(`      ${escapeForMessage(result.detail)}`);
    if (result.error !== undefined) {
      lines.push(
        `      ${result.error.action ? `${result.error.action}: ` : ''}${result.error.code}: ${result.error.message}${result.error.requestId ? ` (RequestId: ${result.error.requestId})` : ''}`,
      );
    }
  }
  if (report.outcome === 'waiting-for-console') lines.push(...handoverLines(report.handover, purpose));
  if (report.outcome === 'done') {
    const usage = steps.find((s) => s.operation.kind === 'usage');
    if (usage !== undefined) lines.push('', ...usage.details.map((d) => `  ${d}`));
  }
  return lines.map(escapeForMessage).join('\n');
}

/** The closing line for all links. */
export function closingLine(file: string, reports: readonly ApplyReport[], purpose: PlanPurpose = 'apply'): string {
  const { command, noun, consoleVerb } = WORDS[purpose];
  const count = (status: StepResult['status']): number =>
    reports.reduce((n, r) => n + r.steps.filter((s) => s.status === status).length, 0);
  const counts = `${count('done')} done, ${count('already')} already so, ${count('failed')} failed, ${count('not-started')} not started`;
  if (reports.some((r) => r.outcome === 'cancelled'))
    return `${noun} cancelled: ${counts}. Run mcvpc ${command} ${file} again to finish; nothing will be done twice.`;
  if (reports.some((r) => r.outcome === 'failed'))
    return `${noun} failed: ${counts}. Fix the cause and run mcvpc ${command} ${file} again; nothing will be done twice.`;
  if (reports.some((r) => r.outcome === 'waiting-for-console'))
    return `${noun} paused at the MaxCompute console step: ${counts}. ${consoleVerb} the network link as shown, then run mcvpc ${command} ${file} again.`;
  return `${noun} complete: ${counts}.`;
}
