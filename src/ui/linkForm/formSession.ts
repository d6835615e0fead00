/**
 * One Create Network Link form: its state (the pure machine in formState/formRun), the VPC's
 * context read from the Network view's cache, and the plan and run through the engine. It
 * outlives its webview: closing the panel while the run waits (for MaxCompute to create the link,
 * or at the console fallback) leaves the run going and a notification offers the form again.
 */
import * as vscode from 'vscode';
import type { ConsoleHandover, Plan } from '../../core/plan';
import { linkUsage } from '../../core/usage';
import type { CopyValueView, FormView, WebviewMessage } from '../../shared/protocol';
import type { ConnectionSpec } from '../../connectionSpec/types';
import { describeError, formatDescribedError } from '../shell/errorReporting';
import type { CommandDeps } from '../shell/commandDeps';
import { contextFromTree } from './model/contextFromTree';
import {
  applying,
  copyableValues,
  finished,
  linkStatusWords,
  planFailed,
  planned,
  planning,
  progress,
  stepFinished,
  stepStarted,
  waitingForConsole,
  type RunState,
} from './model/formRun';
import { formSpecText } from './model/formSpec';
import { isEditable, loadingState, reduce, withContext, type FormPreset } from './model/formState';
import { formView } from './model/formView';
import { parseWebviewMessage } from './model/messages';

/** How long Apply waits for the link to appear after the hand-over. */
const CONSOLE_WAIT_MS = 60 * 60 * 1000;

/** Where the form opens. */
export interface FormTarget {
  profile?: string;
  regionId: string;
  vpcId: string;
  preset?: FormPreset;
}

/** A form's state and work, with or without a panel showing it. */
export class FormSession implements vscode.Disposable {
  private state: RunState;
  private listeners = new Set<(view: FormView) => void>();
  private spec: ConnectionSpec | undefined;
  private plan: Plan | undefined;
  private specText = '';
  private run: AbortController | undefined;
  private profile = '';
  /** Test seam: where Save as spec writes without asking (integration tests). */
  saveTarget: vscode.Uri | undefined;

  constructor(
    private readonly deps: CommandDeps,
    private readonly target: FormTarget,
  ) {
    this.state = loadingState(target.regionId, target.vpcId);
  }

  /** The form as the webview shows it now. */
  view(): FormView {
    return formView(this.state);
  }

