/** The policy rules (src/core/policy) on their fixtures, a repository's config, and the defaults on every sample and the demo. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultPolicy,
  parsePolicyConfig,
  POLICY_RULES,
  PolicyConfigError,
  type PolicyFinding,
  type PolicySettings,
} from '../../src/core/policy';
import { parseSpecFile, policyFindings } from '../../src/connectionSpec';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'policy');

function findings(file: string, settings: PolicySettings = defaultPolicy()): PolicyFinding[] {
  const { specs } = parseSpecFile(readFileSync(file, 'utf8'), file);
  assert.ok(specs.length > 0, `${file} parses to a spec`);
  return policyFindings(specs, settings);
}

/** Where each failing fixture must be caught: the rule, the field and the 1-based line. */
const EXPECTED_FAILURES: Record<string, { path: string; line: number; severity: string }> = {
  MCVPC101: { path: 'securityGroup.create.inboundSource', line: 12, severity: 'error' },
  MCVPC102: { path: 'targets[0].cidr', line: 16, severity: 'error' },
  MCVPC103: { path: 'targets[0].ports[1]', line: 16, severity: 'error' },
  MCVPC105: { path: 'securityGroup.create.name', line: 11, severity: 'error' },
  MCVPC106: { path: 'securityGroup.id', line: 10, severity: 'warning' },
};

describe('policy rules', () => {
  it('has a passing and a failing fixture for every rule a spec decides, and the table has no other rule', () => {
    assert.deepEqual(
      POLICY_RULES.filter((r) => r.liveOnly !== true).map((r) => r.id),
      Object.keys(EXPECTED_FAILURES),
    );
    // Its fixtures are plans: policy.live.test.ts.
    assert.deepEqual(
      POLICY_RULES.filter((r) => r.liveOnly === true).map((r) => r.id),
      ['MCVPC104'],
    );
  });

  for (const rule of POLICY_RULES.filter((r) => r.liveOnly !== true)) {
    it(`${rule.id} ${rule.name}: the passing fixture passes every rule`, () => {
      assert.deepEqual(findings(join(FIXTURES, `${rule.id}.pass.mcvpc.yaml`)), []);
    });
    it(`${rule.id} ${rule.name}: the failing fixture fails this rule alone, at the field`, () => {
      const found = findings(join(FIXTURES, `${rule.id}.fail.mcvpc.yaml`));
      const want = EXPECTED_FAILURES[rule.id]!;
      assert.deepEqual(
        found.map((f) => ({ ruleId: f.ruleId, path: f.path, line: f.range.start.line + 1, severity: f.severity })),
        [{ ruleId: rule.id, path: want.path, line: want.line, severity: want.severity }],
      );
      assert.match(found[0]!.message, /\S/);
    });
    it(`${rule.id}: "off" in the config turns it off`, () => {
      const settings = parsePolicyConfig(JSON.stringify({ mcvpc: { policy: { [rule.id]: 'off' } } }), 'mcvpc.config.json');
      assert.deepEqual(findings(join(FIXTURES, `${rule.id}.fail.mcvpc.yaml`), settings), []);
    });
  }

  it('the defaults pass every sample and the demo', () => {
    const files = [
      ...readdirSync(join(ROOT, 'samples'))
        .filter((n) => n.endsWith('.mcvpc.yaml'))
        .map((n) => join(ROOT, 'samples', n)),
      join(ROOT, 'demo', 'warehouse.mcvpc.yaml'),
    ];
    assert.ok(files.length >= 9, `samples and demo found: ${files.length}`);
    for (const file of files) assert.deepEqual(findings(file), [], file);
  });

  it("a config sets severities and the rules' options", () => {
    const settings = parsePolicyConfig(
      JSON.stringify({
        mcvpc: {
          policy: {
            MCVPC102: { severity: 'warning', minPrefixLength: 25 },
            MCVPC103: { allowedPorts: { custom: [443] } },
            MCVPC106: { allowedExistingGroups: ['sg-bp1e2stw6ulgped3ij1q0'] },
          },
        },
      }),
      'mcvpc.config.json',
    );
    // /24 is now too wide, and a warning; 9200 is not among custom's allowed ports.
    const pass102 = findings(join(FIXTURES, 'MCVPC102.pass.mcvpc.yaml'), settings);
    assert.deepEqual(
      pass102.map((f) => [f.ruleId, f.severity, f.path]),
      [
        ['MCVPC102', 'warning', 'securityGroup.create.inboundSource'],
        ['MCVPC102', 'warning', 'targets[0].cidr'],
        ['MCVPC103', 'error', 'targets[0].ports[0]'],
      ],
    );
    assert.deepEqual(findings(join(FIXTURES, 'MCVPC106.fail.mcvpc.yaml'), settings), []);
  });

  it('a bad config is refused with the file and the key', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ mcvpc: { policy: { MCVPC999: 'off' } } }, /^cfg\.json: mcvpc\.policy: unknown key "MCVPC999" \(rules: MCVPC101/],
      [{ mcvpc: { policy: { MCVPC101: 'loud' } } }, /^cfg\.json: mcvpc\.policy\.MCVPC101: must be one of error, warning, info, off$/],
      [
        { mcvpc: { policy: { MCVPC102: { minPrefixLength: 40 } } } },
        /^cfg\.json: mcvpc\.policy\.MCVPC102\.minPrefixLength: must be <= 32$/,
      ],
      [
        { mcvpc: { policy: { MCVPC103: { allowedPorts: { ecs: [70000] } } } } },
        /^cfg\.json: mcvpc\.policy\.MCVPC103\.allowedPorts\.ecs\.0: must be <= 65535$/,
      ],
      [{ other: 1 }, /^cfg\.json: the top level: must have required property 'mcvpc'$/],
    ];
    for (const [config, message] of cases)
      assert.throws(
        () => parsePolicyConfig(JSON.stringify(config), 'cfg.json'),
        (err: Error) => err instanceof PolicyConfigError && message.test(err.message),
        JSON.stringify(config),
      );
    assert.throws(() => parsePolicyConfig('{ nope', 'cfg.json'), /^PolicyConfigError: cfg\.json: not valid JSON/);
  });
});
