/**
 * `mcvpc check` as CI runs it: the bundled CLI in its own process over real folders, its text,
 * JSON and SARIF (validated against the OASIS SARIF 2.1.0 schema), its exit codes, and with a
 * profile the drift of applied links against the emulator.
 */
import { strict as assert } from 'node:assert';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import type { Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec } from '../../src/engine';
import { bundledCliForSuite } from './builders/cliBundle';
import { cleanEnv, runMcvpc, writeAliyunProfile, type Run } from './builders/cliProcess';
import { cloudFor, emulator } from './cloud.harness';
import { DEFAULT_SEED, groupIdByName, parseOne, specText, TARGETS, replaceRdsBlockByHand } from './builders/engineHarness';

const ROOT = join(__dirname, '..', '..');
const POLICY = join(ROOT, 'test', 'fixtures', 'policy');
const M = DEFAULT_SEED.main;
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }>;
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string; help: { text: string } }> } }; results: SarifResult[] }>;
}

const validateSarif = new AjvDraft04({ allErrors: true, strict: false, logger: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object,
);

function assertValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  return log;
}

describe('mcvpc check', function () {
  this.timeout(120_000);
  const bundle = bundledCliForSuite('check');
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const mcvpc = (args: string[], command = 'check'): Promise<Run> => runMcvpc(bundle.path, [command, ...args], { cwd: dir, env });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-check-'));
    // A repository root: the config search stops here.
    await mkdir(join(dir, '.git'));
    env = cleanEnv({ HOME: dir, MCVPC_LOCK_DIR: join(dir, 'locks') });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function copyFixtures(names: string[], into = dir): Promise<void> {
    await mkdir(into, { recursive: true });
    for (const n of names) await copyFile(join(POLICY, n), join(into, n));
  }

  it('--help exits 0; a bad option exits 1 with the usage', async () => {
    const help = await mcvpc(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Exit: 0 clean; 1 problems/m);
    const bad = await mcvpc(['--format', 'xml']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--format must be "text" or "json" or "sarif", got "xml"/);
  });

  it('exits 0 on the samples and the demo, with their lint warnings reported', async () => {
    const run = await mcvpc([join(ROOT, 'samples'), join(ROOT, 'demo')]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /: error: /);
    assert.match(run.stderr, /^9 spec files and 2 SQL\/Spark files checked; 0 errors/m);
  });

  it('reports each policy rule at the line and column of the field, and exits 1', async () => {
    await copyFixtures(['MCVPC102.fail.mcvpc.yaml', 'MCVPC103.fail.mcvpc.yaml', 'MCVPC106.fail.mcvpc.yaml']);
    const run = await mcvpc([]);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => l.replace(/\] .*/, ']')),
      [
        'MCVPC102.fail.mcvpc.yaml:16:11: error: [MCVPC102]',
        'MCVPC103.fail.mcvpc.yaml:16:19: error: [MCVPC103]',
        'MCVPC106.fail.mcvpc.yaml:10:7: warning: [MCVPC106]',
      ],
    );
  });

  it('warnings alone exit 0; the nearest mcvpc.config.json sets the rules, a bad one is a problem naming the key', async () => {
    await copyFixtures(['MCVPC106.fail.mcvpc.yaml']);
    assert.equal((await mcvpc([])).code, 0);
    await copyFixtures(['MCVPC103.fail.mcvpc.yaml'], join(dir, 'team'));
    assert.equal((await mcvpc([])).code, 1);
    await writeFile(join(dir, 'team', 'mcvpc.config.json'), JSON.stringify({ mcvpc: { policy: { MCVPC103: { forbiddenPorts: [23] } } } }));
    const configured = await mcvpc([]);
    assert.equal(configured.code, 0, configured.stdout);
    assert.doesNotMatch(configured.stdout, /MCVPC103/);
    // The config of team/ does not reach the folder above it.
    await writeFile(join(dir, 'mcvpc.config.json'), JSON.stringify({ mcvpc: { policy: { MCVPC106: 'error' } } }));
    const louder = await mcvpc([]);
    assert.equal(louder.code, 1);
    assert.match(louder.stdout, /^MCVPC106\.fail\.mcvpc\.yaml:10:7: error: \[MCVPC106\]/m);
    await writeFile(join(dir, 'mcvpc.config.json'), JSON.stringify({ mcvpc: { policy: { MCVPC106: 'loud' } } }));
    const bad = await mcvpc(['MCVPC106.fail.mcvpc.yaml']);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /mcvpc\.config\.json: mcvpc\.policy\.MCVPC106: must be one of error, warning, info, off/);
  });

  it('checks the SQL/Spark lines against the links of the specs it walks', async () => {
    await copyFixtures(['MCVPC101.pass.mcvpc.yaml']);
    await writeFile(join(dir, 'load.sql'), 'SET odps.session.networklink=mcvpc101_pas;\nSELECT 1;\n');
    const run = await mcvpc(['--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as {
      exitCode: number;
      findings: Array<{ ruleId: string; file: string; line: number; column: number }>;
    };
    assert.deepEqual(
      out.findings.map((f) => [f.ruleId, f.file, f.line, f.column]),
      [['usage/unknown-link', 'load.sql', 1, 30]],
    );
  });

  it('--format sarif validates against the SARIF 2.1.0 schema, points where the text does, and fingerprints survive moved lines', async () => {
    await copyFixtures(['MCVPC102.fail.mcvpc.yaml', 'MCVPC103.fail.mcvpc.yaml']);
    await writeFile(join(dir, 'load.sql'), 'SET odps.session.networklink=nope;\n');
    const text = await mcvpc([]);
    const first = await mcvpc(['--format', 'sarif']);
    assert.equal(first.code, 1);
    const log = assertValidSarif(first.stdout);
    const run = log.runs[0]!;
    const places = run.results.map(
      (r) =>
        `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region!.startLine}:${r.locations[0]!.physicalLocation.region!.startColumn}: ${r.level === 'note' ? 'info' : r.level}: [${r.ruleId}] ${r.message.text}`,
    );
    assert.deepEqual(places, text.stdout.trim().split('\n'));
    const rule = run.tool.driver.rules.find((r) => r.id === 'MCVPC103')!;
    assert.match(rule.helpUri, /docs\/rules\.md#mcvpc103$/);
    assert.match(rule.help.text, /remote shell/);
    const docs = await readFile(join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const r of run.tool.driver.rules)
      assert.ok(docs.includes(`<a id="${r.helpUri.split('#')[1]}"></a>`), `docs/rules.md has an anchor for ${r.id}`);
    const second = assertValidSarif((await mcvpc(['--format', 'sarif'])).stdout);
    const prints = (l: SarifLog): string[] => l.runs[0]!.results.map((r) => r.partialFingerprints['mcvpcFinding/v1']!);
    assert.deepEqual(prints(second), prints(log));
    assert.equal(new Set(prints(log)).size, prints(log).length, 'each finding has its own fingerprint');
    // Two comment lines above every finding: the lines move, the identities stay.
    const moved = join(dir, 'MCVPC103.fail.mcvpc.yaml');
    await writeFile(moved, `# moved\n# down\n${await readFile(moved, 'utf8')}`);
    const third = assertValidSarif((await mcvpc(['--format', 'sarif'])).stdout);
    assert.deepEqual(prints(third), prints(log));
    assert.equal(third.runs[0]!.results.find((r) => r.ruleId === 'MCVPC103')!.locations[0]!.physicalLocation.region!.startLine, 18);
  });

  it("validate --format sarif: valid SARIF with each problem where validate's text puts it, naming the package's version", async () => {
    await copyFixtures(['MCVPC105.fail.mcvpc.yaml']);
    const text = await mcvpc(['MCVPC105.fail.mcvpc.yaml'], 'validate');
    const run = await mcvpc(['MCVPC105.fail.mcvpc.yaml', '--format', 'sarif'], 'validate');
    assert.equal(run.code, 1);
    const log = assertValidSarif(run.stdout) as SarifLog & { runs: Array<{ tool: { driver: { version: string } } }> };
    const results = log.runs[0]!.results.map(
      (r) =>
        `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region!.startLine}:${r.locations[0]!.physicalLocation.region!.startColumn}: ${r.level}: ${r.message.text}`,
    );
    assert.deepEqual(results, text.stderr.trim().split('\n'));
    assert.deepEqual(
      log.runs[0]!.results.map((r) => r.ruleId),
      ['spec/managed-group-name'],
    );
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(log.runs[0]!.tool.driver.version, pkg.version);
  });

  it("lint --format sarif: valid SARIF with each problem where lint's text puts it", async () => {
    await copyFixtures(['MCVPC101.pass.mcvpc.yaml']);
    await writeFile(join(dir, 'load.sql'), 'SET odps.session.networklink=mcvpc101_pas;\nSELECT 1;\n');
    await writeFile(join(dir, 'spark-defaults.conf'), 'spark.hadoop.odps.cupid.eni.info   vpc-bp1w4g8ykeud64dultaii:cn-hangzhou\n');
    const text = await mcvpc(['.'], 'lint');
    const run = await mcvpc(['.', '--format', 'sarif'], 'lint');
    assert.equal(run.code, 1);
    const log = assertValidSarif(run.stdout);
    const places = log.runs[0]!.results.map(
      (r) =>
        `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region!.startLine}:${r.locations[0]!.physicalLocation.region!.startColumn}: ${r.level === 'note' ? 'info' : r.level}: ${r.message.text}`,
    );
    assert.deepEqual(places, text.stdout.trim().split('\n'));
    assert.ok(places.length >= 2, places.join('\n'));
  });

  describe('with a profile, against the emulator', () => {
    let emu: Emulator;
    let cloud: Cloud;
    beforeEach(async () => {
      emu = await emulator();
      cloud = await cloudFor(emu);
      env.MCVPC_ENDPOINT = emu.endpoint;
      await writeProfile(M.accessKeySecret);
    });
    /** The profile lives where the aliyun CLI keeps it, as a CI job would write it from its secrets. */
    const writeProfile = (secret: string): Promise<void> => writeAliyunProfile(dir, { regionId: 'cn-hangzhou', secret });
    afterEach(() => emu.close());

    it('tells "not applied" from drift: a whitelist entry removed by hand is drift of that target (exit 2); the same entries in another order are not', async () => {
      const text = specText({ targets: [TARGETS.custom, TARGETS.rdsWhitelist] });
      await writeFile(join(dir, 'orders.mcvpc.yaml'), text);
      const before = await mcvpc(['--json', '--profile', 'ci']);
      assert.equal(before.code, 0, before.stdout + before.stderr);
      assert.deepEqual(
        (JSON.parse(before.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId),
        ['not-applied'],
      );
      const spec = parseOne(text);
      assert.equal((await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, FAST)).outcome, 'done');
      assert.equal((await mcvpc(['--profile', 'ci'])).code, 0);
      // Someone else's entries in the same group, written in another order: not drift.
      await cloud.rds.modifySecurityIps({
        RegionId: 'cn-hangzhou',
        DBInstanceId: M.rdsInstanceId,
        DBInstanceIPArrayName: 'maxcompute',
        SecurityIps: '10.9.0.0/24,10.8.0.0/24',
        ModifyMode: 'Append',
      });
      assert.equal((await mcvpc(['--profile', 'ci'])).code, 0);
      await cloud.rds.modifySecurityIps({
        RegionId: 'cn-hangzhou',
        DBInstanceId: M.rdsInstanceId,
        DBInstanceIPArrayName: 'maxcompute',
        SecurityIps: '192.168.1.0/24',
        ModifyMode: 'Delete',
      });
      const drifted = await mcvpc(['--json', '--profile', 'ci']);
      assert.equal(drifted.code, 2, drifted.stdout + drifted.stderr);
      const findings = (JSON.parse(drifted.stdout) as { findings: Array<{ ruleId: string; link: string; path: string; line: number }> })
        .findings;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.link, f.path, f.line]),
        [['drift', 'orders_link', 'target.1.rds', text.split('\n').indexOf('  - kind: rds') + 1]],
      );
    });

    it('inbound rules added by hand to the link group are drift and, live, MCVPC101/102 (exit 1); the link removed is drift; the extra rules sort the same whatever their order', async () => {
      const text = specText({ targets: [TARGETS.rdsWhitelist] });
      await writeFile(join(dir, 'orders.mcvpc.yaml'), text);
      const spec = parseOne(text);
      assert.equal((await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, FAST)).outcome, 'done');
      assert.equal((await mcvpc(['--profile', 'ci'])).code, 0);
      const groupId = await groupIdByName(emu, 'maxcompute-link');
      const ssh = { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0', Policy: 'accept', Priority: '1' } as const;
      const web = { IpProtocol: 'TCP', PortRange: '443/443', SourceCidrIp: '10.0.0.0/8', Policy: 'accept', Priority: '5' } as const;
      await cloud.ecs.authorizeSecurityGroup({ RegionId: 'cn-hangzhou', SecurityGroupId: groupId, Permissions: [web, ssh] });
      const inboundLine = text.split('\n').findIndex((l) => l.includes('inboundSource')) + 1;
      const drifted = await mcvpc(['--json', '--profile', 'ci']);
      // The whole internet (MCVPC101) and a /8 (MCVPC102, wider than /16) are policy errors: exit 1.
      assert.equal(drifted.code, 1, drifted.stdout + drifted.stderr);
      const fields = (run: Run): string[][] =>
        (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; path: string; line: number; message: string }> }).findings.map(
          (f) => [f.ruleId, f.path, String(f.line), f.message.replace(/.*(TCP \S+ from \S+).*/, '$1')],
        );
      assert.deepEqual(fields(drifted), [
        ['MCVPC101', 'securityGroup.create.inboundSource', String(inboundLine), 'TCP 22/22 from 0.0.0.0/0'],
        ['MCVPC102', 'securityGroup.create.inboundSource', String(inboundLine), 'TCP 443/443 from 10.0.0.0/8'],
        ['drift', 'link-group.extra-rule', String(inboundLine), 'TCP 22/22 from 0.0.0.0/0'],
        ['drift', 'link-group.extra-rule', String(inboundLine), 'TCP 443/443 from 10.0.0.0/8'],
      ]);
      await writeFile(join(dir, 'mcvpc.config.json'), JSON.stringify({ mcvpc: { policy: { MCVPC101: 'off', MCVPC102: 'off' } } }));
      assert.equal((await mcvpc(['--profile', 'ci'])).code, 2, 'with the two rules off, what is left is drift');
      await cloud.maxcompute.removeNetworkLink({ regionId: 'cn-hangzhou', networkLinkName: 'orders_link' });
      const gone = await mcvpc(['--json', '--profile', 'ci']);
      assert.equal(gone.code, 2);
      assert.deepEqual(
        fields(gone).map((f) => f[1]),
        ['network-link', 'link-group.extra-rule', 'link-group.extra-rule'],
      );
    });

    it('a target removed from the spec after apply is drift of that link (exit 2), found by the access it left; one another spec of the run names is not', async () => {
      const ecs = [`  - kind: ecs`, `    instance: ${M.ecsInstanceId}`, `    ports: [9092]`].join('\n');
      const spec = parseOne(specText({ targets: [TARGETS.custom, TARGETS.rdsWhitelist, ecs] }));
      assert.equal((await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, FAST)).outcome, 'done');
      const kept = specText({ targets: [TARGETS.custom] });
      await writeFile(join(dir, 'orders.mcvpc.yaml'), kept);
      const run = await mcvpc(['--json', '--profile', 'ci']);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      const findings = (
        JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; link: string; path: string; line: number; message: string }> }
      ).findings;
      // At the spec's targets list (its first item), where the removed one was.
      const targetsLine = kept.split('\n').indexOf('  - kind: custom') + 1;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.link, f.path, f.line]),
        [
          ['drift', 'orders_link', `removed-target.ecs.${M.ecsInstanceId}`, targetsLine],
          ['drift', 'orders_link', `removed-target.rds.${M.rdsInstanceId}`, targetsLine],
        ],
      );
      assert.match(findings[0]!.message, /its group sg-\S+ admits the link's group on TCP 9092\/9092/);
      assert.match(findings[1]!.message, /whitelist group maxcompute holds 192\.168\.1\.0\/24/);
      // Another spec of the run in the VPC names the RDS instance: its entry is that spec's too.
      await writeFile(
        join(dir, 'reports.mcvpc.yaml'),
        specText({ name: 'reports_link', groupName: 'reports-link', targets: [TARGETS.rdsWhitelist] }),
      );
      const shared = await mcvpc(['--json', '--profile', 'ci']);
      const paths = (JSON.parse(shared.stdout) as { findings: Array<{ ruleId: string; path?: string }> }).findings.map(
        (f) => `${f.ruleId} ${f.path ?? ''}`,
      );
      assert.deepEqual(paths, [`drift removed-target.ecs.${M.ecsInstanceId}`, 'not-applied ']);
    });

    it('doctor --format sarif: a failing hop is an error at its target, valid SARIF, exit 2', async () => {
      const text = specText({ targets: [TARGETS.custom, TARGETS.rdsWhitelist] });
      await writeFile(join(dir, 'orders.mcvpc.yaml'), text);
      const spec = parseOne(text);
      assert.equal((await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, FAST)).outcome, 'done');
      await replaceRdsBlockByHand(cloud);
      const run = await mcvpc(['orders.mcvpc.yaml', '--format', 'sarif', '--profile', 'ci'], 'doctor');
      assert.equal(run.code, 2, run.stderr);
      const log = assertValidSarif(run.stdout);
      const errors = log.runs[0]!.results.filter((r) => r.level === 'error');
      assert.deepEqual(
        errors.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region!.startLine]),
        [['doctor/target.access', text.split('\n').indexOf('  - kind: rds') + 1]],
      );
      assert.match(run.stderr, /\[FAIL\] target 1/);
    });

    it('live, MCVPC106 tells a link group that also guards an instance, unless the repository allows that group', async () => {
      const text = specText({ groupId: M.ecsGroupId, targets: [TARGETS.rdsWhitelist] });
      await writeFile(join(dir, 'shared.mcvpc.yaml'), text);
      const line = text.split('\n').findIndex((l) => l.includes(M.ecsGroupId)) + 1;
      const findings = async (): Promise<{ code: number; found: string[][] }> => {
        const run = await mcvpc(['--json', '--profile', 'ci']);
        return {
          code: run.code,
          found: (
            JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; severity: string; line: number; message: string }> }
          ).findings.map((f) => [f.ruleId, f.severity, String(f.line), /also guards instance i-/.test(f.message) ? 'live' : 'offline']),
        };
      };
      const shared = await findings();
      assert.deepEqual(
        shared.found.filter((f) => f[0] === 'MCVPC106'),
        [
          ['MCVPC106', 'warning', String(line), 'offline'],
          ['MCVPC106', 'warning', String(line), 'live'],
        ],
      );
      await writeFile(join(dir, 'mcvpc.config.json'), JSON.stringify({ mcvpc: { policy: { MCVPC106: 'error' } } }));
      const strict = await findings();
      assert.equal(strict.code, 1);
      assert.deepEqual(
        strict.found.filter((f) => f[0] === 'MCVPC106').map((f) => f[1]),
        ['error', 'error'],
      );
      await writeFile(
        join(dir, 'mcvpc.config.json'),
        JSON.stringify({ mcvpc: { policy: { MCVPC106: { severity: 'error', allowedExistingGroups: [M.ecsGroupId] } } } }),
      );
      const allowed = await findings();
      assert.deepEqual(
        allowed.found.filter((f) => f[0] === 'MCVPC106'),
        [],
      );
    });

    it("reads what specs of one region share once: the caller, the ENI role, a VPC, a vSwitch, MaxCompute's groups, the VPC's services", async () => {
      for (const i of [0, 1, 2])
        await writeFile(
          join(dir, `link${i}.mcvpc.yaml`),
          specText({ name: `link_${i}`, groupName: `link-${i}`, targets: [TARGETS.rdsWhitelist] }),
        );
      const applied = parseOne(specText({ name: 'link_0', groupName: 'link-0', targets: [TARGETS.rdsWhitelist] }));
      assert.equal((await applyPlan(cloud, applied, (await planSpec(cloud, applied)).plan, FAST)).outcome, 'done');
      emu.clearRequests();
      const run = await mcvpc(['--profile', 'ci']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const count = (action: string, param?: [string, string]): number =>
        emu.requests().filter((r) => r.action === action && (param === undefined || r.params[param[0]] === param[1])).length;
      assert.deepEqual(
        {
          identity: count('GetCallerIdentity'),
          role: count('GetRole'),
          vpc: count('DescribeVpcs'),
          vSwitch: count('DescribeVSwitches'),
          rdsList: count('DescribeDBInstances'),
          links: count('GetNetworkLink'),
        },
        { identity: 1, role: 1, vpc: 1, vSwitch: 1, rdsList: 1 + 3, links: 3 },
        "one read a region (the RDS instance: one listing of the VPC's services, and each spec's target read)",
      );
      // MaxCompute's two groups of the VPC, each asked with and without ServiceManaged: four calls for the three specs.
      assert.equal(
        emu
          .requests()
          .filter((r) => r.action === 'DescribeSecurityGroups' && String(r.params.SecurityGroupName ?? '').startsWith('MaxCompute-'))
          .length,
        4,
      );
    });

    it('a spec whose cloud cannot be read is unknown (exit 3)', async () => {
      await writeFile(join(dir, 'orders.mcvpc.yaml'), specText({ targets: [TARGETS.rdsWhitelist] }));
      await writeProfile('wrongSecret000000000000000000000');
      const run = await mcvpc(['--profile', 'ci']);
      assert.equal(run.code, 3, run.stdout + run.stderr);
      assert.match(run.stdout, /orders\.mcvpc\.yaml:4:9: warning: \[unknown\] "orders_link": the cloud could not be read/);
      // Not a terminal: no progress line.
      assert.ok(!run.stderr.includes('\r'), JSON.stringify(run.stderr));
      assert.ok(!`${run.stdout}${run.stderr}`.includes('wrongSecret000000000000000000000'), 'the secret never reaches the output');
    });
  });
});
