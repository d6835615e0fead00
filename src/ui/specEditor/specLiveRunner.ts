/**
 * Runs the editor's live checks (specLiveChecks.ts) for open spec documents, after the parse and
 * only while a cloud session is open, from the cached read model: typing never waits for it,
 * and a result for text that has changed since is dropped.
 */
import * as vscode from 'vscode';
import type { TargetLive } from '../../core/plan';
import { targetPlanners } from '../../targets';
import type { CloudSession } from '../shell/session';
import type { SpecCatalog } from './model/specCatalog';
import { toRange, type ParsedSpec, type SpecDiagnostics } from './specDiagnostics';
import { editorLiveFindings, type QuickFix } from './model/specLiveChecks';

const DELAY_MS = 400;

function fixKey(diagnostic: vscode.Diagnostic): string {
  return `${diagnostic.range.start.line}:${diagnostic.range.start.character}:${diagnostic.message}`;
}

/** Live warnings with their quick fixes, by diagnostic. */
export class SpecLiveRunner implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** By document, then by `line:column:message` of the warning (code actions get copies of diagnostics). */
  private readonly fixes = new Map<string, Map<string, QuickFix>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly diagnostics: SpecDiagnostics,
    private readonly catalog: SpecCatalog,
    session: CloudSession,
  ) {
    this.disposables.push(
      diagnostics.onDidParse((spec) => this.schedule(spec)),
      session.onDidOpen(() => this.recheckAll()),
      session.onDidChange(() => {
        catalog.clear();
        this.recheckAll();
      }),
    );
  }

  /** The quick fix of a live warning, if it has one. */
  fixOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): QuickFix | undefined {
    return this.fixes.get(uri.toString())?.get(fixKey(diagnostic));
  }

  /** Reads again (after a refresh) and checks every open spec. */
  recheckAll(): void {
    for (const spec of this.diagnostics.all()) this.schedule(spec);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }

  private schedule(spec: ParsedSpec): void {
    // Only open editors: a workspace scan must not call the cloud for every file.
    if (spec.version < 0) return;
    const key = spec.uri.toString();
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(spec);
      }, DELAY_MS),
    );
  }

  private async check(parsed: ParsedSpec): Promise<void> {
    if (!this.catalog.available) return;
    const diagnostics: vscode.Diagnostic[] = [];
    const fixes = new Map<string, QuickFix>();
    // Also the links of documents with schema errors, from the fields that parse: one unknown key must not hide the rest.
    for (const spec of [...parsed.result.specs, ...(parsed.result.partialSpecs ?? [])]) {
      try {
        const regionId = spec.regionId;
        const [vpcs, vSwitches, groups, services, targets] = await Promise.all([
          this.catalog.vpcs(regionId),
          this.catalog.vSwitches(regionId),
          this.catalog.securityGroups(regionId),
          this.catalog.services(regionId),
          Promise.all(spec.targets.map((t): Promise<TargetLive> => this.catalog.targetLive(regionId, t))),
        ]);
        const group =
          spec.securityGroup.mode === 'existing'
            ? groups.find((g) => g.securityGroupId === (spec.securityGroup as { securityGroupId: string }).securityGroupId)
            : groups.find((g) => g.vpcId === spec.vpcId && g.name === (spec.securityGroup as { name: string }).name);
        const rules = group === undefined ? [] : await this.catalog.groupRules(regionId, group.securityGroupId);
        const findings = editorLiveFindings(
          spec,
          { vpcs, vSwitches, groups, services, targets, linkGroupIngress: rules.filter((r) => r.direction === 'ingress') },
          targetPlanners,
          parsed.text,
        );
        for (const { check, fix } of findings) {
          const diagnostic = new vscode.Diagnostic(toRange(check.range), check.message, vscode.DiagnosticSeverity.Warning);
          diagnostic.source = 'mcvpc (live)';
          diagnostic.code = check.code;
          if (fix !== undefined) fixes.set(fixKey(diagnostic), fix);
          diagnostics.push(diagnostic);
        }
      } catch {
        // A read failed (network, permissions): no live advice for this link; Plan will say why.
      }
    }
    this.fixes.set(parsed.uri.toString(), fixes);
    this.diagnostics.setLive(parsed.uri, parsed.version, diagnostics);
  }
}
