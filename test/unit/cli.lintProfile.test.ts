/**
 * `mcvpc lint --profile NAME`: the bundled CLI in its own process, an aliyun CLI config with the
 * profile in a temporary HOME, and the emulator's default world over HTTP (its VPC
 * `linkedVpcId` has the network link `existing_link`, which ListNetworkLinks lists; `vpcId` has none).
 */
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { bundledCliForSuite } from './builders/cliBundle';
import { cleanEnv, runMcvpc, writeAliyunProfile, type Run } from './builders/cliProcess';
import { cloudFor, emulator, requestsFor } from './cloud.harness';
import { DEFAULT_SEED } from '../../src/emulator/seed';

const M = DEFAULT_SEED.main;
const HZ = DEFAULT_SEED.regionId;

const sparkConf = (vpcId: string, regionId = HZ): string =>
  `spark.hadoop.odps.cupid.eni.enable=true\nspark.hadoop.odps.cupid.eni.info=${regionId}:${vpcId}\n`;

/** A spec declaring a link (its VPC is not one of the emulator's: only its name and region matter here). */
const specText = (name: string, regionId: string): string =>
  `version: mcvpc/v1\nkind: NetworkLink\nmetadata:\n  name: ${name}\nregion: ${regionId}\nvpc: vpc-2zeabcdeclared\nvSwitch: vsw-2zeabcdeclared\nsecurityGroup:\n  create:\n    name: maxcompute-${name}\n    inboundSource: vpc-cidr\ntargets:\n  - kind: rds\n    instance: rm-2zeabcdeclared\n`;

interface JsonOut {
  knownLinks: { name?: string; regionId: string; vpcId: string; status?: string; from: string; source: string }[];
  files: { file: string; problems: { line: number; code: string; severity: string; message: string }[] }[];
}

