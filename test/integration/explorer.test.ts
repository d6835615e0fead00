import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/ui/shell/api';
import { waitFor } from '../harness/poll';
import { activatedExtension, emulatorAccounts } from './extension';

// Ids of the emulator's default seed (src/emulator/seed.ts DEFAULT_SEED), as the samples use them.
const APP_VPC = 'vpc-bp1w4g8ykeud64dultaii';
const APP_VSWITCH_H = 'vsw-bp1eozbg57e48oj28e5ct';

type Kind<K extends ExplorerNode['kind']> = Extract<ExplorerNode, { kind: K }>;

function find<K extends ExplorerNode['kind']>(nodes: ExplorerNode[], kind: K, match: (node: Kind<K>) => boolean = () => true): Kind<K> {
  const found = nodes.find((n): n is Kind<K> => n.kind === kind && match(n as Kind<K>));
  assert.ok(found, `no ${kind} among ${JSON.stringify(nodes.map((n) => `${n.kind}:${n.id}`))}`);
  return found;
}

async function settle(): Promise<void> {
  // A settings change resets the session and redraws; the next getChildren sees the new values.
  await new Promise((resolve) => setImmediate(resolve));
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mcvpc').update(key, value, vscode.ConfigurationTarget.Global);
  await settle();
}

function emulatorEndpoint(): string {
  const endpoint = vscode.workspace.getConfiguration('mcvpc').get<string>('endpoint');
  assert.ok(endpoint, 'mcvpc.endpoint is not set: the runner points the extension at the emulator');
  return endpoint;
}

async function emulatorRequests(): Promise<{ action: string; params: Record<string, string> }[]> {
  const answer = (await (await fetch(`${emulatorEndpoint()}/__emulator/requests`)).json()) as {
    requests: { action: string; params: Record<string, string> }[];
  };
  return answer.requests;
}

