import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension, emulatorAccounts } from './extension';

describe('the Network view\'s data', () => {
  it('lists the configured regions, with the profile in every id', async () => {
    const { api } = await activatedExtension();
    const [current] = emulatorAccounts();
    const roots = await api.getExplorerChildren();
    assert.deepEqual(
      roots.map((node) => node.kind === 'region' && node.regionId),
      ['cn-hangzhou'],
    );
    assert.equal(roots[0]!.id, `${current!.name}/cn-hangzhou`);
  });

  it('lists the VPCs DescribeVpcs returns in a region, with name, id and CIDR', async () => {
    const { api } = await activatedExtension();
    const [region] = await api.getExplorerChildren();
    const children = await api.getExplorerChildren(region);
    const vpcs = children.filter((node) => node.kind === 'vpc');
    assert.ok(vpcs.length > 0, `no VPC under cn-hangzhou: ${JSON.stringify(children)}`);
    for (const node of vpcs) {
      assert.match(node.vpc.vpcId, /^vpc-/);
      assert.match(node.vpc.cidrBlock, /^\d+\.\d+\.\d+\.\d+\/\d+$/);
      assert.equal(node.regionId, 'cn-hangzhou');
      assert.ok(node.id.startsWith(`${region!.id}/vpc/`));
    }
  });

  it('shows an unreachable endpoint as an error node with a code, not a popup', async () => {
    const { api } = await activatedExtension();
    const config = vscode.workspace.getConfiguration('mcvpc');
    const endpoint = config.get<string>('endpoint');
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    await config.update('endpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    try {
      const [region] = await api.getExplorerChildren();
      const children = await api.getExplorerChildren(region);
      assert.equal(children.length, 1);
      const [node] = children;
      assert.equal(node!.kind, 'error');
      if (node!.kind === 'error') assert.equal(node.error.code, 'ECONNREFUSED');
    } finally {
      await config.update('endpoint', endpoint, vscode.ConfigurationTarget.Global);
    }
  });
});
