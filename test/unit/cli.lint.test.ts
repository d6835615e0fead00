/** `mcvpc lint` as CI runs it: the bundled CLI in its own process, over real files in a temporary folder. */
import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from './builders/cliBundle';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const SPEC = `version: mcvpc/v1
kind: NetworkLink
metadata:
  name: orders_rds
region: cn-hangzhou
vpc: vpc-bp1w4g8ykeud64dultaii
vSwitch: vsw-bp1eozbg57e48oj28e5ct
securityGroup:
  create:
    name: maxcompute-orders-rds
    inboundSource: vpc-cidr
targets:
  - kind: rds
    instance: rm-bp1p54cm3ooh3v7u618m6
`;
const GOOD_CONF = 'spark.hadoop.odps.cupid.eni.enable=true\nspark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1w4g8ykeud64dultaii\n';
const BAD_CONF = 'spark.hadoop.odps.cupid.eni.enable true\r\nspark.hadoop.odps.cupid.eni.info   vpc-bp1w4g8ykeud64dultaii:cn-hangzhou\r\n';
const BAD_SQL = 'SET odps.session.networklink=order_rds;\nSELECT * FROM orders;\n';

describe('mcvpc lint', function () {
  this.timeout(120_000);
  let bundleDir: string;
  let cli: string;
  let dir: string;

  before(async () => {
    bundleDir = await mkdtemp(join(tmpdir(), 'mcvpc-lint-bundle-'));
    cli = join(bundleDir, 'cli.js');
    await bundleCli(cli);
  });
  after(() => rm(bundleDir, { recursive: true, force: true }));
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-lint-'));
    await writeFile(join(dir, 'orders.mcvpc.yaml'), SPEC);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  function mcvpc(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(process.execPath, [cli, 'lint', ...args], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99, stdout, stderr });
      });
    });
  }

  it('exits 0 and prints nothing on stdout for clean files', async () => {
    await writeFile(join(dir, 'spark-defaults.conf'), GOOD_CONF);
    await writeFile(join(dir, 'job.sql'), 'SET odps.session.networklink=orders_rds;\nSELECT 1;\n');
    const run = await mcvpc(['.']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /2 files checked against 1 known link; no problems/);
  });

  it('prints file:line:col: severity: message and exits 1, using the links of the specs it finds', async () => {
    await mkdir(join(dir, 'jobs'));
    await writeFile(join(dir, 'jobs', 'spark-defaults.conf'), BAD_CONF);
    await writeFile(join(dir, 'jobs', 'load.sql'), BAD_SQL);
    const run = await mcvpc(['jobs']);
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      'jobs/load.sql:1:30: warning: No known network link is named "order_rds"; did you mean "orders_rds"?',
      'jobs/spark-defaults.conf:2:36: error: spark.hadoop.odps.cupid.eni.info is <regionId>:<vpcId>, region first; this has the VPC first.',
    ]);
  });

  it('--json gives the known links and each problem with its fixes', async () => {
    await writeFile(join(dir, 'load.sql'), BAD_SQL);
    const run = await mcvpc(['--json', 'load.sql']);
    assert.equal(run.code, 1);
    const out = JSON.parse(run.stdout) as {
      knownLinks: { name: string }[];
      files: { file: string; problems: { line: number; column: number; code: string; fixes: string[] }[] }[];
    };
    assert.deepEqual(
      out.knownLinks.map((l) => l.name),
      ['orders_rds'],
    );
    assert.deepEqual(
      out.files[0]!.problems.map((p) => [p.line, p.column, p.code, p.fixes]),
      [[1, 30, 'unknown-link', ['Use the network link "orders_rds"']]],
    );
  });

  it('says which file it cannot read, and fails', async () => {
    await mkdir(join(dir, 'jobs'));
    await symlink(join(dir, 'gone.sql'), join(dir, 'jobs', 'dangling.sql'));
    const missing = await mcvpc(['nope.sql']);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /^nope\.sql: error: no such file or folder$/m);
    const dangling = await mcvpc(['jobs']);
    assert.equal(dangling.code, 1);
    assert.match(dangling.stdout, /^jobs\/dangling\.sql: error: no such file or folder$/m);
    await writeFile(join(dir, 'README.md'), '# jobs\n');
    const other = await mcvpc(['orders.mcvpc.yaml', 'README.md']);
    assert.equal(other.code, 1);
    assert.match(other.stdout, /^README\.md: error: .*not a file lint reads/m);
  });

  it('rewrites nothing without --fix; --fix applies the preferred fixes (CRLF kept) and exits 0 when nothing is left', async () => {
    const conf = join(dir, 'spark-defaults.conf');
    await writeFile(conf, BAD_CONF);
    await writeFile(join(dir, 'load.sql'), BAD_SQL);
    assert.equal((await mcvpc(['.'])).code, 1);
    assert.equal(await readFile(conf, 'utf8'), BAD_CONF, 'untouched without --fix');
    const run = await mcvpc(['--fix', '.']);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(
      await readFile(conf, 'utf8'),
      'spark.hadoop.odps.cupid.eni.enable true\r\nspark.hadoop.odps.cupid.eni.info   cn-hangzhou:vpc-bp1w4g8ykeud64dultaii\r\n',
    );
    assert.equal(await readFile(join(dir, 'load.sql'), 'utf8'), BAD_SQL.replace('order_rds', 'orders_rds'));
  });

  it('refuses unknown options, an empty --profile, a bad --format and no path with a clear message', async () => {
    const bad = await mcvpc(['--frobnicate', 'x.sql']);
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /^mcvpc lint: unknown option "--frobnicate" for mcvpc lint \(known: --json, --format, --fix, --spec, --profile\)\.$/m,
    );
    const profile = await mcvpc(['--profile=', '.']);
    assert.equal(profile.code, 1);
    assert.match(profile.stderr, /^mcvpc lint: --profile needs a value: --profile PROFILE\.$/m);
    const format = await mcvpc(['--format', 'xml', '.']);
    assert.equal(format.code, 1);
    assert.match(format.stderr, /^mcvpc lint: --format must be "text" or "json" or "sarif", got "xml"\.$/m);
    const none = await mcvpc([]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^mcvpc lint: mcvpc lint needs at least one file or folder\.$/m);
    assert.equal(none.stdout, '');
  });

  it("takes --spec more than once, each file's links known", async () => {
    await mkdir(join(dir, 'elsewhere'));
    await rm(join(dir, 'orders.mcvpc.yaml'));
    await writeFile(join(dir, 'elsewhere', 'a.link.yaml'), SPEC);
    await writeFile(
      join(dir, 'elsewhere', 'b.link.yaml'),
      SPEC.replace('orders_rds', 'order_rds').replace('maxcompute-orders-rds', 'maxcompute-order-rds'),
    );
    await writeFile(join(dir, 'load.sql'), BAD_SQL);
    const one = await mcvpc(['load.sql', '--spec', 'elsewhere/a.link.yaml']);
    assert.equal(one.code, 1, one.stderr);
    const both = await mcvpc(['load.sql', '--spec', 'elsewhere/a.link.yaml', '--spec', 'elsewhere/b.link.yaml', '--json']);
    assert.equal(both.code, 0, both.stdout + both.stderr);
    assert.deepEqual(
      (JSON.parse(both.stdout) as { knownLinks: Array<{ name: string }> }).knownLinks.map((l) => l.name),
      ['orders_rds', 'order_rds'],
    );
  });

  describe('a folder from anywhere (a cloned repository)', () => {
    it('walks a folder with links back to itself to the end, each file once', async () => {
      await mkdir(join(dir, 'jobs'));
      await writeFile(join(dir, 'jobs', 'load.sql'), BAD_SQL);
      await symlink('.', join(dir, 'jobs', 'again'));
      await symlink('..', join(dir, 'jobs', 'up'));
      await symlink(dir, join(dir, 'jobs', 'root'));
      const run = await mcvpc(['jobs']);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(
        run.stdout.trim().split('\n'),
        ['jobs/load.sql:1:30: warning: No known network link is named "order_rds"; did you mean "orders_rds"?'],
        run.stdout,
      );
    });

    it('reads no device, pipe or file outside the folder through a link, and says so', async () => {
      const outside = await mkdtemp(join(tmpdir(), 'mcvpc-lint-outside-'));
      try {
        await writeFile(join(outside, 'secret.sql'), BAD_SQL);
        execFileSync('mkfifo', [join(dir, 'pipe.sql')]);
        await symlink('pipe.sql', join(dir, 'to-pipe.sql'));
        await symlink('/dev/zero', join(dir, 'zero.sql'));
        await symlink(join(outside, 'secret.sql'), join(dir, 'elsewhere.sql'));
        const started = Date.now();
        const run = await mcvpc(['.']);
        assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
        assert.equal(run.code, 1, run.stderr);
        const lines = run.stdout.trim().split('\n').sort();
        assert.deepEqual(lines, [
          `elsewhere.sql: error: a link to ${realpathSync(outside)}/secret.sql, outside .: not followed`,
          'pipe.sql: error: not a regular file (a pipe, socket or device): not read',
          'to-pipe.sql: error: not a regular file (a pipe, socket or device): not read',
          'zero.sql: error: a link to /dev/zero, outside .: not followed',
        ]);
        // Named on the command line, a pipe or a device is still refused, at once.
        const named = await mcvpc(['pipe.sql', 'zero.sql']);
        assert.deepEqual(named.stdout.trim().split('\n').sort(), [
          'pipe.sql: error: is a named pipe, not a regular file; only regular files are read',
          'zero.sql: error: is a device, not a regular file; only regular files are read',
        ]);
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    });

    it('--fix never writes through a link to a file outside the folder', async () => {
      const outside = await mkdtemp(join(tmpdir(), 'mcvpc-lint-outside-'));
      try {
        await writeFile(join(outside, 'shared.sql'), BAD_SQL);
        await symlink(join(outside, 'shared.sql'), join(dir, 'shared.sql'));
        await writeFile(join(dir, 'real.sql'), BAD_SQL);
        await symlink('real.sql', join(dir, 'alias.sql'));
        const run = await mcvpc(['--fix', '.']);
        assert.equal(await readFile(join(outside, 'shared.sql'), 'utf8'), BAD_SQL, 'the file outside is untouched');
        assert.equal(
          await readFile(join(dir, 'real.sql'), 'utf8'),
          BAD_SQL.replace('order_rds', 'orders_rds'),
          'the file inside is fixed once, through its real path',
        );
        assert.match(run.stdout, /^shared\.sql: error: a link to .*, outside \.: not followed$/m);
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    });

    it('shows file names and quoted file content with control and bidi characters escaped', async () => {
      const name = 'x\u001b]0;title\u0007\u202e.sql';
      await writeFile(join(dir, name), 'SET odps.session.networklink=evil\u001b[2J\u2066;\n');
      for (const args of [['.'], ['--json', '.']]) {
        const run = await mcvpc(args);
        assert.equal(run.code, 1);
        assert.ok(
          // eslint-disable-next-line no-control-regex -- finding controls is the point
          !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(run.stdout + run.stderr),
          JSON.stringify(run),
        );
        assert.match(run.stdout, /x\\u001B\]0;title\\u0007\\u202E\.sql/i);
      }
    });
  });
});
