/**
 * Read, merge, write, read back (src/targets/common/convergeList.ts) through a kind's own apply:
 * the HBase kind writes its whitelist group with the real client against the emulator while a
 * second session — another writer, as on another machine — puts the list back as it was right
 * after each of our writes. A run that cannot see its entry stay must fail with ConvergenceError,
 * never report "done"; one that sees it stay after a single undo reports done (read back).
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { ConvergenceError } from '../../src/targets/common/convergeList';
import { targetKind, type TargetApplyContext } from '../../src/targets';
import type { TargetSpec } from '../../src/core/specModel';
import { cloudFor, emulatorForTests } from './cloud.harness';
import { DEFAULT_SEED, mainAccount, parseOne, specText, TARGETS } from './builders/engineHarness';

const M = DEFAULT_SEED.main;
const LINK_BLOCK = '192.168.1.0/24';

/** The main session, except that another writer restores the list it saw after each of our first `undos` writes. */
function withRivalWriter(ours: Cloud, rival: Cloud, undos: number): { cloud: Cloud; writes: () => number } {
  let writes = 0;
  const hbase: Cloud['hbase'] = {
    ...ours.hbase,
    modifyIpWhitelist: async (request, options) => {
      const before = (
        await rival.hbase.describeIpWhitelist({ RegionId: request.RegionId, ClusterId: request.ClusterId })
      ).Groups?.Group?.find((g) => g.GroupName === request.GroupName);
      const answer = await ours.hbase.modifyIpWhitelist(request, options);
      writes++;
      if (writes <= undos) {
        const ips = (before?.IpList as { Ip?: string[] } | undefined)?.Ip ?? [];
        await rival.hbase.modifyIpWhitelist({ ...request, IpList: ips.join(',') });
      }
      return answer;
    },
  };
  return { cloud: Object.assign(Object.create(ours) as Cloud, { hbase }), writes: () => writes };
}

function applyContext(cloud: Cloud): TargetApplyContext {
  return {
    cloud,
    regionId: DEFAULT_SEED.regionId,
    vpcId: M.vpcId,
    vSwitchCidr: LINK_BLOCK,
    reads: undefined as unknown as TargetApplyContext['reads'],
    throwIfCancelled: () => undefined,
  };
}

async function hbaseGroup(emu: Emulator, name: string): Promise<string[] | undefined> {
  return (await mainAccount(emu)).hbaseClusters.find((c) => c.clusterId === M.hbaseClusterId)?.whitelist.find((g) => g.groupName === name)
    ?.ips;
}

describe('convergeList through the HBase kind: another writer undoes our whitelist write', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let cloud: Cloud;
  emulatorForTests((e, c) => {
    emu = e;
    cloud = c;
  });
  const target = (): TargetSpec => parseOne(specText({ targets: [TARGETS.hbaseWhitelist] })).targets[0]!;

  it('fails with ConvergenceError after its attempts when every write is undone, and never says done', async () => {
    const { cloud: contested, writes } = withRivalWriter(cloud, await cloudFor(emu), Number.POSITIVE_INFINITY);
    const kind = targetKind('hbase');
    await assert.rejects(kind.apply(target(), 'grant', applyContext(contested)), (err: unknown) => {
      assert.ok(err instanceof ConvergenceError, String(err));
      assert.match(
        err.message,
        new RegExp(
          `"${LINK_BLOCK.replace(/[./]/g, '\\$&')} added to whitelist group maxcompute of HBase cluster ${M.hbaseClusterId}" could not be confirmed: after 4 attempts another writer kept changing the same list`,
        ),
      );
      return true;
    });
    assert.equal(writes(), 4, 'one write per attempt, no more');
    assert.ok(!((await hbaseGroup(emu, 'maxcompute')) ?? []).includes(LINK_BLOCK), 'the other writer had the last word');
  });

  it('redoes the merge once when one write is undone, then reports done only after reading it back', async () => {
    const { cloud: contested, writes } = withRivalWriter(cloud, await cloudFor(emu), 1);
    const outcome = await targetKind('hbase').apply(target(), 'grant', applyContext(contested));
    assert.equal(outcome.status, 'done');
    assert.match(outcome.detail ?? '', /added to whitelist group maxcompute .* \(read back\)$/);
    assert.equal(writes(), 2);
    assert.ok((await hbaseGroup(emu, 'maxcompute'))?.includes(LINK_BLOCK));
  });

  it('reads back its last write too: three writes undone, the fourth stays, and that is done', async () => {
    const { cloud: contested, writes } = withRivalWriter(cloud, await cloudFor(emu), 3);
    const outcome = await targetKind('hbase').apply(target(), 'grant', applyContext(contested));
    assert.equal(outcome.status, 'done');
    assert.equal(writes(), 4);
  });

  it('says ConvergenceError by name', async () => {
    const { cloud: contested } = withRivalWriter(cloud, await cloudFor(emu), Number.POSITIVE_INFINITY);
    const err = await targetKind('hbase')
      .apply(target(), 'grant', applyContext(contested))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.equal((err as Error).name, 'ConvergenceError');
  });

  it('revoke: fails with ConvergenceError when every removal is undone', async () => {
    const kind = targetKind('hbase');
    assert.equal((await kind.apply(target(), 'grant', applyContext(cloud))).status, 'done');
    const { cloud: contested, writes } = withRivalWriter(cloud, await cloudFor(emu), Number.POSITIVE_INFINITY);
    await assert.rejects(kind.apply(target(), 'revoke', applyContext(contested)), ConvergenceError);
    assert.equal(writes(), 4);
    assert.ok((await hbaseGroup(emu, 'maxcompute'))?.includes(LINK_BLOCK));
  });
});
