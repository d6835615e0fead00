/**
 * A service's grant and revoke as apply carries them out (src/targets/common/serviceApply.ts),
 * through the RDS kind against the emulator: the decisions re-made on a fresh read — a group
 * limit reached since the plan, a link group gone, nothing to revoke, a cancelled run — and the
 * words each outcome is reported with. Found by mutation testing (npm run test:mutation).
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import { ApplyRefusal, entriesCovering, type StepOutcome } from '../../src/core/plan';
import type { Emulator } from '../../src/emulator';
import { targetKind, type TargetApplyContext } from '../../src/targets';
import { RDS_MAX_SECURITY_GROUPS } from '../../src/targets/rds';
import { emulatorForTests, rejection, requestsFor } from './cloud.harness';
import { DEFAULT_SEED, parseOne, specText, TARGETS } from './builders/engineHarness';

const M = DEFAULT_SEED.main;
const REGION = DEFAULT_SEED.regionId;
const BLOCK = '192.168.1.0/24';

describe("a service's grant and revoke, carried out (RDS against the emulator)", function () {
  this.timeout(60_000);
  let emu: Emulator;
  let cloud: Cloud;
  emulatorForTests((e, c) => {
    emu = e;
    cloud = c;
  });

  const target = (text: string) => parseOne(specText({ targets: [text] })).targets[0]!;
  const context = (extra: Partial<TargetApplyContext> = {}): TargetApplyContext => ({
    cloud,
    regionId: REGION,
    vpcId: M.vpcId,
    vSwitchCidr: BLOCK,
    reads: undefined as unknown as TargetApplyContext['reads'],
    throwIfCancelled: () => undefined,
    ...extra,
  });
  const apply = (text: string, change: 'grant' | 'revoke', extra: Partial<TargetApplyContext> = {}): Promise<StepOutcome> =>
    targetKind('rds').apply(target(text), change, context(extra));

  async function newGroup(name: string): Promise<string> {
    return (await cloud.ecs.createSecurityGroup({ RegionId: REGION, VpcId: M.vpcId, SecurityGroupName: name, SecurityGroupType: 'normal' }))
      .SecurityGroupId;
  }

  async function rdsGroups(): Promise<string[]> {
    const r = await cloud.rds.describeSecurityGroupConfiguration({ RegionId: REGION, DBInstanceId: M.rdsInstanceId });
    return (r.Items?.EcsSecurityGroupRelation ?? []).map((g) => g.SecurityGroupId);
  }

  it('whitelist: grant says what it added, then that it is already allowed; revoke says what it removed, then that nothing is left', async () => {
    const added = await apply(TARGETS.rdsWhitelist, 'grant');
    assert.deepEqual(added, {
      status: 'done',
      detail: `${BLOCK} added to whitelist group maxcompute of RDS instance ${M.rdsInstanceId} (read back)`,
    });
    assert.deepEqual(await apply(TARGETS.rdsWhitelist, 'grant'), {
      status: 'already',
      detail: `whitelist group maxcompute of RDS instance ${M.rdsInstanceId} already allows ${BLOCK}`,
    });
    assert.deepEqual(await apply(TARGETS.rdsWhitelist, 'revoke'), {
      status: 'done',
      detail: `${BLOCK} removed from whitelist group maxcompute of RDS instance ${M.rdsInstanceId} (read back)`,
    });
    assert.deepEqual(await apply(TARGETS.rdsWhitelist, 'revoke'), {
      status: 'already',
      detail: `whitelist group maxcompute of RDS instance ${M.rdsInstanceId} holds no ${BLOCK}`,
    });
  });

  it("revoke without the link vSwitch's block (not known) removes nothing", async () => {
    await apply(TARGETS.rdsWhitelist, 'grant');
    emu.clearRequests();
    assert.deepEqual(await apply(TARGETS.rdsWhitelist, 'revoke', { vSwitchCidr: '' }), {
      status: 'already',
      detail: `whitelist group maxcompute of RDS instance ${M.rdsInstanceId} holds no entry of the link`,
    });
    assert.equal(requestsFor(emu, 'ModifySecurityIps').length, 0);
  });

  it('security group: refuses to bind one more group than the service takes, writing nothing', async () => {
    const bound: string[] = [];
    for (let i = 0; i < RDS_MAX_SECURITY_GROUPS; i++) bound.push(await newGroup(`rds-full-${i}`));
    await cloud.rds.modifySecurityGroupConfiguration({ RegionId: REGION, DBInstanceId: M.rdsInstanceId, SecurityGroupId: bound.join(',') });
    const linkGroupId = await newGroup('maxcompute-link');
    emu.clearRequests();
    const err = await rejection(apply(TARGETS.rdsSecurityGroup, 'grant', { linkGroupId }));
    assert.ok(err instanceof ApplyRefusal, String(err));
    assert.equal(err.code, 'TooManySecurityGroups');
    assert.equal(
      err.message,
      `RDS instance ${M.rdsInstanceId} already has ${RDS_MAX_SECURITY_GROUPS} security groups (${bound.join(', ')}); at most ${RDS_MAX_SECURITY_GROUPS} are allowed.`,
    );
    assert.equal(requestsFor(emu, 'ModifySecurityGroupConfiguration').length, 0);
    assert.deepEqual((await rdsGroups()).sort(), [...bound].sort());
  });

  it('security group: binds the link group keeping the others, and takes back only it', async () => {
    const before = await rdsGroups();
    const linkGroupId = await newGroup('maxcompute-link');
    assert.deepEqual(await apply(TARGETS.rdsSecurityGroup, 'grant', { linkGroupId }), {
      status: 'done',
      detail: `${linkGroupId} added to the security groups of RDS instance ${M.rdsInstanceId} (read back)`,
    });
    assert.deepEqual((await rdsGroups()).sort(), [...before, linkGroupId].sort());
    assert.deepEqual(await apply(TARGETS.rdsSecurityGroup, 'grant', { linkGroupId }), {
      status: 'already',
      detail: `RDS instance ${M.rdsInstanceId} already has security group ${linkGroupId}`,
    });
    assert.equal((await apply(TARGETS.rdsSecurityGroup, 'revoke', { linkGroupId })).status, 'done');
    assert.deepEqual((await rdsGroups()).sort(), [...before].sort());
    assert.deepEqual(await apply(TARGETS.rdsSecurityGroup, 'revoke', { linkGroupId }), {
      status: 'already',
      detail: `${linkGroupId} is not bound to RDS instance ${M.rdsInstanceId}`,
    });
  });

  it('security group: with the link group gone, revoke has nothing to do and grant refuses to guess', async () => {
    emu.clearRequests();
    assert.deepEqual(await apply(TARGETS.rdsSecurityGroup, 'revoke'), {
      status: 'already',
      detail: `the link's security group is gone: nothing bound to RDS instance ${M.rdsInstanceId}`,
    });
    await assert.rejects(
      async () => apply(TARGETS.rdsSecurityGroup, 'grant'),
      /The link group is not known yet; the link-group step must run first\./,
    );
    assert.equal(requestsFor(emu, 'ModifySecurityGroupConfiguration').length, 0);
  });

  it('a cancelled run writes nothing', async () => {
    const cancelled = new Error('cancelled');
    emu.clearRequests();
    await assert.rejects(
      apply(TARGETS.rdsWhitelist, 'grant', {
        throwIfCancelled: () => {
          throw cancelled;
        },
      }),
      (err: unknown) => err === cancelled,
    );
    await assert.rejects(
      apply(TARGETS.rdsSecurityGroup, 'grant', {
        linkGroupId: await newGroup('maxcompute-link'),
        throwIfCancelled: () => {
          throw cancelled;
        },
      }),
      (err: unknown) => err === cancelled,
    );
    assert.equal(requestsFor(emu, 'ModifySecurityIps').length + requestsFor(emu, 'ModifySecurityGroupConfiguration').length, 0);
  });
});

describe('whitelist entries covering a block', () => {
  it('skips entries that are not address blocks, and covers nothing for a block it cannot read', () => {
    assert.deepEqual(entriesCovering(['%', 'localhost', '10.0.0.0/8', '10.1.0.0/16', '10.2.0.0/16'], '10.1.2.0/24'), [
      '10.0.0.0/8',
      '10.1.0.0/16',
    ]);
    assert.deepEqual(entriesCovering(['10.0.0.0/8', '0.0.0.0/0'], 'not-a-block'), []);
  });
});
