/** mcvpc.copyReachabilityReport: the last reachability report as Markdown on the clipboard (ids and rules only; no secret is ever in a report). */
import * as vscode from 'vscode';
import { renderReportMarkdown } from '../../../core/doctor';
import { lastDoctorReport } from '../reportPanel';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';

export function copyReachabilityReportCommand(_deps: CommandDeps): CommandHandler {
  return async (): Promise<string> => {
    const report = lastDoctorReport();
    if (report === undefined) throw new Error('No reachability report yet: run "Check Reachability" first.');
    const text = renderReportMarkdown(report);
    await vscode.env.clipboard.writeText(text);
    return text;
  };
}