  /** Calls `listener` with every new view; returns the unsubscribe. */
  onView(listener: (view: FormView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True while Apply runs or waits for the console step. */
  get running(): boolean {
    return this.run !== undefined;
  }

  /** The link's name, for titles and notifications. */
  get linkName(): string {
    return this.state.choices.name;
  }

  /** Reads the VPC (from the tree's cache when it is there). */
  async load(preset = this.target.preset): Promise<void> {
    try {
      const cloud = await this.deps.session.open();
      this.profile = this.target.profile ?? cloud.accountProfile;
      const { regionId, vpcId } = this.state.choices;
      const details = await this.deps.explorer.vpcDetails(this.profile, regionId, vpcId === '' ? undefined : vpcId);
      const { networkLinkNameProblem } = await import('../../connectionSpec');
      const declared = await this.deps.explorer.specs.declared();
      const knownLinkNames = declared
        .filter((d) => d.spec.regionId === regionId && (d.spec.profile === undefined || d.spec.profile === this.profile))
        .map((d) => d.spec.networkLinkName);
      const context = contextFromTree(details, {
        profile: this.profile,
        regionId,
        regions: this.deps.session.settings().regions,
        knownLinkNames,
        linkNameProblem: networkLinkNameProblem,
      });
      this.update(withContext(this.state, context, preset));
    } catch (error) {
      this.deps.log.error(`Create Network Link: reading ${this.state.choices.vpcId}: ${formatDescribedError(describeError(error))}`);
      this.update(
        planFailed(
          { ...this.state, phase: 'edit' },
          `Could not read ${this.state.choices.vpcId || this.state.choices.regionId}: ${describeError(error).message}`,
        ),
      );
    }
  }

  /** A message from the webview (or a test): checked, then acted on; anything malformed or out of order is logged and ignored. */
  async receive(data: unknown): Promise<void> {
    const parsed = parseWebviewMessage(data);
    if ('problem' in parsed) {
      this.deps.log.warn(`Create Network Link: ignored a malformed message from the webview (${parsed.problem}).`);
      return;
    }
    await this.handle(parsed.message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.emit();
        return;
      case 'copy':
        if (!copyableValues(this.state).has(message.value)) {
          this.deps.log.warn('Create Network Link: ignored a copy of a value the form did not show.');
          return;
        }
        await vscode.env.clipboard.writeText(message.value);
        void vscode.window.setStatusBarMessage(`Copied: ${message.value}`, 3000);
        return;
      case 'action':
        return this.act(message.action);
      default: {
        if (!isEditable(this.state)) {
          this.deps.log.warn(`Create Network Link: ignored ${message.type} while ${this.state.phase}.`);
          return;
        }
        const before = this.state;
        this.update(reduce(this.state, message));
        if (this.state.phase === 'loading' && before.phase !== 'loading') await this.load({});
      }
    }
  }

  private async act(action: Extract<WebviewMessage, { type: 'action' }>['action']): Promise<void> {
    const phase = this.state.phase;
    const allowed: Record<typeof action, boolean> = {
      plan: this.view().canPlan,
      edit: phase === 'plan' || phase === 'failed' || phase === 'cancelled',
      apply: phase === 'plan' && this.plan !== undefined && this.run === undefined,
      cancel: this.run !== undefined,
      retry: (phase === 'failed' || phase === 'cancelled') && this.spec !== undefined,
      openConsole: this.state.run?.handover !== undefined,
      saveSpec: this.spec !== undefined && (phase === 'plan' || phase === 'done'),
      refresh: phase === 'edit',
    };
    if (!allowed[action]) {
      this.deps.log.warn(`Create Network Link: ignored "${action}" while ${phase}.`);
      return;
    }
    switch (action) {
      case 'plan':
        return void (await this.makePlan());
      case 'edit':
        return this.update({ ...this.state, phase: 'edit', run: undefined });
      // A run lasts as long as the console step: it goes on by itself; the message is answered now.
      case 'apply':
        void this.apply(this.plan!);
        return;
      case 'retry':
        // From the live state: plan again, then go on with what is left.
        void this.makePlan().then((plan) => (plan !== undefined && !plan.refused ? this.apply(plan) : undefined));
        return;
      case 'cancel':
        this.run?.abort(new Error('cancelled'));
        this.update(progress(this.state, 'Cancelling after the call in flight…'));
        return;
      case 'openConsole':
        await vscode.env.openExternal(vscode.Uri.parse(this.state.run!.handover!.url));
        return;
      case 'saveSpec':
        return this.saveSpec();
      case 'refresh': {
        const vpcNode = this.deps.explorer.nodeById(`${this.profile}/${this.state.choices.regionId}/vpc/${this.state.choices.vpcId}`);
        if (vpcNode !== undefined) this.deps.explorer.refresh(vpcNode);
        this.update({ ...this.state, phase: 'loading' });
        return this.load({});
      }
    }
  }

  /** Parses the form's spec text and plans it with the engine. */
  private async makePlan(): Promise<Plan | undefined> {
    this.update(planning(this.state));
    try {
      const { parseSpecFile, hasErrors } = await import('../../connectionSpec');
      const text = formSpecText(this.state);
      const result = parseSpecFile(text, `${this.state.choices.name}.mcvpc.yaml`);
      const [spec] = result.specs;
      if (spec === undefined || hasErrors(result.problems))
        throw new Error(`The form's choices do not make a valid spec: ${result.problems.map((p) => p.message).join('; ')}`);
      const { planSpec } = await import('../../engine');
      const cloud = (await this.deps.session.open()).withRegion(spec.regionId);
      const { plan } = await planSpec(cloud, spec, { emulatorEndpoint: this.deps.session.settings().endpoint });
      this.spec = spec;
      this.specText = text;
      this.plan = plan;
      this.deps.log.info(
        `Create Network Link: plan for ${spec.networkLinkName}: ${plan.refused ? 'refused' : 'ok'}, fingerprint ${plan.fingerprint}`,
      );
      this.update(planned(this.state, plan));
      return plan;
    } catch (error) {
      const described = describeError(error);
      this.deps.log.error(`Create Network Link: planning failed: ${formatDescribedError(described)}`);
      this.update(
        planFailed(
          this.state,
          `${described.message}${described.code !== undefined ? ` (${described.code}${described.requestId !== undefined ? `, RequestId ${described.requestId}` : ''})` : ''}`,
        ),
      );
      return undefined;
    }
  }

  private async apply(plan: Plan): Promise<void> {
    const spec = this.spec!;
    // The run begins before the first await: a second Apply (a double click) that arrives while
    // the engine loads finds the form applying and is ignored, instead of failing on the first
    // run's lock and showing "failed" while that run goes on.
    const controller = new AbortController();
    this.run = controller;
    this.update(applying(this.state, plan));
    let release: () => void;
    try {
      const { acquireLinkLock } = await import('../../engine');
      // The same lock `mcvpc apply` holds: a CI job or a terminal on this machine and this form must not both create the link's group.
      release = acquireLinkLock(spec, 'the Create Network Link form in VS Code');
    } catch (error) {
      this.run = undefined;
      this.update(planFailed({ ...this.state, phase: 'plan' }, error instanceof Error ? error.message : String(error)));
      return;
    }
    const pendingKey = `form:${spec.regionId}:${spec.vpcId}:${spec.networkLinkName}`;
    // The tree learns the link's name from the form as soon as the run may create it.
    this.deps.explorer.setPendingLink(pendingKey, { spec, file: `mcvpc-form:/${spec.networkLinkName}` });
    let ticker: NodeJS.Timeout | undefined;
    try {
      const { applyPlan } = await import('../../engine');
      const cloud = (await this.deps.session.open()).withRegion(spec.regionId);
      const report = await applyPlan(cloud, spec, plan, {
        signal: controller.signal,
        waitForConsoleMs: CONSOLE_WAIT_MS,
        pollMaxMs: 5_000,
        onEvent: (event) => {
          if (event.type === 'step-started') this.update(stepStarted(this.state, event.step.id));
          if (event.type === 'step-finished')
            this.update(stepFinished(this.state, event.step.id, event.result.status, event.result.error, event.result.detail));
          if (event.type === 'link-status') {
            // MaxCompute is creating the link: its status verbatim, and how long apply keeps waiting.
            clearInterval(ticker);
            const words = (): string => linkStatusWords(event.status, event.deadline);
            this.update(progress(this.state, words()));
            ticker = setInterval(() => this.update(progress(this.state, words())), 15_000);
          }
          if (event.type === 'waiting-for-console') {
            this.deps.explorer.setPendingLink(pendingKey, { spec, file: `mcvpc-form:/${spec.networkLinkName}` });
            const words = (): string =>
              `${event.reason !== undefined ? `MaxCompute's link API cannot be used here (${event.reason}): create the link in the console with the values below. ` : ''}${waitWords(event.deadline)}`;
            this.update(waitingForConsole(this.state, event.handover ?? (event.step.handover as ConsoleHandover), words()));
            clearInterval(ticker);
            ticker = setInterval(() => this.update(progress(this.state, words())), 15_000);
          }
        },
      });
      for (const step of report.steps)
        if (step.status === 'not-started' || step.status === 'cancelled') this.state = stepFinished(this.state, step.stepId, step.status);
      this.update(finished(this.state, report.outcome, report.outcome === 'done' ? usageLines(spec) : []));
      this.deps.log.info(`Create Network Link: apply ${spec.networkLinkName}: ${report.outcome}`);
      this.announce(report.outcome);
    } catch (error) {
      this.deps.log.error(`Create Network Link: apply failed: ${formatDescribedError(describeError(error))}`);
      this.update(finished(this.state, 'failed'));
    } finally {
      release();
      clearInterval(ticker);
      this.run = undefined;
      const vpcNode = this.deps.explorer.nodeById(`${this.profile}/${spec.regionId}/vpc/${spec.vpcId}`);
      if (vpcNode !== undefined) this.deps.explorer.refresh(vpcNode);
    }
  }

  /** When no panel shows the form, the run's end is a notification that can bring it back. */
  private announce(outcome: string): void {
    if (this.listeners.size > 0) return;
    const show = 'Show';
    const words = outcome === 'done' ? `Network link ${this.linkName} is ready.` : `Network link ${this.linkName}: ${outcome}.`;
    void vscode.window
      .showInformationMessage(words, show)
      .then((choice) => (choice === show ? vscode.commands.executeCommand('mcvpc.createNetworkLink', { formSession: this }) : undefined));
  }

  private async saveSpec(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suggested = folder !== undefined ? vscode.Uri.joinPath(folder, `${this.state.choices.name}.mcvpc.yaml`) : undefined;
    const uri =
      this.saveTarget ??
      (await vscode.window.showSaveDialog({
        defaultUri: suggested,
        filters: { 'Connection spec': ['mcvpc.yaml'] },
        title: 'Save the network link as a spec',
      }));
    if (uri === undefined) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.specText));
    this.update({ ...this.state, savedSpec: vscode.workspace.asRelativePath(uri) });
    this.deps.log.info(`Create Network Link: saved ${uri.toString()}`);
  }

  private update(next: RunState): void {
    this.state = next;
    this.emit();
  }

  private emit(): void {
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }

  dispose(): void {
    this.run?.abort(new Error('cancelled'));
    this.listeners.clear();
  }
}

function waitWords(deadline: number): string {
  const minutes = Math.max(0, Math.round((deadline - Date.now()) / 60_000));
  return `Waiting for the link to appear in the VPC (checking by itself for ${minutes} more minute${minutes === 1 ? '' : 's'})…`;
}

/** The lines that use the link (src/core/usage/lines.ts), each to copy. */
function usageLines(spec: ConnectionSpec): CopyValueView[] {
  const usage = linkUsage(spec);
  return [
    { label: 'SQL and UDFs', value: usage.sql },
    { label: 'Foreign tables', value: usage.foreignTable },
    ...usage.spark.map((line, i) => ({ label: i === 0 ? 'Spark' : '', value: line })),
  ];
}
