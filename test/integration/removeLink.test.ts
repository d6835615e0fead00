/**
 * "Remove Network Link…" in the real extension host against the emulator: a declared link is
 * applied to the end in one run, then removed in one run — the EMR group's rule taken back, the
 * link removed through MaxCompute's API, the link's group deleted last.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { emulatorGroups, linksOfVpc, writeWorkspaceSpec, type LinkNode } from './declaredLink';
import { activatedExtension } from './extension';

// Ids of the emulator's default seed (src/emulator/seed.ts DEFAULT_SEED), as the samples use them.
const APP_VPC = 'vpc-bp1w4g8ykeud64dultaii';
const APP_VSWITCH_J = 'vsw-bp16h2w3d14cvrl17h4ue';
const EMR_CLUSTER = 'c-78bcae86c1bcf809';
const EMR_GROUP = 'sg-bp1e2stw6ulgped3ij1q0';
const LINK = 'removal_link';
const GROUP_NAME = 'maxcompute-removal-test';

describe('Remove Network Link… (in the extension host, default seed)', () => {
  it("takes back what Apply added, removes the network link through MaxCompute's API and deletes the link group, in one run", async () => {
    const { api } = await activatedExtension();
    const file = await writeWorkspaceSpec('removal-test.mcvpc.yaml', [
      'version: mcvpc/v1',
      'kind: NetworkLink',
      'metadata:',
      `  name: ${LINK}`,
      'region: cn-hangzhou',
      `vpc: ${APP_VPC}`,
      `vSwitch: ${APP_VSWITCH_J}`,
      'securityGroup:',
      '  create:',
      `    name: ${GROUP_NAME}`,
      '    inboundSource: vswitch-cidr',
      'targets:',
      '  - kind: emr',
      `    cluster: ${EMR_CLUSTER}`,
      '    ports: [9083]',
    ]);
    const emrRulesBefore = (await emulatorGroups()).find((g) => g.securityGroupId === EMR_GROUP)!.rules.length;
    try {
      const { links, linkNode: named } = await linksOfVpc(api, APP_VPC);
      const linkNode = (): Promise<LinkNode> => named(LINK);

      assert.equal(await vscode.commands.executeCommand('mcvpc.applyLink', await linkNode(), { confirmed: true }), 'done');
      const groupId = (await emulatorGroups()).find((g) => g.name === GROUP_NAME)!.securityGroupId;
      await vscode.commands.executeCommand('mcvpc.refreshNode', links);
      assert.equal(
        (await emulatorGroups()).find((g) => g.securityGroupId === EMR_GROUP)!.rules.filter((r) => r.peerGroupId === groupId).length,
        1,
        'apply added the rule on 9083',
      );

      const item = api.getExplorerItem(await linkNode());
      assert.equal(item.contextValue, 'mcvpc.linkDeclared', "the menu entry's when clause matches the node");
      const first = await vscode.commands.executeCommand<string | undefined>('mcvpc.removeLink', await linkNode(), { confirmed: true });
      assert.equal(first, 'done');
      const plan = vscode.window.visibleTextEditors.map((e) => e.document.getText()).find((t) => t.startsWith('Removal plan for'));
      assert.match(
        plan ?? '',
        /^ {2}- EMR c-\S+'s security group sg-\S+: remove the rules for sg-\S+ \(maxcompute-removal-test\) on TCP 9083$/m,
        'the teardown plan is shown',
      );
      assert.match(plan ?? '', new RegExp(`^ {2}- Remove network link "${LINK}" \\(SUCCESS\\)`, 'm'));
      assert.equal(
        (await emulatorGroups()).find((g) => g.securityGroupId === EMR_GROUP)!.rules.length,
        emrRulesBefore,
        'the rule is taken back, no other',
      );
      assert.equal(
        (await emulatorGroups()).some((g) => g.securityGroupId === groupId),
        false,
        'the link group is deleted',
      );
      await vscode.commands.executeCommand('mcvpc.refreshNode', links);
      const again = await vscode.commands.executeCommand<string | undefined>('mcvpc.removeLink', await linkNode(), { confirmed: true });
      assert.equal(again, 'done', 'nothing left to remove');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });
});
