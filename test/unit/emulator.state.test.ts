import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED, startEmulator, StateFileError, type Emulator } from '../../src/emulator';
import { buildSeed } from '../../src/emulator/seed';
import { cloudFor } from './cloud.harness';
import { clientFor, control, ECS, failure, HBASE, RDS, VPC, type WireBody } from './emulator.support';

const m = DEFAULT_SEED.main;
const R = 'cn-hangzhou';

describe('emulator: state, ClientToken and request log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcvpc-emulator-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('state file', () => {
    it('writes the seed at start and every mutation atomically, and reads it back after a restart', async () => {
      const file = join(dir, 'state.json');
      let emulator = await startEmulator({ stateFile: file });
      const seeded = JSON.parse(readFileSync(file, 'utf8')) as WireBody;
      assert.equal(seeded.accounts[0].accountId, m.accountId);
      const created = await clientFor(emulator, m).call('CreateSecurityGroup', ECS, {
        RegionId: R,
        VpcId: m.vpcId,
        SecurityGroupName: 'persisted',
      });
      // The answer comes only after the write that includes the mutation.
      assert.ok(readFileSync(file, 'utf8').includes(created.SecurityGroupId));
      await emulator.close();
      assert.deepEqual(readdirSync(dir), ['state.json'], 'no temporary files are left behind');

      emulator = await startEmulator({ stateFile: file, seed: 'empty' });
      try {
        const body = await clientFor(emulator, m).call('DescribeSecurityGroups', ECS, { RegionId: R, SecurityGroupName: 'persisted' });
        assert.deepEqual(
          body.SecurityGroups.SecurityGroup.map((g: WireBody) => g.SecurityGroupId),
          [created.SecurityGroupId],
        );
      } finally {
        await emulator.close();
      }
    });

    it('coalesces concurrent writes without losing any mutation', async () => {
      const file = join(dir, 'state.json');
      const emulator = await startEmulator({ stateFile: file });
      try {
        const client = clientFor(emulator, m);
        const ids = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            client
              .call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: m.vpcId, SecurityGroupName: `bulk-${i}` })
              .then((b) => b.SecurityGroupId as string),
          ),
        );
        const text = readFileSync(file, 'utf8');
        for (const id of ids) assert.ok(text.includes(id), `${id} is in the file`);
      } finally {
        await emulator.close();
      }
    });

    it('a reader never sees a half-written file while large states are being rewritten', async () => {
      const file = join(dir, 'state.json');
      const emulator = await startEmulator({
        stateFile: file,
        seed: { kind: 'scale', regionId: R, vpcs: 300, vSwitchesPerVpc: 5, securityGroupsPerVpc: 10 },
      });
      try {
        const client = clientFor(emulator, m);
        const vpcId = (await client.call('DescribeVpcs', VPC, { RegionId: R, PageSize: 1 })).Vpcs.Vpc[0].VpcId as string;
        let done = false;
        let reads = 0;
        const writes = Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            client.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: vpcId, SecurityGroupName: `w-${i}` }),
          ),
        ).finally(() => {
          done = true;
        });
        while (!done) {
          JSON.parse(readFileSync(file, 'utf8')); // throws on a torn file
          reads++;
          await new Promise((resolve) => setImmediate(resolve));
        }
        await writes;
        assert.ok(reads > 0);
      } finally {
        await emulator.close();
      }
    });

    for (const [what, content] of [
      ['not JSON', '{"formatVersion": 1, "accounts": ['],
      ['JSON of the wrong shape', '{"formatVersion": 1, "accounts": [{"name": "x"}], "clientTokens": []}'],
      ['another format version', '{"formatVersion": 99, "accounts": [], "clientTokens": []}'],
    ] as const) {
      it(`refuses a state file that is ${what}, naming the file, and leaves it untouched`, async () => {
        const file = join(dir, 'broken.json');
        writeFileSync(file, content);
        const before = statSync(file).mtimeMs;
        await assert.rejects(startEmulator({ stateFile: file }), (err: Error) => {
          assert.ok(err instanceof StateFileError);
          assert.ok(err.message.includes(file), err.message);
          return true;
        });
        assert.equal(readFileSync(file, 'utf8'), content);
        assert.equal(statSync(file).mtimeMs, before);
        assert.deepEqual(readdirSync(dir), ['broken.json']);
      });
    }

    /**
     * The state file's collections and the field that names each record: the format's contract,
     * written out here rather than read from the product table, so that a product whose table
     * line goes missing (its records no longer checked) fails this test.
     */
    const COLLECTIONS: ReadonlyArray<[collection: string, idField: string]> = [
      ['vpcs', 'vpcId'],
      ['vSwitches', 'vSwitchId'],
      ['securityGroups', 'securityGroupId'],
      ['networkInterfaces', 'networkInterfaceId'],
      ['rdsInstances', 'dbInstanceId'],
      ['hbaseClusters', 'clusterId'],
      ['emrClusters', 'clusterId'],
      ['polardbClusters', 'dbClusterId'],
      ['lindormInstances', 'instanceId'],
      ['ecsInstances', 'instanceId'],
      ['ramRoles', 'roleName'],
      ['networkLinks', 'name'],
    ];
    for (const [collection, idField] of COLLECTIONS) {
      it(`refuses a ${collection} record without its fields at load, naming collection, index and field`, async () => {
        const state = buildSeed('default') as unknown as { accounts: Array<Record<string, unknown[]>> };
        state.accounts[1]![collection] = [{ [idField]: 'x-1' }, {}];
        const file = join(dir, 'state.json');
        writeFileSync(file, JSON.stringify(state));
        await assert.rejects(startEmulator({ stateFile: file }), (err: Error) => {
          assert.ok(err instanceof StateFileError, String(err));
          assert.match(err.message, new RegExp(`\\(accounts\\[1\\]\\.${collection}\\[0\\]: must have required property '\\w+'\\)`));
          return true;
        });
      });
    }

    it('a saved state round-trips: every record, optional fields and links in every status, read back as written', async () => {
      const file = join(dir, 'state.json');
      let emulator = await startEmulator({ stateFile: file, faults: { networkLinkCreateMs: 60_000 } });
      const client = clientFor(emulator, m);
      await client.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: m.vpcId, SecurityGroupName: 'round-trip' });
      await client.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: m.basicGroupId,
        'Permissions.1.IpProtocol': 'TCP',
        'Permissions.1.PortRange': '443/443',
        'Permissions.1.SourceGroupId': m.ecsGroupId,
      });
      const cloud = await cloudFor(emulator);
      await cloud.maxcompute.createNetworkLink({
        name: 'pending_link',
        type: 'PASSTHROUGH',
        region: R,
        vpcId: m.vpcId,
        passthroughProperties: { vSwitchId: m.vSwitchIdH, securityGroup: m.basicGroupId },
      });
      const before = (await control(emulator, 'GET', '/__emulator/state')).body;
      await emulator.close();
      const saved = JSON.parse(readFileSync(file, 'utf8')) as WireBody;
      assert.ok(
        saved.accounts[0].networkLinks.some((l: WireBody) => l.name === 'pending_link' && typeof l.readyAt === 'number'),
        'a CREATING link (readyAt set) is in the file',
      );
      assert.ok(
        saved.accounts[0].networkInterfaces.some((e: WireBody) => e.instanceId === undefined),
        'interfaces without an instance are in the file',
      );

      emulator = await startEmulator({ stateFile: file, seed: 'empty' });
      try {
        assert.deepEqual((await control(emulator, 'GET', '/__emulator/state')).body, before);
      } finally {
        await emulator.close();
      }
    });

    it('reads a link saved before the link API (status Connected, no type) as a SUCCESS PASSTHROUGH link', async () => {
      const state = buildSeed('default') as unknown as { accounts: Array<{ networkLinks: Array<Record<string, unknown>> }> };
      const link = state.accounts[0]!.networkLinks[0]!;
      link.status = 'Connected';
      delete link.type;
      const file = join(dir, 'state.json');
      writeFileSync(file, JSON.stringify(state));
      const emulator = await startEmulator({ stateFile: file });
      try {
        const got = (await (await cloudFor(emulator)).maxcompute.getNetworkLink({ networkLinkName: m.linkName })).data!;
        assert.deepEqual([got.name, got.status, got.type], [m.linkName, 'SUCCESS', 'PASSTHROUGH']);
      } finally {
        await emulator.close();
      }
    });

    it("an injected fault answers with the product's own status for its code (ECS DependencyViolation: 403)", async () => {
      const emulator = await startEmulator({ faults: { failNext: [{ action: 'DescribeVpcs', code: 'DependencyViolation' }] } });
      try {
        const err = await failure(clientFor(emulator, m).call('DescribeVpcs', VPC, { RegionId: R }));
        assert.deepEqual([err.code, err.statusCode], ['DependencyViolation', 403]);
      } finally {
        await emulator.close();
      }
    });

    it('reset (programmatic or POST /__emulator/reset) brings back a fresh seed and persists it', async () => {
      const file = join(dir, 'state.json');
      const emulator = await startEmulator({ stateFile: file });
      try {
        const client = clientFor(emulator, m);
        const created = await client.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: m.vpcId });
        await emulator.reset();
        assert.ok(!readFileSync(file, 'utf8').includes(created.SecurityGroupId));
        assert.equal((await client.call('DescribeVpcs', VPC, { RegionId: R })).TotalCount, 2);
        assert.equal((await control(emulator, 'POST', '/__emulator/reset', { seed: 'empty' })).status, 200);
        assert.equal((await client.call('DescribeVpcs', VPC, { RegionId: R })).TotalCount, 0, 'the same credentials still work');
        assert.equal((await control(emulator, 'POST', '/__emulator/reset', { seed: 'huge' })).status, 400);
      } finally {
        await emulator.close();
      }
    });

    it('GET /__emulator/state returns the state with secrets and tokens redacted', async () => {
      const emulator = await startEmulator();
      try {
        const answer = await control(emulator, 'GET', '/__emulator/state');
        assert.equal(answer.status, 200);
        assert.equal(answer.body.accounts[0].accountId, m.accountId);
        assert.equal(answer.body.accounts[0].accessKeySecret, '***');
        for (const secret of [m.accessKeySecret, DEFAULT_SEED.second.accessKeySecret, m.sts.accessKeySecret, m.sts.securityToken])
          assert.ok(!answer.text.includes(secret));
      } finally {
        await emulator.close();
      }
    });
  });

  describe('seeds', () => {
    it('the empty seed has the accounts and no resources', async () => {
      const emulator = await startEmulator({ seed: 'empty' });
      try {
        assert.deepEqual(
          emulator.accounts.map((a) => a.name),
          ['main', 'second'],
        );
        const body = await clientFor(emulator, m).call('DescribeVpcs', VPC, { RegionId: R });
        assert.equal(body.TotalCount, 0);
      } finally {
        await emulator.close();
      }
    });

    it('the scale seed is deterministic and quick for 500 VPCs x 5 vSwitches x 10 groups', async () => {
      const started = Date.now();
      const seed = { kind: 'scale', regionId: R, vpcs: 500, vSwitchesPerVpc: 5, securityGroupsPerVpc: 10 } as const;
      const state = buildSeed(seed);
      assert.ok(Date.now() - started < 2000);
      const main = state.accounts[0]!;
      assert.deepEqual([main.vpcs.length, main.vSwitches.length, main.securityGroups.length], [500, 2500, 5000]);
      assert.equal(JSON.stringify(buildSeed(seed)), JSON.stringify(state));
      assert.equal(new Set(main.securityGroups.map((g) => g.securityGroupId)).size, 5000);
      const emulator = await startEmulator({ seed });
      try {
        const body = await clientFor(emulator, m).call('DescribeVpcs', VPC, { RegionId: R, PageSize: 50, PageNumber: 10 });
        assert.equal(body.TotalCount, 500);
        assert.equal(body.Vpcs.Vpc.length, 50);
      } finally {
        await emulator.close();
      }
    });

    it('seeded ids are stable and realistic', () => {
      assert.match(m.vpcId, /^vpc-bp1[0-9a-z]{18}$/);
      assert.match(m.vSwitchIdH, /^vsw-bp1[0-9a-z]{18}$/);
      assert.match(m.rdsInstanceId, /^rm-bp1/);
      assert.match(m.hbaseClusterId, /^hb-bp1/);
      assert.match(m.emrClusterId, /^c-[0-9a-f]{16}$/);
      assert.match(m.linkedEniIds[0], /^eni-bp1/);
      assert.match(m.accountId, /^\d{16}$/);
      assert.deepEqual(buildSeed('default'), buildSeed('default'));
    });
  });

  describe('ClientToken', () => {
    let emulator: Emulator;
    beforeEach(async () => {
      emulator = await startEmulator();
    });
    afterEach(() => emulator.close());

    it('the same account + action + token returns the first response without acting again', async () => {
      const client = clientFor(emulator, m);
      const params = { RegionId: R, VpcId: m.vpcId, SecurityGroupName: 'once', ClientToken: 'token-123' };
      const first = await client.call('CreateSecurityGroup', ECS, params);
      const second = await client.call('CreateSecurityGroup', ECS, params);
      assert.equal(second.SecurityGroupId, first.SecurityGroupId);
      const groups = await client.call('DescribeSecurityGroups', ECS, { RegionId: R, SecurityGroupName: 'once' });
      assert.equal(groups.TotalCount, 1);
      const log = emulator.requests().filter((r) => r.action === 'CreateSecurityGroup');
      assert.deepEqual(
        log.map((r) => Boolean(r.replayed)),
        [false, true],
      );
    });

    it('another account or another action with the same token acts normally', async () => {
      const params = { RegionId: R, SecurityGroupName: 'shared-token', ClientToken: 'shared' };
      const a = await clientFor(emulator, m).call('CreateSecurityGroup', ECS, { ...params, VpcId: m.vpcId });
      const b = await clientFor(emulator, DEFAULT_SEED.second).call('CreateSecurityGroup', ECS, {
        ...params,
        VpcId: DEFAULT_SEED.second.vpcId,
      });
      assert.notEqual(a.SecurityGroupId, b.SecurityGroupId);
      await clientFor(emulator, m).call('ModifySecurityIps', RDS, {
        DBInstanceId: m.rdsInstanceId,
        SecurityIps: '10.1.0.0/16',
        DBInstanceIPArrayName: 'tok',
        ClientToken: 'shared',
      });
      const list = await clientFor(emulator, m).call('DescribeDBInstanceIPArrayList', RDS, { DBInstanceId: m.rdsInstanceId });
      assert.ok(list.Items.DBInstanceIPArray.some((g: WireBody) => g.DBInstanceIPArrayName === 'tok'));
    });

    it('replays only actions whose API documents ClientToken: RDS and HBase whitelist and group changes act every time', async () => {
      const client = clientFor(emulator, m);
      const ips = (): Promise<string[]> =>
        client
          .call('DescribeDBInstanceIPArrayList', RDS, { DBInstanceId: m.rdsInstanceId })
          .then((b: WireBody) =>
            b.Items.DBInstanceIPArray.find((g: WireBody) => g.DBInstanceIPArrayName === 'tok2').SecurityIPList.split(','),
          );
      const cover = { DBInstanceId: m.rdsInstanceId, DBInstanceIPArrayName: 'tok2', ModifyMode: 'Cover', ClientToken: 'same' };
      await client.call('ModifySecurityIps', RDS, { ...cover, SecurityIps: '10.1.0.0/16' });
      await client.call('ModifySecurityIps', RDS, { ...cover, SecurityIps: '10.2.0.0/16' });
      assert.deepEqual(await ips(), ['10.2.0.0/16'], 'the second call acted');
      const hbase = { ClusterId: m.hbaseClusterId, GroupName: 'tok2', IpVersion: '4', ClientToken: 'same' };
      await client.call('ModifyIpWhitelist', HBASE, { ...hbase, IpList: '10.1.0.0/16' });
      await client.call('ModifyIpWhitelist', HBASE, { ...hbase, IpList: '10.2.0.0/16' });
      const groups = await client.call('DescribeIpWhitelist', HBASE, { ClusterId: m.hbaseClusterId });
      assert.deepEqual(groups.Groups.Group.find((g: WireBody) => g.GroupName === 'tok2').IpList.Ip, ['10.2.0.0/16']);
      assert.deepEqual(
        emulator
          .requests()
          .filter((r) => r.action.startsWith('Modify'))
          .map((r) => Boolean(r.replayed)),
        [false, false, false, false],
      );
    });

    it('a failed first attempt is not remembered', async () => {
      const client = clientFor(emulator, m);
      await assert.rejects(client.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: 'vpc-bp1nope', ClientToken: 'retry-me' }));
      const ok = await client.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: m.vpcId, ClientToken: 'retry-me' });
      assert.match(ok.SecurityGroupId, /^sg-/);
    });
  });

  describe('request log', () => {
    it('records action, version, account, status, code and parameters, readable and clearable over HTTP', async () => {
      const emulator = await startEmulator();
      try {
        const client = clientFor(emulator, m);
        await client.call('DescribeVpcs', VPC, { RegionId: R });
        await assert.rejects(client.call('DescribeVpcs', VPC, { RegionId: R, PageSize: 99 }));
        const [ok, bad] = emulator.requests();
        assert.deepEqual(
          { a: ok!.action, v: ok!.version, acc: ok!.accountId, s: ok!.status, p: ok!.params },
          { a: 'DescribeVpcs', v: VPC, acc: m.accountId, s: 200, p: { RegionId: R } },
        );
        assert.deepEqual([bad!.status, bad!.code], [400, 'InvalidParameter']);
        const viaHttp = await control(emulator, 'GET', '/__emulator/requests');
        assert.equal(viaHttp.body.requests.length, 2);
        assert.ok(!viaHttp.text.includes(m.accessKeySecret));
        assert.equal((await control(emulator, 'DELETE', '/__emulator/requests')).status, 200);
        assert.deepEqual(emulator.requests(), []);
      } finally {
        await emulator.close();
      }
    });

    it('never records signature parameters of V1 requests', async () => {
      const emulator = await startEmulator();
      try {
        await clientFor(emulator, m, 'V1').call('DescribeVpcs', VPC, { RegionId: R });
        assert.deepEqual(emulator.requests()[0]!.params, { RegionId: R });
      } finally {
        await emulator.close();
      }
    });
  });
});
