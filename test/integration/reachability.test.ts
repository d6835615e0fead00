import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { DoctorReport } from '../../src/core/doctor';
import { DEFAULT_SEED } from '../../src/emulator/seed';
import { waitFor } from '../harness/poll';
import { activatedExtension } from './extension';

const M = DEFAULT_SEED.main;

const written: vscode.Uri[] = [];

/** A spec file in the workspace, removed after the suite (other suites count the workspace's links). */
async function specFile(name: string, lines: string[]): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host has a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${lines.join('\n')}\n`));
  written.push(uri);
  return uri;
}

/** The report view's tab, once the workbench shows it (tabs are announced asynchronously). */
async function reachabilityTab(linkName: string): Promise<vscode.Tab> {
  const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  const find = (): vscode.Tab | undefined =>
    tabs().find(
      (t) =>
        t.label.includes(`Reachability: ${linkName}`) ||
        (t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mcvpc.reachability') && t.label.includes(linkName)),
    );
  try {
    return await waitFor(find, { timeoutMs: 15_000, what: `the report view of ${linkName}` });
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; tabs: ${tabs()
        .map((t) => `${t.label} (${t.input?.constructor.name ?? 'no input'})`)
        .join(', ')}`,
    );
  }
}

describe('Check Reachability', function () {
  this.timeout(120_000);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of written.splice(0)) await vscode.workspace.fs.delete(uri);
  });

  it("checks a spec's existing link from its CodeLens argument, opens the report view, and copies a Markdown report without secrets", async () => {
    await activatedExtension();
    const uri = await specFile('existing.mcvpc.yaml', [
      'version: mcvpc/v1',
      'kind: NetworkLink',
      'metadata:',
      `  name: ${M.linkName}`,
      'region: cn-hangzhou',
      `vpc: ${M.linkedVpcId}`,
      `vSwitch: ${M.linkedVSwitchId}`,
      'securityGroup:',
      `  id: ${M.linkedGroupId}`,
    ]);
    const report = await vscode.commands.executeCommand<DoctorReport>('mcvpc.checkReachability', { uri: uri.toString(), documentIndex: 0 });
    assert.ok(report, 'the command resolves to the report');
    assert.equal(report.networkLinkName, M.linkName);
    const enis = report.hops.find((h) => h.id === 'network-link.enis');
    assert.equal(enis?.verdict, 'pass', enis?.reason);
    assert.ok(
      enis.evidence.some((e) => M.linkedEniIds.some((id) => e.text.includes(id))),
      'the ENIs are the evidence',
    );
    await reachabilityTab(M.linkName);
    const markdown = await vscode.commands.executeCommand<string>('mcvpc.copyReachabilityReport');
    assert.match(markdown, new RegExp(`^## MaxCompute network link "${M.linkName}"`));
    assert.equal(await vscode.env.clipboard.readText(), markdown);
    assert.ok(!markdown.includes(M.accessKeySecret) && !markdown.includes(M.accessKeyId), 'no credential in the report');
  });

  it('finds what blocks a declared link that was never applied, hop by hop', async () => {
    await activatedExtension();
    const uri = await specFile('new.mcvpc.yaml', [
      'version: mcvpc/v1',
      'kind: NetworkLink',
      'metadata:',
      '  name: integration_link',
      'region: cn-hangzhou',
      `vpc: ${M.vpcId}`,
      `vSwitch: ${M.vSwitchIdB}`,
      'securityGroup:',
      '  create:',
      '    name: integration-link',
      '    inboundSource: vswitch-cidr',
      'targets:',
      '  - kind: rds',
      `    instance: ${M.rdsInstanceId}`,
      '    access: whitelist',
      '    whitelistGroup: maxcompute',
    ]);
    await vscode.window.showTextDocument(uri);
    // From the palette: the active spec editor is the argument.
    const report = await vscode.commands.executeCommand<DoctorReport>('mcvpc.checkReachability');
    assert.equal(report.verdict, 'fail');
    const verdicts = Object.fromEntries(report.hops.map((h) => [h.id, h.verdict]));
    assert.equal(verdicts.zone, 'fail', 'zone cn-hangzhou-b has no network links');
    assert.equal(verdicts['link-group'], 'fail');
    assert.equal(verdicts['target.0.access'], 'fail');
    await reachabilityTab('integration_link');
  });

  it("checks a link detected in the Network view (no spec): the link's hops only", async () => {
    await activatedExtension();
    const node = {
      kind: 'networkLink',
      id: 'detected',
      profile: 'main',
      regionId: 'cn-hangzhou',
      link: {
        key: 'k',
        state: 'detected-unnamed',
        regionId: 'cn-hangzhou',
        vpcId: M.linkedVpcId,
        vSwitchId: M.linkedVSwitchId,
        securityGroupId: M.linkedGroupId,
        networkInterfaces: [],
        returnGroupsPresent: true,
      },
    };
    const report = await vscode.commands.executeCommand<DoctorReport>('mcvpc.checkReachability', node);
    assert.equal(report.networkLinkName, `unnamed link in ${M.linkedVSwitchId}`);
    assert.ok(report.hops.every((h) => h.scope.kind === 'link'));
    assert.equal(report.hops.find((h) => h.id === 'managed.vpc')?.verdict, 'pass');
    // No name to ask MaxCompute about: the link hop says so instead of failing on a made-up name.
    assert.match(report.hops.find((h) => h.id === 'network-link')?.reason ?? '', /known by its network interfaces only/);
    assert.equal(report.hops.find((h) => h.id === 'network-link')?.verdict, 'unknown');
  });
});