describe("the Network view's tree (in the extension host, default seed)", () => {
  /** The children along a path of labels from the root: profile → region → VPC → … */
  async function region(): Promise<Kind<'region'>> {
    const { api } = await activatedExtension();
    const roots = await api.getExplorerChildren();
    const parent = roots[0]?.kind === 'profile' ? await api.getExplorerChildren(roots[0]) : roots;
    return find(parent, 'region', (r) => r.regionId === 'cn-hangzhou');
  }
  async function vpcGroup(vpcId: string, group: Kind<'vpcGroup'>['group']): Promise<Kind<'vpcGroup'>> {
    const { api } = await activatedExtension();
    const vpc = find(await api.getExplorerChildren(await region()), 'vpc', (v) => v.vpc.vpcId === vpcId);
    return find(await api.getExplorerChildren(vpc), 'vpcGroup', (g) => g.group === group);
  }

  afterEach(async () => {
    await setSetting('profile', undefined);
    await setSetting('pageSize', undefined);
  });

  it('shows the active profile at the root (two profiles are configured), then its regions and "Add region…"', async () => {
    const { api } = await activatedExtension();
    const [main] = emulatorAccounts();
    const roots = await api.getExplorerChildren();
    assert.equal(roots.length, 1);
    const profile = find(roots, 'profile');
    assert.equal(profile.profile, main!.name);
    const regions = await api.getExplorerChildren(profile);
    assert.deepEqual(
      regions.map((n) => n.id),
      [`${main!.name}/cn-hangzhou`, `${main!.name}/addRegion`],
    );
    assert.equal(api.getExplorerItem(regions[1]!).command?.command, 'mcvpc.addRegion');
  });

  it('lists VPCs, then vSwitches, Security groups, Network links and Services under each', async () => {
    const { api } = await activatedExtension();
    const vpcs = (await api.getExplorerChildren(await region())).filter((n) => n.kind === 'vpc');
    assert.ok(vpcs.some((v) => v.kind === 'vpc' && v.vpc.vpcId === APP_VPC));
    const app = find(vpcs, 'vpc', (v) => v.vpc.vpcId === APP_VPC);
    const groups = await api.getExplorerChildren(app);
    assert.deepEqual(
      groups.map((g) => api.getExplorerItem(g).label),
      ['vSwitches', 'Security groups', 'Network links', 'Services'],
    );
  });

  it('marks each vSwitch by whether its zone supports network links, the reason in the tooltip', async () => {
    const { api } = await activatedExtension();
    const switches = await api.getExplorerChildren(await vpcGroup(APP_VPC, 'vSwitches'));
    const b = find(switches, 'vSwitch', (s) => s.vSwitch.zoneId === 'cn-hangzhou-b');
    const h = find(switches, 'vSwitch', (s) => s.vSwitch.zoneId === 'cn-hangzhou-h');
    const bItem = api.getExplorerItem(b);
    assert.match(String(bItem.description), /no network links/);
    assert.equal((bItem.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    assert.match(
      (bItem.tooltip as vscode.MarkdownString).value.replace(/\\/g, ''),
      /cn-hangzhou-b does not support MaxCompute network links/,
    );
    const hItem = api.getExplorerItem(h);
    assert.equal((hItem.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.match(String(hItem.description), /cn-hangzhou-h · 192\.168\.1\.0\/24 · \d+ free IPs$/);
  });

  it("locks MaxCompute's return-traffic groups: lock icon, the documentation's warning, a context value without editing commands", async () => {
    const { api, extension } = await activatedExtension();
    const linkedVpc = find(await api.getExplorerChildren(await region()), 'vpc', (v) => v.vpc.name === 'mcvpc-linked');
    const groupsNode = find(await api.getExplorerChildren(linkedVpc), 'vpcGroup', (g) => g.group === 'securityGroups');
    const groups = await api.getExplorerChildren(groupsNode);
    const managed = groups.filter((g) => g.kind === 'securityGroup' && g.locked);
    assert.equal(managed.length, 2);
    for (const node of managed) {
      const item = api.getExplorerItem(node);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'lock');
      assert.equal(item.contextValue, 'mcvpc.securityGroupLocked');
      assert.match((item.tooltip as vscode.MarkdownString).value, /Do not modify the rules of these two security groups/);
    }
    const ordinary = find(groups, 'securityGroup', (g) => !g.locked);
    assert.equal(api.getExplorerItem(ordinary).contextValue, 'mcvpc.securityGroup');
    // No menu entry may offer anything but viewing commands on a locked group.
    const manifest = extension.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const onLocked = manifest.contributes.menus['view/item/context']!.filter((m) =>
      (m.when ?? '').includes('mcvpc.securityGroupLocked'),
    ).map((m) => m.command);
    assert.deepEqual([...new Set(onLocked)].sort(), ['mcvpc.copyId', 'mcvpc.openInConsole', 'mcvpc.refreshNode']);
  });

  it('pages VPCs with "Load more" at a small page size, loading a double-clicked page once', async () => {
    const { api } = await activatedExtension();
    await setSetting('pageSize', 1);
    const hz = await region();
    const first = await api.getExplorerChildren(hz);
    assert.equal(first.filter((n) => n.kind === 'vpc').length, 1);
    const more = find(first, 'loadMore');
    assert.equal(api.getExplorerItem(more).command?.command, 'mcvpc.loadMore');
    const before = (await emulatorRequests()).length;
    await Promise.all([vscode.commands.executeCommand('mcvpc.loadMore', more), vscode.commands.executeCommand('mcvpc.loadMore', more)]);
    const after = (await emulatorRequests()).slice(before).filter((r) => r.action === 'DescribeVpcs');
    assert.deepEqual(
      after.map((r) => r.params.PageNumber),
      ['2'],
    );
    const all = await api.getExplorerChildren(hz);
    assert.equal(all.filter((n) => n.kind === 'vpc').length, 2);
    assert.equal(all.filter((n) => n.kind === 'loadMore').length, 0);
  });

  it('shows an injected API fault as an error node (code, RequestId, opens the log) while its siblings load', async () => {
    const { api } = await activatedExtension();
    const vSwitches = await vpcGroup(APP_VPC, 'vSwitches');
    const groups = await vpcGroup(APP_VPC, 'securityGroups');
    await vscode.commands.executeCommand('mcvpc.refreshNode', vSwitches);
    const response = await fetch(`${emulatorEndpoint()}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        failNext: [
          { action: 'DescribeVSwitches', code: 'Forbidden.RAM', message: 'User not authorized to operate on the specified resource.' },
        ],
      }),
    });
    assert.equal(response.status, 200);
    const [failed, sibling] = await Promise.all([api.getExplorerChildren(vSwitches), api.getExplorerChildren(groups)]);
    const error = find(failed, 'error');
    assert.equal(error.error.code, 'Forbidden.RAM');
    const item = api.getExplorerItem(error);
    assert.equal(item.command?.command, 'mcvpc.showLog');
    assert.match(String(item.tooltip), /Code: Forbidden\.RAM/);
    assert.match(String(item.tooltip), /RequestId: \S+/);
    assert.ok(sibling.some((n) => n.kind === 'securityGroup'));
    await vscode.commands.executeCommand('mcvpc.refreshNode', vSwitches);
    assert.ok(
      (await api.getExplorerChildren(vSwitches)).some((n) => n.kind === 'vSwitch'),
      'a refresh tries again',
    );
  });

  it('switching profile leaves no node of the previous account', async () => {
    const { api } = await activatedExtension();
    const [main, second] = emulatorAccounts();
    const mainVpcs = (await api.getExplorerChildren(await region())).filter((n) => n.kind === 'vpc');
    assert.ok(mainVpcs.length > 0);
    await vscode.commands.executeCommand('mcvpc.switchProfile', second!.name);
    await settle();
    const roots = await api.getExplorerChildren();
    assert.equal(find(roots, 'profile').profile, second!.name);
    const vpcs = (await api.getExplorerChildren(await region())).filter((n) => n.kind === 'vpc');
    assert.ok(vpcs.length > 0, 'the second account has a VPC in cn-hangzhou');
    for (const vpc of vpcs) {
      assert.ok(vpc.id.startsWith(`${second!.name}/`), vpc.id);
      assert.ok(
        !mainVpcs.some((m) => m.kind === 'vpc' && vpc.kind === 'vpc' && m.vpc.vpcId === vpc.vpc.vpcId),
        `${vpc.id} is one of ${main!.name}'s VPCs`,
      );
    }
  });

  it('shows links declared in a workspace spec file and follows edits to it', async () => {
    const { api } = await activatedExtension();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens a workspace folder');
    const file = vscode.Uri.joinPath(folder.uri, 'explorer-test.mcvpc.yaml');
    const spec = (name: string): string =>
      [
        'version: mcvpc/v1',
        'kind: NetworkLink',
        'metadata:',
        `  name: ${name}`,
        'region: cn-hangzhou',
        `vpc: ${APP_VPC}`,
        `vSwitch: ${APP_VSWITCH_H}`,
        'securityGroup:',
        '  create:',
        '    name: maxcompute-explorer-test',
        '    inboundSource: vpc-cidr',
        'targets:',
        '  - kind: custom',
        '    name: warehouse-db',
        '    cidr: 192.168.1.0/24',
        '    ports: [3306]',
        '',
      ].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(spec('explorer_link')));
    try {
      const links = await vpcGroup(APP_VPC, 'networkLinks');
      let last: ExplorerNode[] = [];
      const shown = await waitFor(
        async () => {
          last = await api.getExplorerChildren(links);
          return last.find((n): n is Kind<'networkLink'> => n.kind === 'networkLink' && n.link.name === 'explorer_link');
        },
        { timeoutMs: 15_000, what: 'the declared link to appear under Network links' },
      ).catch(async (error: unknown) => {
        const found = await vscode.workspace.findFiles('**/*.mcvpc.{yaml,yml}');
        throw new Error(`${String(error)}; children: ${JSON.stringify(last)}; findFiles: ${found.map((f) => f.toString()).join(', ')}`);
      });
      assert.equal(shown.link.state, 'not-created');
      const item = api.getExplorerItem(shown);
      assert.equal(item.contextValue, 'mcvpc.linkDeclared');
      assert.match(String(item.description), /^not created: run Apply · declared · /);

      const revealed = await vscode.commands.executeCommand<{ field: string } | undefined>('mcvpc.revealInSpec', shown);
      assert.equal(revealed?.field, 'metadata.name');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString());
      assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), 'explorer_link');

      const usage = await vscode.commands.executeCommand<string>('mcvpc.copyUsage', shown);
      assert.match(usage ?? '', /SET odps\.session\.networklink=explorer_link;/);

      const planText = await vscode.commands.executeCommand<string | undefined>('mcvpc.planLink', shown);
      assert.match(planText ?? '', /Network link "explorer_link" \(cn-hangzhou, vpc-/);
      assert.match(planText ?? '', /^Plan: \d+ to add/m);
      // Planning again shows the plan in the same read-only document: no untitled editor per run.
      await vscode.commands.executeCommand('mcvpc.planLink', shown);
      const planDocuments = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'mcvpc-plan' || d.isUntitled);
      assert.deepEqual(
        planDocuments.map((d) => `${d.uri.scheme}:${d.uri.path}`),
        ['mcvpc-plan:/Plan for explorer_link'],
      );
      assert.match(planDocuments[0]!.getText(), /^Plan: \d+ to add/m);

      // Apply (confirmed): the engine creates the link's group and the link itself (MaxCompute's API), in one run.
      const outcome = await vscode.commands.executeCommand<string | undefined>('mcvpc.applyLink', shown, { confirmed: true });
      assert.equal(outcome, 'done');
      await vscode.commands.executeCommand('mcvpc.refreshNode', links);
      const connected = find(await api.getExplorerChildren(links), 'networkLink', (n) => n.link.name === 'explorer_link');
      assert.equal(connected.link.state, 'connected');
      assert.equal(connected.link.networkInterfaces.length, 2);

      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(spec('renamed_link')));
      await waitFor(
        async () => (await api.getExplorerChildren(links)).some((n) => n.kind === 'networkLink' && n.link.name === 'renamed_link'),
        { timeoutMs: 15_000, what: 'the tree to follow the renamed link' },
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('shows nothing but the welcome (with its next steps) when the only region has no VPC', async () => {
    const { api, extension } = await activatedExtension();
    await setSetting('regions', ['ap-southeast-1']);
    try {
      assert.deepEqual(await api.getExplorerChildren(), []);
    } finally {
      await setSetting('regions', undefined);
    }
    const manifest = extension.packageJSON as { contributes: { viewsWelcome: { when?: string; contents: string }[] } };
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.when === 'mcvpc.setup == empty');
    assert.match(welcome?.contents ?? '', /command:mcvpc\.switchAccount/);
    assert.ok((await api.getExplorerChildren()).length > 0, 'back to the default region');
  });

  it("filters a region's VPCs from its menu, keeps the filter on the region node, and clears it", async () => {
    const { api } = await activatedExtension();
    const before = (await emulatorRequests()).length;
    await vscode.commands.executeCommand('mcvpc.filterRegion', await region(), 'LINKED');
    const filtered = await region();
    assert.equal(filtered.filter, 'LINKED');
    assert.equal(api.getExplorerItem(filtered).contextValue, 'mcvpc.regionFiltered');
    const children = await api.getExplorerChildren(filtered);
    assert.deepEqual(
      children.filter((n) => n.kind === 'vpc').map((n) => n.kind === 'vpc' && n.vpc.name),
      ['mcvpc-linked'],
    );
    assert.match(find(children, 'note').label, /^Filter "linked": 1 of \d+ loaded VPCs$/);
    await vscode.commands.executeCommand('mcvpc.clearRegionFilter', filtered);
    const cleared = await region();
    assert.equal(cleared.filter, undefined);
    assert.ok((await api.getExplorerChildren(cleared)).filter((n) => n.kind === 'vpc').length >= 2);
    assert.deepEqual(
      (await emulatorRequests()).slice(before).filter((r) => r.action === 'DescribeVpcs'),
      [],
      'filtering works on the loaded pages: no call',
    );
  });

  it("switches region from the status bar's command: the chosen region comes first and the tree lists both", async () => {
    const { api } = await activatedExtension();
    await vscode.commands.executeCommand('mcvpc.switchRegion', 'cn-shanghai');
    try {
      assert.deepEqual(vscode.workspace.getConfiguration('mcvpc').get('regions'), ['cn-shanghai', 'cn-hangzhou']);
      const roots = await api.getExplorerChildren();
      const regions = (await api.getExplorerChildren(roots[0])).filter((n) => n.kind === 'region');
      assert.deepEqual(
        regions.map((r) => r.kind === 'region' && r.regionId),
        ['cn-shanghai', 'cn-hangzhou'],
      );
      const shanghai = (await api.getExplorerChildren(regions[0])).filter((n) => n.kind === 'vpc');
      assert.deepEqual(
        shanghai.map((n) => n.kind === 'vpc' && n.vpc.name),
        ['mcvpc-sh'],
      );
    } finally {
      await setSetting('regions', undefined);
    }
  });

  it('shows an unreachable endpoint as an error node with a code, not a popup', async () => {
    const { api } = await activatedExtension();
    const endpoint = emulatorEndpoint();
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    await setSetting('endpoint', 'http://127.0.0.1:9');
    try {
      const children = await api.getExplorerChildren(await region());
      assert.equal(children.length, 1);
      assert.equal(find(children, 'error').error.code, 'ECONNREFUSED');
    } finally {
      await setSetting('endpoint', endpoint);
    }
  });

  it("copies a resource's ID through the context-menu command", async () => {
    const { api } = await activatedExtension();
    const switches = await api.getExplorerChildren(await vpcGroup(APP_VPC, 'vSwitches'));
    const h = find(switches, 'vSwitch', (s) => s.vSwitch.vSwitchId === APP_VSWITCH_H);
    assert.equal(await vscode.commands.executeCommand('mcvpc.copyId', h), APP_VSWITCH_H);
    assert.equal(await vscode.env.clipboard.readText(), APP_VSWITCH_H);
  });
});
