import { strict as assert } from 'node:assert';
import type { EmrTargetSpec } from '../../src/targets/emr';
import type { HBaseTargetSpec } from '../../src/targets/hbase';
import type { RdsTargetSpec } from '../../src/targets/rds';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpecFile, hasErrors, type SpecProblem, type SourceRange } from '../../src/connectionSpec';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'spec', name), 'utf8');

/** [code, severity, startLine, startColumn, endLine, endColumn, message] */
type Expected = [string, string, number, number, number, number, string];
const compact = (problems: SpecProblem[]): Expected[] =>
  problems.map((p) => [p.code, p.severity, p.range.start.line, p.range.start.column, p.range.end.line, p.range.end.column, p.message]);
const at = (range: SourceRange): [number, number, number, number] => [
  range.start.line,
  range.start.column,
  range.end.line,
  range.end.column,
];

describe('spec: valid files', () => {
  it('fills in defaults and keeps every document', () => {
    const { specs, problems } = parseSpecFile(fixture('validDefaults.mcvpc.yaml'));
    assert.deepEqual(problems, []);
    assert.equal(specs.length, 2);
    const [first, second] = specs;
    assert.equal(first!.networkLinkName, 'lake_link');
    assert.equal(first!.regionId, 'cn-beijing');
    assert.deepEqual(first!.securityGroup.mode === 'existing' && first!.securityGroup.securityGroupId, 'sg-2ze0ghi');
    const [rds, hbase, emrTarget] = first!.targets;
    const emr = emrTarget as EmrTargetSpec;
    assert.deepEqual(rds!.kind === 'rds' && (rds as RdsTargetSpec).access, { mode: 'whitelist', whitelistGroup: 'maxcompute' });
    assert.equal(rds!.label, 'rds rm-2ze0jkl');
    assert.equal(rds!.labelGiven, false);
    assert.deepEqual(hbase!.kind === 'hbase' && (hbase as HBaseTargetSpec).access, { mode: 'securityGroup' });
    assert.ok(emr.kind === 'emr');
    assert.deepEqual(emr.ports, [9083, 8020, 50010]);
    assert.equal(emr.portsDefaulted, true);
    assert.equal(emr.clusterId, 'c-0123abcd');
    assert.equal(emr.securityGroupId, undefined);
    assert.equal(first!.profile, undefined);

    assert.equal(second!.documentIndex, 1);
    assert.equal(second!.networkLinkName, 'second-link');
    assert.equal(second!.description, 'flow style works too');
    assert.equal(second!.profile, 'prod');
    assert.deepEqual(second!.targets, []);
    const group = second!.securityGroup;
    assert.ok(group.mode === 'create');
    assert.equal(group.name, 'mc:link.2');
    assert.deepEqual(group.inboundSource, { kind: 'cidr', cidr: '10.0.0.0/8' });
    assert.equal(group.allowWholeInternet, false);
  });

  it('records the source range of each field', () => {
    const { specs } = parseSpecFile(fixture('validDefaults.mcvpc.yaml'));
    const [first, second] = specs;
    assert.deepEqual(at(first!.ranges.vpcId), [6, 5, 6, 16]);
    assert.deepEqual(at(first!.ranges.networkLinkName), [4, 8, 4, 17]);
    assert.deepEqual(at(first!.targets[0]!.range), [11, 4, 12, 24]);
    const emr = first!.targets[2] as EmrTargetSpec;
    assert.ok(emr.kind === 'emr');
    assert.deepEqual(at(emr.ranges.cluster), [17, 13, 17, 23]);
    // Defaulted ports point at the target itself.
    assert.deepEqual(emr.ranges.ports, emr.range);
    assert.deepEqual(at(second!.ranges.networkLinkName), [21, 18, 21, 29]);
    assert.ok(second!.securityGroup.mode === 'create');
    assert.deepEqual(at(second!.securityGroup.ranges.inboundSource), [29, 19, 29, 29]);
    assert.equal(second!.range.start.line, 19);
    assert.equal(first!.ranges.vpcId.start.offset, fixture('validDefaults.mcvpc.yaml').indexOf('vpc-2ze0abc'));
  });

  it('reads CRLF files with the same lines and columns', () => {
    const text = fixture('validDefaults.mcvpc.yaml').replace(/\n/g, '\r\n');
    const { specs, problems } = parseSpecFile(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(at(specs[0]!.ranges.vpcId), [6, 5, 6, 16]);
  });

  it('gives explicit EMR ports one range each', () => {
    const { specs, problems } = parseSpecFile(readFileSync(join(__dirname, '..', '..', 'samples', 'emr.mcvpc.yaml'), 'utf8'));
    assert.deepEqual(problems, []);
    const emr = specs[0]!.targets[0] as EmrTargetSpec;
    assert.ok(emr.kind === 'emr');
    assert.equal(emr.portsDefaulted, false);
    assert.deepEqual(emr.ranges.portItems.map(at), [
      [20, 12, 20, 16],
      [20, 18, 20, 22],
      [20, 24, 20, 29],
    ]);
  });
});

describe('spec: schema problems', () => {
  it('reports each schema error once, on the exact text, in the user’s words', () => {
    const { specs, problems } = parseSpecFile(fixture('invalidSchema.mcvpc.yaml'));
    assert.equal(specs.length, 0);
    assert.deepEqual(compact(problems), [
      ['invalid-value', 'error', 0, 9, 0, 17, 'version: expected mcvpc/v1, got "mcvpc/v2"'],
      [
        'invalid-value',
        'error',
        3,
        8,
        3,
        14,
        'metadata.name: "9lives" is not valid. A link name starts with a letter and contains only letters, digits, _ and -.',
      ],
      [
        'wrong-id-kind',
        'error',
        5,
        5,
        5,
        15,
        'vpc: "vsw-bp1abc" is a vSwitch id, but this needs a VPC id. A VpcId starts with vpc- (like vpc-bp1abc2def3).',
      ],
      ['wrong-type', 'error', 6, 0, 6, 7, 'vSwitch: is empty; expected text'],
      ['unknown-property', 'error', 7, 0, 7, 7, 'unknown property `vswitch`; did you mean `vSwitch`?'],
      ['invalid-value', 'error', 8, 0, 8, 13, 'securityGroup: give exactly one of id (an existing basic group) or create (a new one).'],
      [
        'invalid-value',
        'error',
        16,
        12,
        16,
        22,
        'targets[0].access: "whitelists" is not one of whitelist or securityGroup; did you mean whitelist?',
      ],
      ['invalid-port', 'error', 19, 18, 19, 23, 'targets[1].ports[1]: 70000 is not a port (1–65535)'],
      ['duplicate-port', 'error', 19, 25, 19, 29, 'targets[1].ports[2]: port 9083 is listed twice (also at [0])'],
      ['invalid-port', 'error', 19, 31, 19, 37, 'targets[1].ports[3]: "hive" is not a port (1–65535)'],
      ['invalid-value', 'error', 20, 10, 20, 15, 'targets[2].kind: "redis" is not one of rds, polardb, hbase, lindorm, emr, ecs or custom'],
      ['missing-property', 'error', 22, 4, 22, 16, 'targets[3]: missing `name` (What this service is, shown in plans and the editor.)'],
      [
        'missing-property',
        'error',
        22,
        4,
        22,
        16,
        'targets[3]: missing `ports` (TCP ports MaxCompute must reach, each 1–65535, each once.)',
      ],
    ]);
    assert.ok(problems.every((p) => p.documentIndex === 0));
    assert.equal(problems.find((p) => p.code === 'invalid-port')!.path, 'targets[1].ports[1]');
    assert.equal(problems.find((p) => p.code === 'unknown-property')!.path, 'vswitch');
  });

  it('points a missing top-level property at the first line and never uses ajv jargon', () => {
    const { problems } = parseSpecFile(
      'version: mcvpc/v1\nkind: NetworkLink\nmetadata: {name: abc}\nregion: cn-hangzhou\nvSwitch: vsw-1\nsecurityGroup: {id: sg-1}\n',
    );
    assert.deepEqual(compact(problems), [
      ['missing-property', 'error', 0, 0, 0, 17, 'missing `vpc` (VpcId of the VPC that holds the services (vpc-…).)'],
    ]);
    const { problems: more } = parseSpecFile(fixture('invalidSchema.mcvpc.yaml'));
    for (const p of [...problems, ...more]) assert.doesNotMatch(p.message, /must NOT|must have|must be equal|must match/);
  });

  it('asks for exactly one of cluster or securityGroup on an EMR target', () => {
    const base =
      'version: mcvpc/v1\nkind: NetworkLink\nmetadata: {name: abc}\nregion: cn-hangzhou\nvpc: vpc-1\nvSwitch: vsw-1\nsecurityGroup: {id: sg-1}\ntargets:\n';
    const both = parseSpecFile(`${base}  - kind: emr\n    cluster: c-1\n    securityGroup: sg-2\n`);
    assert.deepEqual(compact(both.problems), [
      [
        'invalid-value',
        'error',
        8,
        4,
        8,
        13,
        'targets[0]: give exactly one of cluster (the EMR ClusterId, c-…) or securityGroup (the cluster’s security group, sg-…).'.replace(
          '’',
          "'",
        ),
      ],
    ]);
    const wrongGroup = parseSpecFile(`${base}  - kind: emr\n    securityGroup: vsw-2\n`);
    assert.deepEqual(
      compact(wrongGroup.problems).map((p) => p.slice(0, 6)),
      [['wrong-id-kind', 'error', 9, 19, 9, 24]],
    );
  });

  it('explains a bad inboundSource in one message', () => {
    const text =
      'version: mcvpc/v1\nkind: NetworkLink\nmetadata: {name: abc}\nregion: cn-hangzhou\nvpc: vpc-1\nvSwitch: vsw-1\nsecurityGroup:\n  create: {name: grp, inboundSource: the-vpc}\n';
    assert.deepEqual(compact(parseSpecFile(text).problems), [
      [
        'invalid-value',
        'error',
        7,
        37,
        7,
        44,
        'securityGroup.create.inboundSource: use vpc-cidr, vswitch-cidr or an IPv4 CIDR block like 192.168.0.0/16.',
      ],
    ]);
  });

  it('underlines where an alias is used, not where its anchor is', () => {
    const text =
      'version: mcvpc/v1\nkind: NetworkLink\nmetadata: {name: abc}\nregion: cn-hangzhou\nvpc: &v vpc-1\nvSwitch: *v\nsecurityGroup: {id: sg-1}\n';
    assert.deepEqual(
      compact(parseSpecFile(text).problems).map((p) => p.slice(0, 6)),
      [['wrong-id-kind', 'error', 5, 9, 5, 11]],
    );
  });
});

describe('spec: semantic problems', () => {
  it('finds duplicates, bad CIDRs, 0.0.0.0/0, unsupported regions and managed group names', () => {
    const { specs, problems } = parseSpecFile(fixture('invalidSemantic.mcvpc.yaml'));
    assert.equal(specs.length, 2, 'semantic problems do not remove a structurally valid spec');
    assert.ok(hasErrors(problems));
    const supported =
      'cn-hangzhou, cn-beijing, cn-shanghai, cn-zhangjiakou, cn-wulanchabu, cn-shenzhen, cn-hongkong, cn-shanghai-finance-1, ap-northeast-1, ap-southeast-1, ap-southeast-3, ap-southeast-5, eu-central-1, us-west-1, us-east-1';
    assert.deepEqual(compact(problems), [
      [
        'unsupported-region',
        'error',
        4,
        8,
        4,
        18,
        `region: MaxCompute network links are not available in cn-chengdu; supported regions: ${supported}`,
      ],
      [
        'managed-group-name',
        'error',
        9,
        10,
        9,
        32,
        'securityGroup.create.name: "MaxCompute-vpc-vpc-abc" is the name of a group MaxCompute creates for return traffic; choose another name',
      ],
      [
        'whole-internet',
        'error',
        10,
        19,
        10,
        28,
        "securityGroup.create.inboundSource: 0.0.0.0/0 would let the whole internet into the link's security group; use vpc-cidr, or set allowWholeInternet: true if you really mean it",
      ],
      [
        'ignored-property',
        'warning',
        16,
        20,
        16,
        30,
        'targets[0].whitelistGroup: is ignored because access is securityGroup; remove it, or set access: whitelist',
      ],
      [
        'duplicate-target-name',
        'error',
        18,
        10,
        18,
        12,
        'targets[1].name: the name "db" is already used by targets[0]; give each target its own name',
      ],
      [
        'duplicate-target',
        'error',
        19,
        14,
        19,
        20,
        'targets[1]: the RDS instance rm-abc is already a target (targets[0]); list each service once',
      ],
      [
        'shared-whitelist-group',
        'warning',
        20,
        20,
        20,
        27,
        `targets[1].whitelistGroup: "default" is shared with other clients; a dedicated group such as maxcompute lets you remove MaxCompute's access cleanly`,
      ],
      ['invalid-cidr', 'warning', 23, 10, 23, 24, 'targets[2].cidr: "192.168.1.7/24" has host bits set; the block is 192.168.1.0/24'],
      [
        'invalid-cidr',
        'error',
        27,
        10,
        27,
        22,
        'targets[3].cidr: "300.1.1.1/32" is not an IPv4 address or CIDR block (like 192.168.0.0/16)',
      ],
      [
        'duplicate-link-name',
        'error',
        33,
        8,
        33,
        19,
        'metadata.name: the link name "shared_name" is already used on line 4; each network link needs its own name',
      ],
      [
        'whole-internet',
        'warning',
        40,
        19,
        40,
        28,
        "securityGroup.create.inboundSource: 0.0.0.0/0 lets the whole internet into the link's security group (allowed by allowWholeInternet: true); vpc-cidr is enough for return traffic",
      ],
    ]);
    assert.deepEqual(
      problems.map((p) => p.documentIndex),
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
    );
  });

  it('treats the same block written two ways as the same custom target', () => {
    const text =
      'version: mcvpc/v1\nkind: NetworkLink\nmetadata: {name: abc}\nregion: cn-hangzhou\nvpc: vpc-1\nvSwitch: vsw-1\nsecurityGroup: {id: sg-1}\ntargets:\n  - {kind: custom, name: a, cidr: 10.0.0.0/8, ports: [1, 2]}\n  - {kind: custom, name: b, cidr: 10.0.0.0/8, ports: [2, 1]}\n';
    assert.deepEqual(
      parseSpecFile(text).problems.map((p) => p.code),
      ['duplicate-target'],
    );
  });
});

describe('spec: other YAML', () => {
  it('says a Kubernetes manifest is not a spec, once', () => {
    assert.deepEqual(compact(parseSpecFile(fixture('kubernetes.yaml')).problems), [
      [
        'not-a-spec',
        'error',
        1,
        6,
        1,
        16,
        'this is not a MaxCompute VPC Connect spec: expected `kind: NetworkLink`, found `kind: Deployment` (this looks like a Kubernetes manifest)',
      ],
    ]);
  });

  it('says a Docker Compose file is not a spec, once', () => {
    assert.deepEqual(compact(parseSpecFile(fixture('docker-compose.yml')).problems), [
      [
        'not-a-spec',
        'error',
        0,
        0,
        0,
        14,
        'this is not a MaxCompute VPC Connect spec: expected `kind: NetworkLink` (this looks like a Docker Compose file)',
      ],
    ]);
  });

  it('treats a misspelt kind as a typo, not as another format', () => {
    const text =
      'version: mcvpc/v1\nkind: NetworkLnk\nmetadata: {name: abc}\nregion: cn-hangzhou\nvpc: vpc-1\nvSwitch: vsw-1\nsecurityGroup: {id: sg-1}\n';
    assert.deepEqual(compact(parseSpecFile(text).problems), [
      ['invalid-value', 'error', 1, 6, 1, 16, 'kind: expected NetworkLink, got "NetworkLnk"'],
    ]);
  });

  it('reads a spec document next to a foreign one', () => {
    const text = `${fixture('kubernetes.yaml')}---\n${fixture('validDefaults.mcvpc.yaml')}`;
    const { specs, problems } = parseSpecFile(text);
    assert.deepEqual(
      problems.map((p) => [p.code, p.documentIndex]),
      [['not-a-spec', 0]],
    );
    assert.deepEqual(
      specs.map((s) => s.documentIndex),
      [1, 2],
    );
  });
});

describe('spec: document markers', () => {
  const samplesDir = join(__dirname, '..', '..', 'samples');
  for (const name of ['rds.mcvpc.yaml', 'emr.mcvpc.yaml', 'custom.mcvpc.yaml', 'several.mcvpc.yaml']) {
    it(`${name}: a document-end marker (...) changes nothing`, () => {
      const text = readFileSync(join(samplesDir, name), 'utf8');
      assert.deepEqual(parseSpecFile(`${text}...\n`), parseSpecFile(text));
    });
  }
});
