import { strict as assert } from 'node:assert';
import { DEFAULT_SEED, startEmulator, type Emulator } from '../../src/emulator';
import { captureSignedRequest, clientFor, failure, replay, VPC, type Signing } from './emulator.support';

const m = DEFAULT_SEED.main;

describe('emulator: VPC 2016-04-28 through the real client', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  for (const signing of ['ACS3', 'V1'] as Signing[]) {
    describe(`signed with ${signing}`, () => {
      it('DescribeRegions lists regions including one MaxCompute does not support', async () => {
        const body = await clientFor(emulator, m, signing).call('DescribeRegions', VPC);
        assert.match(body.RequestId, /^[0-9A-F-]{36}$/);
        const ids = body.Regions.Region.map((r: { RegionId: string }) => r.RegionId);
        assert.ok(ids.includes('cn-hangzhou') && ids.includes('cn-shanghai') && ids.includes('me-east-1'));
        assert.deepEqual(Object.keys(body.Regions.Region[0]).sort(), ['LocalName', 'RegionEndpoint', 'RegionId']);
      });

      it("DescribeVpcs returns the caller's VPCs in Vpcs.Vpc[] with paging fields", async () => {
        const body = await clientFor(emulator, m, signing).call('DescribeVpcs', VPC, { RegionId: 'cn-hangzhou', PageSize: 50 });
        assert.equal(body.TotalCount, 2);
        assert.equal(body.PageNumber, 1);
        assert.equal(body.PageSize, 50);
        const vpc = body.Vpcs.Vpc.find((v: { VpcId: string }) => v.VpcId === m.vpcId);
        assert.equal(vpc.CidrBlock, m.vpcCidr);
        assert.equal(vpc.Status, 'Available');
        assert.equal(vpc.OwnerId, Number(m.accountId));
        assert.equal(vpc.IsDefault, false);
        assert.deepEqual([...vpc.VSwitchIds.VSwitchId].sort(), [m.vSwitchIdB, m.vSwitchIdH, m.vSwitchIdJ].sort());
      });

      it('parameters with characters the encoders treat specially still verify', async () => {
        const body = await clientFor(emulator, m, signing).call('DescribeVpcs', VPC, {
          RegionId: 'cn-hangzhou',
          VpcName: "a b*(x)!~'+&=%",
        });
        assert.equal(body.TotalCount, 0);
      });

      it('accepts GET as well as POST', async () => {
        const body = await clientFor(emulator, m, signing, { method: 'GET' }).call('DescribeVpcs', VPC, {
          RegionId: 'cn-hangzhou',
          VpcId: m.vpcId,
        });
        assert.equal(body.Vpcs.Vpc[0].VpcId, m.vpcId);
      });

      it('accepts parameters in a chunked form body as well as in the query', async () => {
        const body = await clientFor(emulator, m, signing, { body: true }).call('DescribeVSwitches', VPC, {
          RegionId: 'cn-hangzhou',
          VpcId: m.vpcId,
          ZoneId: 'cn-hangzhou-b',
        });
        assert.equal(body.TotalCount, 1);
        assert.equal(body.VSwitches.VSwitch[0].VSwitchId, m.vSwitchIdB);
      });
    });
  }

  it('DescribeZones lists supported and unsupported zones of a region', async () => {
    const body = await clientFor(emulator, m).call('DescribeZones', VPC, { RegionId: 'cn-hangzhou' });
    const zones = body.Zones.Zone.map((z: { ZoneId: string }) => z.ZoneId);
    assert.ok(zones.includes('cn-hangzhou-h') && zones.includes('cn-hangzhou-b'));
    assert.equal(body.Zones.Zone[0].ZoneType, 'AvailabilityZone');
  });

  it('DescribeVSwitches returns the VSwitches.VSwitch[] shape', async () => {
    const body = await clientFor(emulator, m).call('DescribeVSwitches', VPC, { RegionId: 'cn-hangzhou', VpcId: m.vpcId, PageSize: 50 });
    assert.equal(body.TotalCount, 3);
    const h = body.VSwitches.VSwitch.find((s: { VSwitchId: string }) => s.VSwitchId === m.vSwitchIdH);
    assert.deepEqual(
      { VpcId: h.VpcId, ZoneId: h.ZoneId, CidrBlock: h.CidrBlock, Status: h.Status, count: typeof h.AvailableIpAddressCount },
      { VpcId: m.vpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '192.168.1.0/24', Status: 'Available', count: 'number' },
    );
  });

  it('pages DescribeVSwitches by PageNumber/PageSize', async () => {
    const client = clientFor(emulator, m);
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await client.call('DescribeVSwitches', VPC, { RegionId: 'cn-hangzhou', PageSize: 2, PageNumber: page });
      assert.equal(body.TotalCount, 4);
      seen.push(...body.VSwitches.VSwitch.map((s: { VSwitchId: string }) => s.VSwitchId));
    }
    assert.equal(seen.length, 4);
    assert.equal(new Set(seen).size, 4);
  });

  it('rejects PageSize above 50 with InvalidParameter', async () => {
    const err = await failure(clientFor(emulator, m).call('DescribeVpcs', VPC, { RegionId: 'cn-hangzhou', PageSize: 51 }));
    assert.equal(err.code, 'InvalidParameter');
    assert.equal(err.statusCode, 400);
    assert.match(err.message, /PageSize/);
  });

  it('answers a missing RegionId with MissingParameter and the gateway sentence', async () => {
    const err = await failure(clientFor(emulator, m).call('DescribeVpcs', VPC, {}));
    assert.equal(err.code, 'MissingParameter');
    assert.equal(err.data.Message, 'The input parameter "RegionId" that is mandatory for processing this request is not supplied.');
    assert.deepEqual(Object.keys(err.data).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId', 'statusCode']);
    assert.equal(err.data.HostId, 'vpc.aliyuncs.com');
  });

  it('answers with content-type application/json;charset=utf-8, errors included', async () => {
    for (const params of [{ RegionId: 'cn-hangzhou' }, {}]) {
      const request = await captureSignedRequest(m, 'ACS3', 'DescribeVpcs', VPC, params);
      const response = await replay(emulator, request);
      assert.equal(response.headers['content-type'], 'application/json;charset=utf-8');
      assert.equal(response.status, 'RegionId' in params ? 200 : 400);
    }
  });

  it('answers an unknown action with InvalidAction.NotFound (404)', async () => {
    const err = await failure(clientFor(emulator, m).call('DescribeNatGateways', VPC, { RegionId: 'cn-hangzhou' }));
    assert.equal(err.code, 'InvalidAction.NotFound');
    assert.equal(err.statusCode, 404);
  });

  it('the second account sees only its own VPC', async () => {
    const body = await clientFor(emulator, DEFAULT_SEED.second).call('DescribeVpcs', VPC, { RegionId: 'cn-hangzhou' });
    assert.deepEqual(
      body.Vpcs.Vpc.map((v: { VpcId: string }) => v.VpcId),
      [DEFAULT_SEED.second.vpcId],
    );
    const other = await clientFor(emulator, DEFAULT_SEED.second).call('DescribeVSwitches', VPC, { VpcId: m.vpcId });
    assert.equal(other.TotalCount, 0);
  });
});
