/**
 * The report view: one webview panel per link, refreshed in place. Its buttons fix one hop or
 * all, copy the Markdown report, or check again; a fix first shows exactly the steps it will
 * apply in a modal confirmation, then runs through the engine like Apply.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { fixSteps, renderReportMarkdown, type DoctorReport, type UsageFile } from '../../core/doctor';
import { dialectOfLanguage, dialectOfPath } from '../../core/usage';
import type { PlanStep } from '../../core/plan';
import type { ApplyReport, DoctorState } from '../../engine';
import type { CloudSession } from '../shell/session';
import type { LinkToCheck } from './linkSpec';
import { parseReportMessage, renderReportHtml } from './model/reportHtml';

type Checked = DoctorState & { report: DoctorReport };

/** The last report shown, for "Copy Report" from the palette and the tests. */
let lastReport: DoctorReport | undefined;
export function lastDoctorReport(): DoctorReport | undefined {
  return lastReport;
}

const panels = new Map<string, ReportPanel>();

/** The open SQL and Spark files that mention the link or its VPC: their networklink / eni.info lines are checked against it. */
function openUsageFiles(spec: LinkToCheck['spec']): UsageFile[] {
  return vscode.workspace.textDocuments.flatMap((d) => {
    const dialect = dialectOfLanguage(d.languageId) ?? dialectOfPath(d.uri.path);
    const text = d.getText();
    const mentions = text.includes(spec.networkLinkName) || text.includes(spec.vpcId);
    return dialect === undefined || d.uri.scheme === 'output' || !mentions
      ? []
      : [{ path: vscode.workspace.asRelativePath(d.uri), text, dialect }];
  });
}

/** Reads and judges the link (with progress); undefined when cancelled. */
export async function checkLink(session: CloudSession, target: LinkToCheck): Promise<Checked | undefined> {
  const { doctorSpec } = await import('../../engine');
  const cloud = (await session.open()).withRegion(target.spec.regionId);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking reachability of ${target.spec.networkLinkName}`, cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort(new Error('cancelled')));
      try {
        return await doctorSpec(cloud, target.spec, { signal: controller.signal, usageFiles: openUsageFiles(target.spec) });
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
}

/** The words of the confirmation: every step, with what it changes. */
export function confirmationText(steps: readonly PlanStep[]): string {
  return steps.map((s) => [`• ${s.title}`, ...s.details.map((d) => `    ${d}`)].join('\n')).join('\n');
}

class ReportPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private checked: Checked;

  constructor(
    private readonly session: CloudSession,
    private readonly target: LinkToCheck,
    checked: Checked,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.checked = checked;
    this.panel = vscode.window.createWebviewPanel(
      'mcvpc.reachability',
      `Reachability: ${target.spec.networkLinkName}`,
      vscode.ViewColumn.Beside,
      { enableScripts: true, localResourceRoots: [] },
    );
    this.panel.onDidDispose(() => this.dispose());
    this.panel.webview.onDidReceiveMessage(
      (raw: unknown) =>
        void this.onMessage(raw).catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          this.log.error(`Reachability: ${message}`);
          void vscode.window.showErrorMessage(`Check Reachability: ${message}`);
        }),
    );
    this.render();
  }

  get report(): DoctorReport {
    return this.checked.report;
  }

  show(checked: Checked): void {
    this.checked = checked;
    this.render();
    this.panel.reveal(undefined, true);
  }

  private render(busy?: string): void {
    lastReport = this.checked.report;
    this.panel.webview.html = renderReportHtml(this.checked.report, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      busy,
    });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseReportMessage(raw);
    if (message === undefined) return;
    if (message.type === 'copy') {
      await vscode.env.clipboard.writeText(renderReportMarkdown(this.checked.report));
      void vscode.window.showInformationMessage('Reachability report copied as Markdown.');
      return;
    }
    if (message.type === 'recheck') return this.recheck();
    const hops = message.type === 'fix' ? this.checked.report.hops.filter((h) => h.id === message.hopId) : this.checked.report.hops;
    await this.fix({ ...this.checked.report, hops });
  }

  private async recheck(): Promise<void> {
    const checked = await checkLink(this.session, this.target);
    if (checked !== undefined) this.show(checked);
  }

  /** Confirms and applies the fix steps of the given hops, then checks again. */
  async fix(report: DoctorReport): Promise<ApplyReport | undefined> {
    const steps = fixSteps(report);
    if (steps.length === 0) return undefined;
    const answer = await vscode.window.showWarningMessage(
      `Apply ${steps.length} change(s) to fix ${this.target.spec.networkLinkName}?`,
      { modal: true, detail: confirmationText(steps) },
      'Apply',
    );
    if (answer !== 'Apply') return undefined;
    const { applyDoctorFix } = await import('../../engine');
    const cloud = (await this.session.open()).withRegion(this.target.spec.regionId);
    this.render('Applying the fix…');
    const result = await applyDoctorFix(cloud, this.target.spec, { ...this.checked, report }, {});
    this.log.info(
      `doctor fix for ${this.target.spec.networkLinkName}: ${result.outcome} (${result.steps.map((s) => `${s.stepId} ${s.status}`).join(', ')})`,
    );
    if (result.outcome !== 'done')
      void vscode.window.showErrorMessage(
        `The fix ended ${result.outcome}: ${result.steps
          .filter((s) => s.error)
          .map((s) => `${s.title}: ${s.error!.message}`)
          .join('; ')}`,
      );
    await this.recheck();
    return result;
  }

  dispose(): void {
    panels.delete(this.target.spec.networkLinkName);
    this.panel.dispose();
  }
}

/** Shows the report in its panel (one per link name), creating it when needed. */
export function showReport(session: CloudSession, target: LinkToCheck, checked: Checked, log: vscode.LogOutputChannel): void {
  const key = target.spec.networkLinkName;
  const open = panels.get(key);
  if (open !== undefined) open.show(checked);
  else panels.set(key, new ReportPanel(session, target, checked, log));
}

/** Applies every fix of the panel's report after the confirmation (the palette's and the tests' way to press "Fix All"). */
export async function fixShownReport(linkName: string): Promise<ApplyReport | undefined> {
  const panel = panels.get(linkName);
  if (panel === undefined) throw new Error(`No reachability report is open for ${linkName}.`);
  return panel.fix(panel.report);
}
