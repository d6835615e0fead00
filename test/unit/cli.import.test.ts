/**
 * `mcvpc import NAME`: the bundled CLI in its own process against the emulator's default world
 * (its link `existing_link` in the linked VPC), an aliyun CLI profile in a temporary HOME. The
 * written spec validates and `mcvpc plan` on it exits 0 (no change); refusals exit 1 with the reason.
 */
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { hasErrors, parseSpecFile } from '../../src/connectionSpec';
import { bundledCliForSuite } from './builders/cliBundle';
import { cleanEnv, runMcvpc, writeAliyunProfile, type Run } from './builders/cliProcess';
import { cloudFor, emulator } from './cloud.harness';
import { startEmulator } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator/seed';

const M = DEFAULT_SEED.main;
const HZ = DEFAULT_SEED.regionId;

describe('mcvpc import', function () {
  this.timeout(120_000);
  let emu: Emulator | undefined;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const bundle = bundledCliForSuite('import');

  beforeEach(async () => {
    emu = await emulator();
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-import-'));
    await writeAliyunProfile(join(dir, 'home'), { regionId: HZ });
    env = cleanEnv({ HOME: join(dir, 'home'), MCVPC_ENDPOINT: emu.endpoint });
  });
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const mcvpc = (args: string[]): Promise<Run> => runMcvpc(bundle.path, args, { cwd: dir, env });

  /** Accepts all inbound traffic from `cidr` in the group: the link group's return-traffic rule, as apply adds it. */
  async function returnRule(groupId: string, cidr: string): Promise<void> {
    const cloud = await cloudFor(emu!);
    await cloud.ecs.authorizeSecurityGroup({
      RegionId: HZ,
      SecurityGroupId: groupId,
      Permissions: [{ IpProtocol: 'ALL', PortRange: '-1/-1', SourceCidrIp: cidr, Policy: 'accept', Priority: '1', NicType: 'intranet' }],
    });
  }

  it('--help prints the usage and exits 0', async () => {
    const run = await mcvpc(['import', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^usage: mcvpc import NAME/);
  });

  it('writes a spec for the link with its group by id, that validates and plans to no change', async () => {
    await returnRule(M.linkedGroupId, '172.16.0.0/12');
    const run = await mcvpc(['import', M.linkName, '--out', 'existing.mcvpc.yaml']);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /not complete/);
    const text = await readFile(join(dir, 'existing.mcvpc.yaml'), 'utf8');
    const { specs, problems } = parseSpecFile(text, 'existing.mcvpc.yaml');
    assert.ok(!hasErrors(problems), problems.map((p) => p.message).join('\n'));
    assert.equal(specs.length, 1);
    const spec = specs[0]!;
    assert.deepEqual([spec.networkLinkName, spec.regionId, spec.vpcId, spec.vSwitchId], [M.linkName, HZ, M.linkedVpcId, M.linkedVSwitchId]);
    assert.equal(spec.securityGroup.mode === 'existing' ? spec.securityGroup.securityGroupId : spec.securityGroup.mode, M.linkedGroupId);
    assert.equal(spec.targets.length, 0, 'the linked VPC has no service');
    const plan = await mcvpc(['plan', 'existing.mcvpc.yaml']);
    assert.equal(plan.code, 0, `plan exits 0 (no change):\n${plan.stdout}\n${plan.stderr}`);
  });

  it("says so when the link's own setup is incomplete (its group admits no return traffic)", async () => {
    const run = await mcvpc(['import', M.linkName]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /the link's own setup is not complete; mcvpc plan on the spec shows:\n {2}\+ Allow all inbound traffic from 172\.16\.0\.0\/12/,
    );
    assert.match(run.stdout, /^securityGroup:\n {2}# .*\n {2}id: /m);
  });

  it('includes the targets that already admit the link (in the whitelist group that admits it), and only those', async () => {
    emu!.setFaults({ networkLinkCreateMs: 0 });
    const cloud = await cloudFor(emu!);
    await cloud.maxcompute.createNetworkLink({
      name: 'orders_link',
      type: 'PASSTHROUGH',
      region: HZ,
      vpcId: M.vpcId,
      passthroughProperties: { vSwitchId: M.vSwitchIdH, securityGroup: M.basicGroupId },
    });
    await returnRule(M.basicGroupId, '192.168.0.0/16');
    // The RDS instance admits the link's vSwitch block in a whitelist group of the person's own naming.
    await cloud.rds.modifySecurityIps({
      DBInstanceId: M.rdsInstanceId,
      SecurityIps: '192.168.1.0/24',
      DBInstanceIPArrayName: 'etl',
      ModifyMode: 'Append',
    });
    const run = await mcvpc(['import', 'orders_link', '--out', 'orders.mcvpc.yaml']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`\\+ target rds ${M.rdsInstanceId}: admits the link`));
    assert.match(run.stderr, new RegExp(`- left out hbase ${M.hbaseClusterId}: `));
    const spec = parseSpecFile(await readFile(join(dir, 'orders.mcvpc.yaml'), 'utf8')).specs[0]!;
    assert.deepEqual(
      spec.targets.map((t) => t.kind),
      ['rds'],
    );
    assert.match(await readFile(join(dir, 'orders.mcvpc.yaml'), 'utf8'), /whitelistGroup: etl/);
    const plan = await mcvpc(['plan', 'orders.mcvpc.yaml']);
    assert.equal(plan.code, 0, `plan exits 0 (no change):\n${plan.stdout}\n${plan.stderr}`);
  });

  it('refuses a missing link, exit 1 with the region named, and writes nothing', async () => {
    const run = await mcvpc(['import', 'no_such_link', '--out', 'x.mcvpc.yaml']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`mcvpc import: MaxCompute has no network link named no_such_link in ${HZ}`));
    await assert.rejects(readFile(join(dir, 'x.mcvpc.yaml'), 'utf8'), /ENOENT/);
  });

  it('refuses a REVERSEACCESS link, exit 1, naming its type', async () => {
    // The emulator creates PASSTHROUGH links only: its state file is edited to hold the seed link as REVERSEACCESS.
    await emu!.close();
    const stateFile = join(dir, 'state.json');
    const first = await startEmulator({ stateFile });
    await first.close();
    const state = JSON.parse(await readFile(stateFile, 'utf8')) as {
      accounts: Array<{ networkLinks: Array<{ name: string; type?: string }> }>;
    };
    for (const account of state.accounts)
      for (const link of account.networkLinks) if (link.name === M.linkName) link.type = 'REVERSEACCESS';
    await writeFile(stateFile, JSON.stringify(state));
    emu = await startEmulator({ stateFile });
    env = { ...env, MCVPC_ENDPOINT: emu.endpoint };
    const run = await mcvpc(['import', M.linkName]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, new RegExp(`mcvpc import: ${M.linkName} is a REVERSEACCESS link: only PASSTHROUGH links`));
    assert.equal(run.stdout, '');
  });

  it('never overwrites an existing file without --force', async () => {
    await writeFile(join(dir, 'mine.mcvpc.yaml'), 'keep me\n');
    const run = await mcvpc(['import', M.linkName, '--out', 'mine.mcvpc.yaml']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /mine\.mcvpc\.yaml exists; it was kept/);
    assert.equal(await readFile(join(dir, 'mine.mcvpc.yaml'), 'utf8'), 'keep me\n');
    const forced = await mcvpc(['import', M.linkName, '--out', 'mine.mcvpc.yaml', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(await readFile(join(dir, 'mine.mcvpc.yaml'), 'utf8'), new RegExp(`name: ${M.linkName}`));
  });
});
