/**
 * The token-free mutations (PolarDB and Lindorm whitelists, ECS DeleteSecurityGroup) are retried
 * without a ClientToken, so a retry after a lost answer acts a second time. These tests show what
 * that second act leaves behind, against the emulator's drop-after-commit fault.
 */

import { strict as assert } from 'node:assert';
import { CloudError, type Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { cloudFor, DEFAULT_SEED, emulator, rejection, requestsFor } from './cloud.harness';

const M = DEFAULT_SEED.main;

describe('token-free mutations retried after a lost answer', () => {
  let emu: Emulator;
  let cloud: Cloud;
  beforeEach(async () => {
    emu = await emulator({ seed: 'default' });
    cloud = await cloudFor(emu);
  });
  afterEach(() => emu.close());

  const dropFirstAnswer = (action: string): void => emu.setFaults({ failNext: [{ action, kind: 'drop-after-commit', times: 1 }] });

  it('PolarDB Append acts twice and still holds each entry once; Delete acts twice and removes exactly the entry', async () => {
    const modify = (ModifyMode: 'Append' | 'Delete', SecurityIps: string) =>
      cloud.polardb.modifyDBClusterAccessWhitelist({
        DBClusterId: M.polardbClusterId,
        WhiteListType: 'IP',
        ModifyMode,
        SecurityIps,
        DBClusterIPArrayName: 'app',
      });
    dropFirstAnswer('ModifyDBClusterAccessWhitelist');
    await modify('Append', '192.168.1.0/24');
    assert.equal(requestsFor(emu, 'ModifyDBClusterAccessWhitelist').length, 2, 'the dropped answer was retried');
    const read = async (): Promise<string | undefined> =>
      (await cloud.polardb.describeDBClusterAccessWhitelist({ DBClusterId: M.polardbClusterId })).Items?.DBClusterIPArray?.find(
        (a) => a.DBClusterIPArrayName === 'app',
      )?.SecurityIps;
    assert.equal(await read(), '10.0.0.0/24,192.168.1.0/24');
    dropFirstAnswer('ModifyDBClusterAccessWhitelist');
    await modify('Delete', '192.168.1.0/24');
    assert.equal(await read(), '10.0.0.0/24', 'the other entry stays');
  });

  it('Lindorm UpdateInstanceIpWhiteList sets the same list twice: the result is the list', async () => {
    dropFirstAnswer('UpdateInstanceIpWhiteList');
    await cloud.lindorm.updateInstanceIpWhiteList({
      InstanceId: M.lindormInstanceId,
      GroupName: 'user',
      SecurityIpList: '192.168.1.10,192.168.1.0/24',
    });
    assert.equal(requestsFor(emu, 'UpdateInstanceIpWhiteList').length, 2);
    const r = await cloud.lindorm.getInstanceIpWhiteList({ InstanceId: M.lindormInstanceId });
    assert.deepEqual(r.GroupList, [{ GroupName: 'user', SecurityIpList: '192.168.1.10,192.168.1.0/24' }]);
  });

  it('DeleteSecurityGroup retried after its success answers InvalidSecurityGroupId.NotFound: the caller must read that as done', async () => {
    const { SecurityGroupId } = await cloud.ecs.createSecurityGroup({ VpcId: M.vpcId, SecurityGroupName: 'mc-link-sg' });
    dropFirstAnswer('DeleteSecurityGroup');
    const err = await rejection(cloud.ecs.deleteSecurityGroup({ SecurityGroupId }));
    assert.ok(err instanceof CloudError);
    assert.deepEqual([err.code, err.status], ['InvalidSecurityGroupId.NotFound', 404]);
    assert.equal(requestsFor(emu, 'DeleteSecurityGroup').length, 2);
    const left = await cloud.ecs.describeSecurityGroups({ VpcId: M.vpcId, SecurityGroupName: 'mc-link-sg' });
    assert.deepEqual(left.SecurityGroups.SecurityGroup, [], 'the group is gone');
  });
});
