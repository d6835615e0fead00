import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { DEFAULT_SEED } from '../../src/emulator/seed';
import { parseSpecFile } from '../../src/connectionSpec';
import { waitFor } from '../harness/poll';
import { activatedExtension } from './extension';

const seed = DEFAULT_SEED.main;

function spec(lines: { vSwitch?: string; target?: string } = {}): string {
  return [
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    '  name: editor_link',
    'region: cn-hangzhou',
    `vpc: ${seed.vpcId}`,
    `vSwitch: ${lines.vSwitch ?? seed.vSwitchIdH}`,
    'securityGroup:',
    '  create:',
    '    name: maxcompute-editor',
    '    inboundSource: vpc-cidr',
    'targets:',
    ...(lines.target ?? `  - kind: rds\n    instance: ${seed.rdsInstanceId}`).split('\n'),
    '',
  ].join('\n');
}

const BROKEN = spec({
  target: '  - kind: rds\n    instance: xx-123\n  - kind: custom\n    name: api\n    cidr: 10.0.0.0/24\n    ports: [443, 70000]',
});

const written: vscode.Uri[] = [];

async function writeSpec(name: string, text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs in a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  written.push(uri);
  return uri;
}

function ours(uri: vscode.Uri, source = 'mcvpc'): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

const compact = (d: vscode.Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;

async function openSession(): Promise<void> {
  const { api } = await activatedExtension();
  // Completion, hover and the live checks use the open session only: the Network view opens it.
  await api.getCallerIdentity();
}

function labels(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function completeAt(uri: vscode.Uri, line: number, character: number): Promise<vscode.CompletionList> {
  return vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    new vscode.Position(line, character),
  );
}

describe('the spec editor (in the extension host, default seed)', () => {
  // Other suites list the workspace's declared links: leave none of these behind.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const files = written.splice(0);
    for (const uri of files) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    const { api } = await activatedExtension();
    // The index follows the deletions (watcher events): the next suites see only the demo's links.
    await waitFor(
      async () => {
        const left = await vscode.workspace.findFiles('**/*.mcvpc.{yaml,yml}');
        const stale = left.filter((u) => files.some((f) => u.toString().startsWith(f.toString())));
        const roots = await api.getExplorerChildren();
        const regions = roots[0]?.kind === 'profile' ? await api.getExplorerChildren(roots[0]) : roots;
        const region = regions.find((n) => n.kind === 'region' && n.regionId === 'cn-hangzhou')!;
        const vpc = (await api.getExplorerChildren(region)).find((n) => n.kind === 'vpc' && n.vpc.vpcId === seed.vpcId)!;
        const group = (await api.getExplorerChildren(vpc)).find((n) => n.kind === 'vpcGroup' && n.group === 'networkLinks')!;
        const names = (await api.getExplorerChildren(group)).flatMap((n) =>
          n.kind === 'networkLink' && n.link.name !== undefined ? [n.link.name] : [],
        );
        return stale.length === 0 && !names.some((n) => ['policy_link', 'editor_link', 'broken_link'].includes(n)) ? true : undefined;
      },
      { timeoutMs: 10_000, what: 'the written specs gone from the workspace and the index' },
    );
  });

  it('shows exactly the problems mcvpc validate finds, with their ranges, and clears them once fixed', async () => {
    await activatedExtension();
    const uri = await writeSpec('broken.mcvpc.yaml', BROKEN);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const expected = parseSpecFile(BROKEN, 'broken.mcvpc.yaml').problems.map(
      (p) => `${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column} ${p.code} ${p.message}`,
    );
    assert.ok(expected.length >= 2, `the broken spec has problems: ${expected.join('\n')}`);
    const shown = await waitFor(() => (ours(uri).length === expected.length ? ours(uri) : undefined), {
      timeoutMs: 10_000,
      what: 'the spec diagnostics',
    });
    assert.deepEqual(shown.map(compact), expected);
    // The port out of range is underlined where it is written: line 17 (0-based), `70000`.
    const port = shown.find((d) => /70000/.test(d.message));
    assert.ok(port, shown.map(compact).join('\n'));
    assert.deepEqual([port.range.start.line, port.range.start.character, port.range.end.character], [17, 17, 22]);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), spec());
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => ours(uri).length === 0 || undefined, { timeoutMs: 10_000, what: 'the diagnostics to clear' });
    await document.save();
  });

  it('shows the policy rules at the field, linked to their documentation, as the nearest mcvpc.config.json sets them', async () => {
    await activatedExtension();
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const text = spec({ target: '  - kind: custom\n    name: shell\n    cidr: 192.168.2.0/24\n    ports: [9200, 22]' }).replace(
      'editor_link',
      'policy_link',
    );
    // At the workspace's root: code-server's watcher does not always see a folder made during the run,
    // so a spec deleted from one would stay in the index (the after hook checks that none does).
    const uri = await writeSpec('policy.mcvpc.yaml', text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const rule = (): vscode.Diagnostic | undefined => ours(uri).find((d) => typeof d.code === 'object' && d.code.value === 'MCVPC103');
    const shown = await waitFor(rule, { timeoutMs: 10_000, what: 'the MCVPC103 diagnostic' });
    // `22` on line 15 (0-based), after "    ports: [9200, ".
    assert.deepEqual([shown.range.start.line, shown.range.start.character, shown.range.end.character], [15, 18, 20]);
    assert.equal(shown.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String((shown.code as { target: vscode.Uri }).target), /docs\/rules\.md#mcvpc103$/);
    const config = vscode.Uri.joinPath(folder, 'mcvpc.config.json');
    written.push(config);
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ mcvpc: { policy: { MCVPC103: 'off' } } })));
    await waitFor(() => rule() === undefined || undefined, { timeoutMs: 10_000, what: 'MCVPC103 turned off by the config' });
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ mcvpc: { policy: { MCVPC103: 'loud' } } })));
    const told = await waitFor(() => ours(uri).find((d) => d.code === 'config'), { timeoutMs: 10_000, what: 'the bad config told' });
    assert.match(
      told.message,
      /mcvpc\.config\.json: mcvpc\.policy\.MCVPC103: must be one of error, warning, info, off; the policy rules' defaults apply/,
    );
    assert.ok(rule(), 'the defaults apply again');
  });

  it('keeps a link whose spec has errors in the Network view, marked, opening the Problems view', async () => {
    const { api } = await activatedExtension();
    const uri = await writeSpec('tree-broken.mcvpc.yaml', BROKEN.replace('editor_link', 'broken_link'));
    const roots = await api.getExplorerChildren();
    const regions = roots[0]?.kind === 'profile' ? await api.getExplorerChildren(roots[0]) : roots;
    const region = regions.find((n) => n.kind === 'region' && n.regionId === 'cn-hangzhou')!;
    const vpc = (await api.getExplorerChildren(region)).find((n) => n.kind === 'vpc' && n.vpc.vpcId === seed.vpcId)!;
    const group = (await api.getExplorerChildren(vpc)).find((n) => n.kind === 'vpcGroup' && n.group === 'networkLinks')!;
    const link = await waitFor(
      async () => (await api.getExplorerChildren(group)).find((n) => n.kind === 'networkLink' && n.link.name === 'broken_link'),
      { timeoutMs: 10_000, what: 'the broken link in the tree' },
    );
    const item = api.getExplorerItem(link);
    assert.match(String(item.description), /^\d+ problems? · /);
    assert.equal(item.command?.command, 'workbench.actions.view.problems');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.ok(uri);
  });

  it("completes vpc:, vSwitch: (unsupported zone marked) and instance: with the emulator's resources", async () => {
    await openSession();
    const uri = await writeSpec('complete.mcvpc.yaml', spec());
    const vpcs = await completeAt(uri, 5, 5);
    assert.ok(labels(vpcs).includes(seed.vpcId), labels(vpcs).join(', '));
    const vpcItem = vpcs.items.find((i) => (i.label as vscode.CompletionItemLabel).label === seed.vpcId)!;
    assert.match(String(vpcItem.detail), /mcvpc-app · 192\.168\.0\.0\/16/);

    const vSwitches = await completeAt(uri, 6, 9);
    const b = vSwitches.items.find((i) => (i.label as vscode.CompletionItemLabel).label === seed.vSwitchIdB);
    const h = vSwitches.items.find((i) => (i.label as vscode.CompletionItemLabel).label === seed.vSwitchIdH);
    assert.ok(b && h, labels(vSwitches).join(', '));
    assert.deepEqual(b.tags, [vscode.CompletionItemTag.Deprecated]);
    assert.match(String(b.detail), /cn-hangzhou-b · not supported/);
    assert.ok(String(h.sortText) < String(b.sortText), 'supported zones first');

    const instances = await completeAt(uri, 13, 14);
    assert.ok(labels(instances).includes(seed.rdsInstanceId), labels(instances).join(', '));
    const keys = await completeAt(uri, 4, 0);
    assert.ok(labels(keys).includes('profile'), 'schema keys not yet written');
  });

  it('reads no spec file of a cloned repository that is a pipe or too large: says why, and the view still answers', async () => {
    const { api } = await activatedExtension();
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const huge = vscode.Uri.joinPath(folder, 'huge.mcvpc.yaml');
    await writeFile(huge.fsPath, 'version: mcvpc/v1\n');
    await truncate(huge.fsPath, 300 * 1024 * 1024); // sparse: large by its size, cheap on disk
    written.push(huge);
    const pipe = vscode.Uri.joinPath(folder, 'pipe.mcvpc.yaml');
    execFileSync('mkfifo', [pipe.fsPath]);
    written.push(pipe);
    const message = (uri: vscode.Uri): string | undefined => vscode.languages.getDiagnostics(uri)[0]?.message;
    await waitFor(() => /^This file is 314572800 bytes; .* so it is not read\./.test(message(huge) ?? '') || undefined, {
      timeoutMs: 15_000,
      what: `the huge file refused unread (${message(huge)})`,
    });
    await waitFor(() => /^This is not a regular file \(a folder, a pipe or a device\)/.test(message(pipe) ?? '') || undefined, {
      timeoutMs: 15_000,
      what: `the pipe refused (${message(pipe)})`,
    });
    const started = Date.now();
    assert.ok((await api.getExplorerChildren()).length > 0);
    assert.ok(Date.now() - started < 5_000, 'the Network view answers');
  });

  it('hovers a vSwitch id with its zone, support and console link', async () => {
    await openSession();
    const uri = await writeSpec('hover.mcvpc.yaml', spec());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(6, 12));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /cn-hangzhou-h/);
    assert.match(text, /supports network links/);
    assert.match(text, /Open in console/);
  });

  it('warns about a vSwitch in an unsupported zone and offers a supported one of the VPC', async () => {
    await openSession();
    const uri = await writeSpec('live.mcvpc.yaml', spec({ vSwitch: seed.vSwitchIdB }));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const warning = await waitFor(() => ours(uri, 'mcvpc (live)').find((d) => d.code === 'zone-unsupported'), {
      timeoutMs: 15_000,
      what: 'the live zone warning',
    });
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.range.start.line, 6);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && /^Use vsw-/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.ok(fix.title.includes(seed.vSwitchIdH) || fix.title.includes(seed.vSwitchIdJ), fix.title);
  });

  it('still warns about a vSwitch that does not exist when an unknown key elsewhere breaks the schema', async () => {
    await openSession();
    const text = spec({ vSwitch: 'vsw-bp1doesnotexist0000' }).replace('region: cn-hangzhou', 'colour: blue\nregion: cn-hangzhou');
    assert.deepEqual(
      parseSpecFile(text)
        .problems.filter((p) => p.severity === 'error')
        .map((p) => p.code),
      ['unknown-property'],
      'the premise: one unrelated schema error',
    );
    const uri = await writeSpec('live-broken.mcvpc.yaml', text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const warning = await waitFor(() => ours(uri, 'mcvpc (live)').find((d) => d.code === 'vswitch-not-found'), {
      timeoutMs: 15_000,
      what: 'the live vSwitch warning',
    });
    assert.equal(warning.range.start.line, 7, compact(warning));
    assert.match(warning.message, /vsw-bp1doesnotexist0000/);
  });

  it('puts Plan · Apply · Usage above each link, and the lenses run', async () => {
    await openSession();
    const uri = await writeSpec('lens.mcvpc.yaml', spec());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 10_000, what: 'the CodeLenses' },
    );
    assert.deepEqual(lenses.map((l) => l.command?.title).slice(0, 3), ['Plan editor_link', 'Apply…', 'Usage']);
    const usage = lenses.find((l) => l.command?.title === 'Usage')!.command!;
    const copied = await vscode.commands.executeCommand<string>(usage.command, ...(usage.arguments ?? []));
    assert.match(copied, /editor_link/);
    const plan = lenses[0]!.command!;
    const planText = await vscode.commands.executeCommand<string>(plan.command, ...(plan.arguments ?? []));
    assert.match(planText, /editor_link/);
  });
});
