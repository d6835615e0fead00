/**
 * Apply and Remove Network Link from the Network view and `mcvpc apply`/`destroy` take the same per-link lock: while another run on
 * this machine holds it, Apply says who and changes nothing (the link's group is not created a
 * second time); once it is released, Apply runs.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { acquireLinkLock } from '../../src/engine/linkLock';
import { emulatorGroups, linksOfVpc, writeWorkspaceSpec } from './declaredLink';
import { activatedExtension } from './extension';

// Ids of the emulator's default seed (src/emulator/seed.ts), as the samples use them.
const APP_VPC = 'vpc-bp1w4g8ykeud64dultaii';
const APP_VSWITCH_J = 'vsw-bp16h2w3d14cvrl17h4ue';
const LINK = 'locked_link';
const GROUP_NAME = 'maxcompute-locked-test';

describe('the link lock (in the extension host, default seed)', () => {
  it('Apply refuses while another run holds the link, says who, creates nothing; and runs once it is free', async () => {
    const { api } = await activatedExtension();
    const file = await writeWorkspaceSpec('locked-test.mcvpc.yaml', [
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
    ]);
    const release = acquireLinkLock({ regionId: 'cn-hangzhou', vpcId: APP_VPC, networkLinkName: LINK }, 'mcvpc apply (held by this test)');
    let released = false;
    try {
      const node = await (await linksOfVpc(api, APP_VPC)).linkNode(LINK);

      const before = api.commandFailures().length;
      assert.equal(await vscode.commands.executeCommand('mcvpc.applyLink', node, { confirmed: true }), undefined, 'Apply did not run');
      const failures = api
        .commandFailures()
        .slice(before)
        .map((f) => f.message)
        .join('\n');
      assert.match(failures, new RegExp(`Another run is already working on network link "${LINK}".*mcvpc apply \\(held by this test\\)`));
      assert.ok(!(await emulatorGroups()).map((g) => g.name).includes(GROUP_NAME), 'no group was created while the lock was held');

      release();
      released = true;
      assert.equal(await vscode.commands.executeCommand('mcvpc.applyLink', node, { confirmed: true }), 'done');
      assert.equal(
        (await emulatorGroups()).map((g) => g.name).filter((n) => n === GROUP_NAME).length,
        1,
        'once free, Apply created the group, once',
      );

      // Remove Network Link takes the same lock: refused while another run holds the link, the group stays.
      const again = acquireLinkLock(
        { regionId: 'cn-hangzhou', vpcId: APP_VPC, networkLinkName: LINK },
        'mcvpc destroy (held by this test)',
      );
      try {
        const beforeRemove = api.commandFailures().length;
        assert.equal(await vscode.commands.executeCommand('mcvpc.removeLink', node, { confirmed: true }), undefined, 'Remove did not run');
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        const removeFailures = api
          .commandFailures()
          .slice(beforeRemove)
          .map((f) => f.message)
          .join('\n');
        assert.match(
          removeFailures,
          new RegExp(`Another run is already working on network link "${LINK}".*mcvpc destroy \\(held by this test\\)`),
        );
        assert.equal(
          (await emulatorGroups()).map((g) => g.name).filter((n) => n === GROUP_NAME).length,
          1,
          'nothing removed while the lock was held',
        );
      } finally {
        again();
      }
    } finally {
      if (!released) release();
      await vscode.workspace.fs.delete(file);
    }
  });
});