describe('mcvpc lint --profile', function () {
  this.timeout(120_000);
  let emu: Emulator | undefined;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const bundle = bundledCliForSuite('lintprofile');
  beforeEach(async () => {
    emu = await emulator();
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-lintprofile-'));
    // The profile lives where the aliyun CLI keeps it: $HOME/.aliyun/config.json.
    await writeAliyunProfile(join(dir, 'home'), { regionId: 'cn-shanghai' });
    await mkdir(join(dir, 'jobs'));
    env = cleanEnv({ HOME: join(dir, 'home'), MCVPC_ENDPOINT: emu.endpoint });
  });
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const mcvpc = (args: string[]): Promise<Run> => runMcvpc(bundle.path, ['lint', ...args], { cwd: join(dir, 'jobs'), env });

  function noSecret(run: Run): void {
    assert.ok(!`${run.stdout}${run.stderr}`.includes(M.accessKeySecret), 'the secret never reaches the output');
  }

  it('a Spark file naming the linked VPC is clean with --profile and unlinked without it', async () => {
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), sparkConf(M.linkedVpcId));
    // A spec elsewhere makes the specs' links non-empty, so the check runs without --profile too.
    await writeFile(join(dir, 'jobs', 'other.mcvpc.yaml'), specText('other_link', HZ));
    const without = await mcvpc(['.']);
    assert.equal(without.code, 1, without.stdout + without.stderr);
    assert.match(
      without.stdout,
      new RegExp(`^spark-defaults\\.conf:2:\\d+: warning: No known network link reaches ${M.linkedVpcId} in ${HZ}`, 'm'),
    );

    const withProfile = await mcvpc(['--profile', 'ci', '.']);
    assert.equal(withProfile.code, 0, withProfile.stdout + withProfile.stderr);
    assert.equal(withProfile.stdout, '');
    assert.match(withProfile.stderr, /1 file checked against 2 known links \(1 from specs, 1 listed by MaxCompute\); no problems/);
    noSecret(withProfile);
    // Each listing once per region (with and without ServiceManaged), nothing per VPC or per link.
    assert.equal(requestsFor(emu!, 'DescribeSecurityGroups').length, 2);
    assert.equal(requestsFor(emu!, 'DescribeNetworkInterfaces').length, 2);
    assert.equal(requestsFor(emu!, 'ListNetworkLinks').length, 1);
    assert.equal(requestsFor(emu!, 'GetNetworkLink').length, 0);
  });

  it('still reports a VPC without a link; a SET naming a link MaxCompute lists is vouched for without a spec', async () => {
    await writeFile(join(dir, 'jobs', 'orders.mcvpc.yaml'), specText('orders', HZ));
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), sparkConf(M.vpcId));
    await writeFile(join(dir, 'jobs', 'load.sql'), `SET odps.session.networklink=${M.linkName};\nSELECT 1;\n`);
    const run = await mcvpc(['--profile', 'ci', '--json', '.']);
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout) as JsonOut;
    assert.deepEqual(out.knownLinks, [
      { name: 'orders', regionId: HZ, vpcId: 'vpc-2zeabcdeclared', from: 'spec', source: 'orders.mcvpc.yaml' },
      {
        name: M.linkName,
        regionId: HZ,
        vpcId: M.linkedVpcId,
        status: 'SUCCESS',
        from: 'cloud',
        source: `listed by MaxCompute (profile ci, ${HZ})`,
      },
    ]);
    const codes = Object.fromEntries(out.files.map((f) => [f.file, f.problems.map((p) => p.code)]));
    assert.deepEqual(codes['spark-defaults.conf'], ['eni-info-unlinked']);
    // ListNetworkLinks tells the name: no spec needs to name the link.
    assert.deepEqual(codes['load.sql'], []);
    noSecret(run);
  });

  it('--json says where each known link comes from: spec file or cloud', async () => {
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), sparkConf(M.linkedVpcId));
    await writeFile(join(dir, 'jobs', 'orders.mcvpc.yaml'), specText('orders', 'cn-beijing'));
    const run = await mcvpc(['--profile', 'ci', '--json', '.']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const out = JSON.parse(run.stdout) as JsonOut;
    assert.deepEqual(
      out.knownLinks.map((l) => [l.name, l.from, l.source, l.regionId]),
      [
        ['orders', 'spec', 'orders.mcvpc.yaml', 'cn-beijing'],
        [M.linkName, 'cloud', `listed by MaxCompute (profile ci, ${HZ})`, HZ],
      ],
    );
    // Both regions read: the file's and the spec's, each once.
    const regions = requestsFor(emu!, 'DescribeNetworkInterfaces')
      .map((r) => r.params.RegionId)
      .sort();
    assert.deepEqual(regions, ['cn-beijing', 'cn-beijing', HZ, HZ]);
  });

  it('retries throttled reads as the other commands do', async () => {
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), sparkConf(M.linkedVpcId));
    emu!.setFaults({ throttleAbovePerSecond: 1 });
    const run = await mcvpc(['--profile', 'ci', '.']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const throttled = emu!.requests().filter((r) => r.code === 'Throttling.User').length;
    assert.ok(throttled > 0, 'the emulator throttled');
    assert.match(run.stderr, /Throttling\.User; retrying in \d+\.\d s/);
  });

  it('exits 1 with the reason when the profile does not exist', async () => {
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), sparkConf(M.linkedVpcId));
    const run = await mcvpc(['--profile', 'nosuch', '.']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '', 'no lint output from specs alone');
    assert.match(
      run.stderr,
      /^mcvpc lint: cannot open a cloud session with profile nosuch to find the network links: .*has no profile "nosuch"/m,
    );
    const empty = await mcvpc(['--profile', '.']);
    assert.equal(empty.code, 1);
    // Even when no line names a region (nothing to read), a wrong profile is not passed over.
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), 'spark.executor.memory=4g\n');
    const nothingToRead = await mcvpc(['--profile', 'nosuch', '.']);
    assert.equal(nothingToRead.code, 1);
    assert.match(nothingToRead.stderr, /has no profile "nosuch"/);
    const fine = await mcvpc(['--profile', 'ci', '.']);
    assert.equal(fine.code, 0, fine.stderr);
    assert.match(fine.stderr, /^mcvpc lint: --profile: no region to read/m);
    assert.equal(emu!.requests().length, 0, 'no region named, no call made');
  });

  it('exits 1 with the reason when the cloud cannot be reached, and never prints the secret', async () => {
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), sparkConf(M.linkedVpcId));
    await emu!.close();
    emu = undefined;
    const run = await mcvpc(['--profile', 'ci', '.']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^mcvpc lint: cannot read the network links in the cloud \(profile ci, region cn-hangzhou\): /m);
    noSecret(run);
  });

  it('exits 1 when the keys are refused', async () => {
    await writeFile(
      join(dir, 'home', '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'ci',
        profiles: [
          { name: 'ci', mode: 'AK', access_key_id: M.accessKeyId, access_key_secret: 'wrongSecret000000000000000000000', region_id: HZ },
        ],
      }),
    );
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), sparkConf(M.linkedVpcId));
    const run = await mcvpc(['--profile', 'ci', '.']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /^mcvpc lint: cannot read the network links in the cloud \(profile ci, region cn-hangzhou\): .*Signature/m);
    assert.ok(!run.stderr.includes('wrongSecret'));
  });
  describe('link names MaxCompute lists', () => {
    const sql = (name: string): string => `SET odps.session.networklink=${name};\nSELECT * FROM orders;\n`;

    it("vouches for a cloud-only name with no spec and no region named (the profile's region is read)", async () => {
      await writeFile(join(dir, 'jobs', 'load.sql'), sql(M.linkName));
      // The profile's region is cn-shanghai; the region variable overrides it, as with the aliyun CLI.
      env = { ...env, ALIBABA_CLOUD_REGION_ID: HZ };
      const run = await mcvpc(['--profile', 'ci', '.']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, new RegExp(`the link names are read in the profile's region ${HZ}`));
      assert.match(run.stderr, /checked against 1 known link \(0 from specs, 1 listed by MaxCompute\); no problems/);
      // Without --profile the same line has nothing to be checked against, and says nothing.
      const without = await mcvpc(['.']);
      assert.equal(without.code, 0, without.stdout + without.stderr);
    });

    it('refuses an unknown name, suggesting the closest listed one', async () => {
      await writeFile(join(dir, 'jobs', 'load.sql'), sql('existing_lnik'));
      env = { ...env, ALIBABA_CLOUD_REGION_ID: HZ };
      const run = await mcvpc(['--profile', 'ci', '.']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(
        run.stdout,
        /^load\.sql:1:\d+: warning: No known network link is named "existing_lnik"; did you mean "existing_link"\?$/m,
      );
    });

    it('warns about a listed link whose status is not SUCCESS, naming the status', async () => {
      emu!.setFaults({ networkLinkCreateMs: 60_000 });
      const cloud = await cloudFor(emu!);
      await cloud.maxcompute.createNetworkLink({
        name: 'slow_link',
        type: 'PASSTHROUGH',
        region: HZ,
        vpcId: M.vpcId,
        passthroughProperties: { vSwitchId: M.vSwitchIdH, securityGroup: M.basicGroupId },
      });
      await writeFile(join(dir, 'jobs', 'load.sql'), sql('slow_link'));
      await writeFile(join(dir, 'jobs', 'ok.sql'), sql(M.linkName));
      env = { ...env, ALIBABA_CLOUD_REGION_ID: HZ };
      const run = await mcvpc(['--profile', 'ci', '--json', '.']);
      assert.equal(run.code, 1, run.stderr);
      const out = JSON.parse(run.stdout) as JsonOut;
      const load = out.files.find((f) => f.file === 'load.sql')!;
      assert.deepEqual(
        load.problems.map((p) => [p.code, p.severity]),
        [['link-not-ready', 'warning']],
      );
      assert.match(load.problems[0]!.message, /"slow_link" is in status CREATING in cn-hangzhou, not SUCCESS/);
      assert.deepEqual(out.files.find((f) => f.file === 'ok.sql')!.problems, []);
    });

    it('says so when the link list is refused, and knows names from specs only', async () => {
      emu!.setFaults({ deniedActions: ['ListNetworkLinks'] });
      await writeFile(join(dir, 'jobs', 'load.sql'), sql(M.linkName));
      await writeFile(join(dir, 'jobs', 'orders.mcvpc.yaml'), specText('orders', HZ));
      const run = await mcvpc(['--profile', 'ci', '.']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(
        run.stderr,
        new RegExp(`MaxCompute's link list could not be read \\(profile ci, ${HZ}\\): permission denied .*odps:ListNetworkLinks`),
      );
      assert.match(run.stdout, /load\.sql:1:\d+: warning: No known network link is named "existing_link"/);
    });
  });
});
