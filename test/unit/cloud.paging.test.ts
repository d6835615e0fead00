/**
 * Paging in both styles across several pages against the emulator's scale seed: page by page
 * with opaque cursors ("Load more"), and whole listings with parallel pages once the total is
 * known, each page requested exactly once.
 */

import { strict as assert } from 'node:assert';
import { fetchPage } from '../../src/cloud/paging';
import type { Cloud, PageCursor } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { cloudFor, DEFAULT_SEED, emulator, rejection, requestsFor } from './cloud.harness';

const REGION = 'cn-hangzhou';
const VPCS = 120;
const VSWITCHES_PER_VPC = 2;
const GROUPS_PER_VPC = 3;

/** The page numbers / tokens the emulator saw for an action, in order. */
function pagesSeen(emu: Emulator, action: string): string[] {
  return requestsFor(emu, action).map((r) => r.params.PageNumber ?? `token:${r.params.NextToken ?? ''}`);
}

describe('cloud paging against the emulator', () => {
  let emu: Emulator;
  let cloud: Cloud;

  before(async () => {
    emu = await emulator({
      seed: { kind: 'scale', regionId: REGION, vpcs: VPCS, vSwitchesPerVpc: VSWITCHES_PER_VPC, securityGroupsPerVpc: GROUPS_PER_VPC },
    });
    cloud = await cloudFor(emu, { regionId: REGION });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.setFaults({});
    emu.clearRequests();
  });

  it('page-number style: "Load more" walks the pages with a cursor until none is left', async () => {
    const listing = cloud.lists.vpcs();
    const ids: string[] = [];
    let cursor: PageCursor | undefined;
    let pages = 0;
    do {
      const page = await cloud.fetchPage(listing, cursor);
      ids.push(...page.items.map((v) => v.vpcId));
      assert.equal(page.totalCount, VPCS);
      cursor = page.next;
      pages++;
    } while (cursor !== undefined);
    assert.equal(pages, 3, '120 VPCs at 50 a page');
    assert.equal(new Set(ids).size, VPCS);
    assert.deepEqual(pagesSeen(emu, 'DescribeVpcs'), ['1', '2', '3']);
    assert.ok(requestsFor(emu, 'DescribeVpcs').every((r) => r.params.PageSize === '50'));
  });

  it('page-number style: fetchAll reads the total from page 1, then asks for every other page once, in parallel', async () => {
    emu.setFaults({ latencyMs: 50 });
    const vSwitches = await cloud.fetchAll(cloud.lists.vSwitches());
    assert.equal(vSwitches.length, VPCS * VSWITCHES_PER_VPC);
    assert.equal(new Set(vSwitches.map((s) => s.vSwitchId)).size, VPCS * VSWITCHES_PER_VPC);
    assert.deepEqual([...pagesSeen(emu, 'DescribeVSwitches')].sort(), ['1', '2', '3', '4', '5']);
    assert.equal(pagesSeen(emu, 'DescribeVSwitches')[0], '1');
    // Page 1 first; pages 2–5 then arrive together (one after another they would be ≥ 50 ms apart).
    const arrivals = requestsFor(emu, 'DescribeVSwitches').map((r) => Date.parse(r.time));
    const rest = arrivals.slice(1);
    assert.ok(Math.min(...rest) - arrivals[0] >= 50, 'the other pages wait for the total from page 1');
    assert.ok(Math.max(...rest) - Math.min(...rest) < 50, `pages 2–5 arrived over ${Math.max(...rest) - Math.min(...rest)} ms`);
  });

  it('page-number style respects a per-listing concurrency bound', async () => {
    emu.setFaults({ latencyMs: 40 });
    const started = Date.now();
    await cloud.fetchAll(cloud.lists.vSwitches(), { concurrency: 1 });
    assert.ok(Date.now() - started >= 5 * 40, 'one page at a time');
  });

  it('next-token style: pages follow one another, each token used once, and the cursor serves "Load more"', async () => {
    const listing = cloud.lists.securityGroups();
    const all = await cloud.fetchAll(listing);
    assert.equal(all.length, VPCS * GROUPS_PER_VPC);
    assert.equal(new Set(all.map((g) => g.securityGroupId)).size, VPCS * GROUPS_PER_VPC);
    const seen = pagesSeen(emu, 'DescribeSecurityGroups');
    assert.equal(seen.length, 4, '360 groups at 100 a page');
    assert.equal(new Set(seen).size, 4);
    assert.equal(seen[0], 'token:');

    const first = await cloud.fetchPage(listing);
    assert.equal(first.items.length, 100);
    assert.ok(first.next);
    const second = await cloud.fetchPage(listing, first.next);
    assert.deepEqual(
      second.items.map((g) => g.securityGroupId),
      all.slice(100, 200).map((g) => g.securityGroupId),
    );
  });

  it('legacy page numbers for security groups list the same groups', async () => {
    const byToken = await cloud.fetchAll(cloud.lists.securityGroups());
    const byNumber = await cloud.fetchAll(cloud.lists.securityGroups({}, 'page-number'));
    assert.deepEqual(byNumber.map((g) => g.securityGroupId).sort(), byToken.map((g) => g.securityGroupId).sort());
  });

  it('a cursor from one style is refused by a listing of the other', async () => {
    const page = await cloud.fetchPage(cloud.lists.vpcs());
    assert.ok(page.next);
    const err = await rejection(fetchPage(cloud.lists.securityGroups(), page.next));
    assert.match((err as Error).message, /belongs to a page-number listing, not a next-token one/);
  });

  it('a failed page fails the whole listing with its CloudError', async () => {
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', code: 'Forbidden.RAM', times: 1 }] });
    const err = await rejection(cloud.fetchAll(cloud.lists.vpcs()));
    assert.equal((err as { code?: string }).code, 'Forbidden.RAM');
  });
});

describe('cloud paging: RDS, HBase and EMR listings', () => {
  let emu: Emulator;
  let cloud: Cloud;

  before(async () => {
    emu = await emulator({ seed: 'default' });
    cloud = await cloudFor(emu);
  });
  after(async () => {
    await emu.close();
  });

  it('RDS pages by PageRecordCount/TotalRecordCount', async () => {
    const all = await cloud.fetchAll(cloud.lists.rdsInstances());
    assert.ok(all.some((r) => r.instanceId === DEFAULT_SEED.main.rdsInstanceId));
    // One instance per page, to cross page boundaries with the seed's few instances.
    emu.clearRequests();
    const onePerPage = await cloud.fetchAll({ ...cloud.lists.rdsInstances(), pageSize: 1 });
    assert.deepEqual(onePerPage.map((r) => r.instanceId).sort(), all.map((r) => r.instanceId).sort());
    assert.equal(requestsFor(emu, 'DescribeDBInstances').length, all.length);
  });

  it('HBase and EMR listings return the seeded clusters', async () => {
    const hbase = await cloud.fetchAll(cloud.lists.hbaseClusters());
    assert.ok(hbase.some((c) => c.clusterId === DEFAULT_SEED.main.hbaseClusterId));
    const emr = await cloud.fetchAll(cloud.lists.emrClusters());
    assert.ok(emr.some((c) => c.clusterId === DEFAULT_SEED.main.emrClusterId));
    const enis = await cloud.fetchAll(cloud.lists.networkInterfaces({ VpcId: DEFAULT_SEED.main.linkedVpcId }));
    assert.ok(enis.length >= DEFAULT_SEED.main.linkedEniIds.length);
  });
});
