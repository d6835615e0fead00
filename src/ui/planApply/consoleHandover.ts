/**
 * The console hand-over, the fallback when MaxCompute's link API cannot be used (the caller lacks
 * odps:CreateNetworkLink or the tenant role, or the region does not offer it): after Apply a
 * person enters the values in the MaxCompute console (after Remove Network Link, finds the link
 * by them and deletes it). Shown as a picker that stays open, each
 * value with a copy button, plus "Open MaxCompute console" (the emulator's page when the
 * endpoint is the emulator; the plan already resolved which).
 */
import * as vscode from 'vscode';
import type { ConsoleHandover, PlanPurpose } from '../../core/plan';

/** Shows the hand-over; resolves when the person closes it. */
export function showConsoleHandover(linkName: string, handover: ConsoleHandover, purpose: PlanPurpose = 'apply'): Promise<void> {
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem & { value?: string; open?: boolean }>();
  const copy: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy' };
  const removing = purpose === 'destroy';
  picker.title = `${removing ? 'Delete' : 'Create'} network link ${linkName} in the MaxCompute console`;
  // A placeholder shows text as it is (no $(icon) rendering): name the button in words.
  picker.placeholder = removing
    ? 'Delete the link with these values in Tenants > Network Connection; then Remove again'
    : 'Enter these values in Tenants > Network Connection; pick one, or click its copy button, to copy it';
  picker.ignoreFocusOut = true;
  picker.items = [
    { label: '$(link-external) Open MaxCompute console', detail: handover.url, open: true },
    ...handover.fields.map((f) => ({ label: f.label, description: f.value, value: f.value, buttons: [copy] })),
  ];
  const copyValue = async (value: string, label: string): Promise<void> => {
    await vscode.env.clipboard.writeText(value);
    picker.placeholder = `Copied ${label}: ${value}`;
  };
  return new Promise((resolve) => {
    picker.onDidTriggerItemButton((event) => void copyValue(event.item.value ?? '', event.item.label));
    picker.onDidAccept(() => {
      const [chosen] = picker.selectedItems;
      if (chosen?.open === true) void vscode.env.openExternal(vscode.Uri.parse(handover.url));
      else if (chosen?.value !== undefined) void copyValue(chosen.value, chosen.label);
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve();
    });
    picker.show();
  });
}
