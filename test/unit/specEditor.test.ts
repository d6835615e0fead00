/** The spec editor's pure logic over tables of documents and cursor positions: completion, hover, live checks, problems shown. */
import { strict as assert } from 'node:assert';
import type { RdsInstance } from '../../src/cloud/products/rds';
import type { SecurityGroup, VSwitch, Vpc } from '../../src/core/model';
import { parseSpecFile, specSchema, type SpecProblem } from '../../src/connectionSpec';
import { rdsKind } from '../../src/targets/rds';
import { TARGET_KINDS, targetKind, targetPlanners, type SchemaObject } from '../../src/targets';
import type { CatalogService } from '../../src/ui/specEditor/model/specCatalog';
import { completionItems, idFieldAt, type IdChoices } from '../../src/ui/specEditor/model/specCompletionItems';
import { cursorContext } from '../../src/ui/specEditor/model/specCursor';
import { hoverFor } from '../../src/ui/specEditor/model/specHoverText';
import { closest, editorLiveFindings, type EditorLiveInput } from '../../src/ui/specEditor/model/specLiveChecks';
import { editorProblems, parseDelayMs } from '../../src/ui/specEditor/model/specProblems';
import { idFieldOf } from '../../src/ui/specEditor/model/specSchemaNav';
import { matchLinks } from '../../src/ui/networkView/model/links';

const SCHEMA = specSchema as SchemaObject;
const REGION = 'cn-hangzhou';
const VPC = 'vpc-app1';
const vpc = (vpcId: string, name: string, cidrBlock: string): Vpc => ({
  vpcId,
  regionId: REGION,
  name,
  cidrBlock,
  status: 'Available',
  ownerId: '1',
  isDefault: false,
  vSwitchIds: [],
});
const vSwitch = (vSwitchId: string, zoneId: string, name: string, vpcId = VPC, free = 100): VSwitch => ({
  vSwitchId,
  vpcId,
  zoneId,
  name,
  cidrBlock: '192.168.1.0/24',
  status: 'Available',
  availableIpAddressCount: free,
});
const group = (securityGroupId: string, name: string, extra: Partial<SecurityGroup> = {}): SecurityGroup => ({
  securityGroupId,
  regionId: REGION,
  vpcId: VPC,
  name,
  description: '',
  type: 'normal',
  managedByMaxCompute: false,
  ...extra,
});
const rds = (instanceId: string, description: string, vpcId = VPC): RdsInstance => ({
  kind: 'rds',
  instanceId,
  regionId: REGION,
  description,
  engine: 'MySQL',
  engineVersion: '8.0',
  vpcId,
  vSwitchId: 'vsw-h',
  status: 'Running',
  port: 3306,
});

const VPCS = [vpc(VPC, 'mcvpc-app', '192.168.0.0/16'), vpc('vpc-other', 'other', '10.0.0.0/8')];
const VSWITCHES = [
  vSwitch('vsw-h', 'cn-hangzhou-h', 'app-h', VPC, 50),
  vSwitch('vsw-j', 'cn-hangzhou-j', 'app-j', VPC, 200),
  vSwitch('vsw-b', 'cn-hangzhou-b', 'app-b'),
  vSwitch('vsw-x', 'cn-hangzhou-h', 'elsewhere', 'vpc-other'),
];
const GROUPS = [
  group('sg-basic', 'app-basic'),
  group('sg-adv', 'app-advanced', { type: 'enterprise' }),
  group('sg-mc', `MaxCompute-vpc-${VPC}`, { managedByMaxCompute: true }),
  group('sg-far', 'far', { vpcId: 'vpc-other' }),
];
const SERVICES: CatalogService[] = [
  { kind: rdsKind, resource: rds('rm-orders1', 'orders') },
  { kind: rdsKind, resource: rds('rm-far1', 'far', 'vpc-other') },
];
const CHOICES: IdChoices = { vpcs: VPCS, vSwitches: VSWITCHES, groups: GROUPS, services: SERVICES };

const HEAD = `version: mcvpc/v1\nkind: NetworkLink\nmetadata:\n  name: orders_link\nregion: ${REGION}\nvpc: ${VPC}\n`;

/** Completion at the `|` of a document. */
function complete(marked: string, choices: IdChoices = CHOICES) {
  const ctx = cursorContext(marked.replace('|', ''), marked.indexOf('|'));
  assert.ok(ctx, 'a cursor context');
  return completionItems(SCHEMA, ctx, choices);
}

describe('spec editor: completion', () => {
  const table: Array<[string, string, string[], string[]]> = [
    // [what, document, labels offered (in order, a prefix of the list), labels not offered]
    [
      'top-level keys not yet written, required first',
      `${HEAD}|`,
      ['version'.replace('version', 'vSwitch')],
      ['vpc', 'region', 'metadata'],
    ],
    ['kind of a target: every kind of the table', `${HEAD}targets:\n  - kind: |`, TARGET_KINDS.map((k) => k.kind), []],
    ['inboundSource enum', `${HEAD}securityGroup:\n  create:\n    inboundSource: |`, ['vpc-cidr', 'vswitch-cidr'], []],
    ['VPCs of the region', `${HEAD.replace(`vpc: ${VPC}\n`, '')}vpc: |`, ['vpc-app1', 'vpc-other'], []],
    ['vSwitches of the VPC, supported zones first', `${HEAD}vSwitch: |`, ['vsw-h', 'vsw-j', 'vsw-b'], ['vsw-x']],
    ["the link group: basic, not MaxCompute's, in the VPC", `${HEAD}securityGroup:\n  id: |`, ['sg-basic'], ['sg-adv', 'sg-mc', 'sg-far']],
    ["an RDS target: the VPC's instances", `${HEAD}targets:\n  - kind: rds\n    instance: |`, ['rm-orders1'], ['rm-far1']],
    ['keys of an RDS target', `${HEAD}targets:\n  - kind: rds\n    |`, ['instance'], ['kind', 'cluster']],
    ['regions with network links', `version: mcvpc/v1\nregion: |`, ['cn-hangzhou', 'cn-beijing'], []],
  ];
  for (const [what, doc, offered, absent] of table) {
    it(what, () => {
      const items = complete(doc).sort((a, b) => a.sortText.localeCompare(b.sortText));
      const labels = items.map((i) => i.label);
      for (const label of absent) assert.ok(!labels.includes(label), `${label} offered: ${labels.join(', ')}`);
      if (what.startsWith('top-level')) {
        assert.ok(labels.includes('vSwitch') && labels.includes('securityGroup') && labels.includes('profile'), labels.join(', '));
        assert.ok(labels.indexOf('vSwitch') < labels.indexOf('profile'), 'required keys first');
        return;
      }
      const inOrder = labels.filter((l) => offered.includes(l));
      assert.deepEqual(inOrder.slice(0, offered.length), offered, labels.join(', '));
    });
  }

  it('marks a vSwitch in an unsupported zone, with the reason', () => {
    const b = complete(`${HEAD}vSwitch: |`).find((i) => i.label === 'vsw-b')!;
    assert.equal(b.unusable, true);
    assert.match(b.documentation!, /Zone cn-hangzhou-b does not support MaxCompute network links/);
    assert.equal(complete(`${HEAD}vSwitch: |`).find((i) => i.label === 'vsw-h')!.unusable, false);
  });

  it('adds the name as a trailing comment, unless the line has one', () => {
    assert.equal(
      complete(`${HEAD.replace(`vpc: ${VPC}\n`, '')}vpc: |`).find((i) => i.label === VPC)!.insertText,
      `${VPC}   # mcvpc-app, 192.168.0.0/16`,
    );
    assert.equal(complete(`${HEAD.replace(`vpc: ${VPC}\n`, '')}vpc: |  # the app`).find((i) => i.label === VPC)!.insertText, VPC);
  });

  it('opens a mapping or a list on the next line for keys that take one', () => {
    const items = complete(`${HEAD}|`);
    assert.equal(items.find((i) => i.label === 'securityGroup')!.insertText, 'securityGroup:\n  ');
    assert.equal(items.find((i) => i.label === 'targets')!.insertText, 'targets:\n  - ');
    assert.equal(items.find((i) => i.label === 'vSwitch')!.insertText, 'vSwitch: ');
  });

  it("finds every service kind's id field in its schema fragment, not by its name", () => {
    for (const kind of TARGET_KINDS.filter((k) => k.service !== undefined)) {
      const field = idFieldOf(kind);
      assert.ok(field, `${kind.kind} has an id field`);
      const ctx = cursorContext(`${HEAD}targets:\n  - kind: ${kind.kind}\n    ${field}: `, 10_000)!;
      assert.deepEqual(idFieldAt(SCHEMA, ctx), { resource: 'service', kind: targetKind(kind.kind) });
    }
  });
});

describe('spec editor: hover', () => {
  it('a vSwitch: name, CIDR, zone and its support, console page', () => {
    const hover = hoverFor({ resource: 'vSwitch' }, 'vsw-b', REGION, { vSwitches: VSWITCHES })!;
    const text = hover.lines.join('\n');
    assert.match(text, /\*\*app-b\*\* `vsw-b`/);
    assert.match(text, /192\.168\.1\.0\/24/);
    assert.match(text, /Zone cn-hangzhou-b does not support MaxCompute network links/);
    assert.match(hover.consoleUrl!, /vpc\.console\.aliyun\.com\/vpc\/cn-hangzhou\/switches\/vsw-b/);
  });

  it("a security group: type, MaxCompute's lock, rules summary", () => {
    const rules = [
      {
        direction: 'ingress' as const,
        policy: 'accept' as const,
        protocol: 'TCP' as const,
        portRange: '3306/3306',
        priority: 1,
        peerCidr: '192.168.0.0/16',
      },
    ];
    const text = hoverFor({ resource: 'linkGroup' }, 'sg-mc', REGION, { groups: GROUPS, rules })!.lines.join('\n');
    assert.match(text, /return-traffic groups: never modify it/);
    assert.match(text, /Rules: 1 inbound, 0 outbound/);
    assert.match(
      hoverFor({ resource: 'linkGroup' }, 'sg-adv', REGION, { groups: GROUPS, rules: [] })!.lines.join('\n'),
      /Advanced groups deny outbound/,
    );
  });

  it("a service through its kind's present(): label, kind text, facts; a missing id says so", () => {
    const text = hoverFor({ resource: 'service', kind: rdsKind }, 'rm-orders1', REGION, { services: SERVICES })!.lines.join('\n');
    assert.match(text, /\*\*orders\*\* `rm-orders1` — RDS MySQL 8\.0/);
    assert.match(text, /Port: 3306/);
    assert.match(
      hoverFor({ resource: 'service', kind: rdsKind }, 'rm-nope', REGION, { services: SERVICES })!.lines[0]!,
      /was not found in cn-hangzhou/,
    );
  });
});

/**
 * Markdown as a CommonMark renderer reads it (markdown-it, which @vscode/vsce brings: VS Code's
 * own renderer is not loadable outside the workbench), HTML off as in a MarkdownString.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- markdown-it ships no types
const markdownIt = require('markdown-it') as (options?: object) => { render(text: string): string };
const renderMarkdown = (text: string): string => markdownIt({ html: false, linkify: true }).render(text);

describe('spec editor: names from a shared account are inert', () => {
  // A beacon image, a link, HTML, a heading and a line break that would start a YAML document.
  const HOSTILE =
    'evil ![x](https://beacon.example/p.png) [click](https://evil.example) <img src=https://beacon.example/h.png> `code` *b*\n---\nkind: x\u202e';
  const hostileVpc = vpc('vpc-evil', HOSTILE, '10.0.0.0/8');
  const hostileVSwitch = vSwitch('vsw-evil', 'cn-hangzhou-h', HOSTILE);
  const hostileGroup = group('sg-evil', HOSTILE, { description: HOSTILE });
  const hostileRds: RdsInstance = { ...rds('rm-evil1', HOSTILE), status: HOSTILE };
  const choices: IdChoices = {
    vpcs: [hostileVpc],
    vSwitches: [hostileVSwitch],
    groups: [hostileGroup],
    services: [{ kind: rdsKind, resource: hostileRds }],
  };

  function assertInert(markdown: string, where: string): void {
    const html = renderMarkdown(markdown);
    // Emphasis may stay (a target's own facts use it); nothing may load, link or restructure.
    assert.doesNotMatch(html, /<img|<a |<h\d|<hr/, `${where}: ${html}`);
    assert.doesNotMatch(markdown, /^(---|kind: x)|\u202e/m, `${where} keeps a value on its line, controls escaped`);
    assert.match(html, /!\[x\]\(https:\/\/beacon\.example\/p\.png\)/, `${where} shows the name as text`);
  }

  it('hovers show names, descriptions and facts as text: no image, link or HTML', () => {
    assertInert(hoverFor({ resource: 'vpc' }, 'vpc-evil', REGION, { vpcs: [hostileVpc] })!.lines.join('\n\n'), 'vpc hover');
    assertInert(
      hoverFor({ resource: 'vSwitch' }, 'vsw-evil', REGION, { vSwitches: [hostileVSwitch] })!.lines.join('\n\n'),
      'vSwitch hover',
    );
    assertInert(
      hoverFor({ resource: 'linkGroup' }, 'sg-evil', REGION, { groups: [hostileGroup], rules: [] })!.lines.join('\n\n'),
      'group hover',
    );
    assertInert(
      hoverFor({ resource: 'service', kind: rdsKind }, 'rm-evil1', REGION, {
        services: [{ kind: rdsKind, resource: hostileRds }],
      })!.lines.join('\n\n'),
      'service hover',
    );
    // The id under the cursor comes from the file: shown as code, whatever it holds.
    const html = renderMarkdown(
      hoverFor({ resource: 'vpc' }, 'vpc-`![x](https://beacon.example/i.png)`', REGION, { vpcs: [] })!.lines.join('\n\n'),
    );
    assert.doesNotMatch(html, /<img/, html);
  });

  it('completion documentation shows them as text too', () => {
    const docs = [
      complete(`${HEAD.replace(`vpc: ${VPC}\n`, '')}vpc: |`, choices)[0]!.documentation!,
      complete(`${HEAD.replace(VPC, 'vpc-evil')}vSwitch: |`, { vSwitches: [{ ...hostileVSwitch, vpcId: 'vpc-evil' }] })[0]!.documentation!,
      complete(`${HEAD}securityGroup:\n  id: |`, choices)[0]!.documentation!,
      complete(`${HEAD}targets:\n  - kind: rds\n    instance: |`, choices).find((i) => i.label === 'rm-evil1')!.documentation!,
    ];
    docs.forEach((doc, i) => assert.doesNotMatch(renderMarkdown(doc), /<img|<a |<h\d|<hr/, `documentation ${i}: ${doc}`));
  });

  it('a name inserted as a trailing comment stays one comment line: the document reads the same', () => {
    const before = `${HEAD.replace(`vpc: ${VPC}\n`, '')}vpc: |\nvSwitch: vsw-h\n`;
    const item = complete(before, choices).find((i) => i.label === 'vpc-evil')!;
    assert.doesNotMatch(item.insertText, /[\n\r\u202e]/);
    const text = before.replace('|', item.insertText);
    const { problems } = parseSpecFile(text);
    assert.deepEqual(
      problems.filter((p) => p.code === 'yaml-syntax' || p.code === 'not-a-spec'),
      [],
    );
    assert.equal(text.split('\n').length, before.split('\n').length);
  });
});

describe("spec editor: live checks (the planner's, on the read model)", () => {
  function findings(text: string, input: Partial<EditorLiveInput> = {}) {
    const { specs, problems } = parseSpecFile(text);
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error').map((p) => p.message),
      [],
    );
    const spec = specs[0]!;
    const targets = spec.targets.map((t) => {
      const found = SERVICES.find((s) => s.kind.kind === t.kind && s.kind.service!.idOf(s.resource) === targetKind(t.kind).resourceIdOf(t));
      return found === undefined
        ? { kind: t.kind, whitelist: [], securityGroupIds: [] }
        : { kind: t.kind, resource: found.resource, whitelist: [], securityGroupIds: [] };
    });
    return editorLiveFindings(
      spec,
      { vpcs: VPCS, vSwitches: VSWITCHES, groups: GROUPS, services: SERVICES, targets, ...input },
      targetPlanners,
      text,
    );
  }
  const doc = (lines: { vpc?: string; vSwitch?: string; group?: string; target?: string }) =>
    `version: mcvpc/v1\nkind: NetworkLink\nmetadata:\n  name: orders_link\nregion: ${REGION}\nvpc: ${lines.vpc ?? VPC}\nvSwitch: ${lines.vSwitch ?? 'vsw-h'}\nsecurityGroup:\n  id: ${lines.group ?? 'sg-basic'}\n${lines.target === undefined ? '' : `targets:\n  - kind: rds\n    instance: ${lines.target}\n`}`;

  const table: Array<[string, Parameters<typeof doc>[0], string, string | undefined, string | undefined]> = [
    // [what, document, code, quick-fix replacement, the line of the flagged text]
    ['a VPC that does not exist: the closest id', { vpc: 'vpc-app2' }, 'vpc-not-found', VPC, `vpc: vpc-app2`],
    ['a vSwitch that does not exist: the closest of the VPC', { vSwitch: 'vsw-jj' }, 'vswitch-not-found', 'vsw-j', 'vSwitch: vsw-jj'],
    [
      'a vSwitch in an unsupported zone: the supported one with most room',
      { vSwitch: 'vsw-b' },
      'zone-unsupported',
      'vsw-j',
      'vSwitch: vsw-b',
    ],
    ['a vSwitch of another VPC', { vSwitch: 'vsw-x' }, 'vswitch-other-vpc', 'vsw-j', 'vSwitch: vsw-x'],
    ['an advanced group: a basic one', { group: 'sg-adv' }, 'group-advanced', 'sg-basic', '  id: sg-adv'],
    ["MaxCompute's group: a basic one", { group: 'sg-mc' }, 'group-managed', 'sg-basic', '  id: sg-mc'],
    [
      'a target that does not exist: the closest instance',
      { target: 'rm-orderz1' },
      'target-not-found',
      'rm-orders1',
      '    instance: rm-orderz1',
    ],
    ['a target in another VPC: warned, no obvious fix', { target: 'rm-far1' }, 'target-other-vpc', undefined, '    instance: rm-far1'],
  ];
  for (const [what, lines, code, replacement, flaggedLine] of table) {
    it(what, () => {
      const text = doc(lines);
      const found = findings(text).find((f) => f.check.code === code);
      assert.ok(found, `${code} in ${JSON.stringify(findings(text).map((f) => f.check.code))}`);
      assert.equal(found.check.severity, 'warning');
      assert.equal(found.fix?.newText, replacement);
      const line = text.split('\n')[found.check.range.start.line];
      assert.equal(line, flaggedLine);
    });
  }

  it('finds nothing in a spec that matches the cloud, and leaves RAM and identity checks to Plan', () => {
    assert.deepEqual(
      findings(doc({ target: 'rm-orders1' })).map((f) => f.check.message),
      [],
    );
  });

  describe('a document with schema errors elsewhere still gets its live warnings, from the fields that parse', () => {
    /** The live findings of the file's only document, whose schema errors are `errors` (codes). */
    function partialFindings(text: string, errors: string[]) {
      const { specs, problems, partialSpecs } = parseSpecFile(text);
      assert.deepEqual(specs, [], 'the schema refused the document: nothing to plan');
      assert.deepEqual(
        problems.filter((p) => p.severity === 'error').map((p) => p.code),
        errors,
      );
      assert.equal(partialSpecs?.length, 1, 'what is left of the link');
      const spec = partialSpecs![0]!;
      const targets = spec.targets.map((t) => ({ kind: t.kind, whitelist: [], securityGroupIds: [] }));
      return {
        spec,
        findings: editorLiveFindings(
          spec,
          { vpcs: VPCS, vSwitches: VSWITCHES, groups: GROUPS, services: SERVICES, targets },
          targetPlanners,
          text,
        ),
      };
    }

    it('an unknown key elsewhere: the vSwitch that does not exist is still flagged, at its line, with its fix', () => {
      const text = doc({ vSwitch: 'vsw-jj' }).replace('region:', 'colour: blue\nregion:');
      const { findings: found } = partialFindings(text, ['unknown-property']);
      const finding = found.find((f) => f.check.code === 'vswitch-not-found');
      assert.ok(finding, JSON.stringify(found.map((f) => f.check.code)));
      assert.equal(text.split('\n')[finding.check.range.start.line], 'vSwitch: vsw-jj');
      assert.equal(finding.fix?.newText, 'vsw-j');
    });

    it('a broken target is left out, the others keep their place in the file', () => {
      const text = `${doc({ vSwitch: 'vsw-jj', target: 'rm-orders1' })}    portz: 1\n  - kind: rds\n    instance: rm-orderz1\n`;
      const { spec, findings: found } = partialFindings(text, ['unknown-property']);
      assert.deepEqual(
        spec.targets.map((t) => [t.index, text.split('\n')[t.range.start.line]]),
        [[0, '  - kind: rds']],
      );
      assert.equal(text.split('\n')[spec.targets[0]!.range.start.line + 1], '    instance: rm-orderz1', 'the second target as written');
      assert.deepEqual(found.map((f) => f.check.code).sort(), ['target-not-found', 'vswitch-not-found']);
    });

    it('a bad value of a field drops that field; a link without its vSwitch or VPC is no link', () => {
      assert.equal(parseSpecFile(doc({ vSwitch: '12' }).replace('vSwitch: 12', 'vSwitch: [12]')).partialSpecs, undefined);
      assert.equal(parseSpecFile(doc({}).replace(/^vpc: .*\n/m, '')).partialSpecs, undefined);
    });

    it('a valid document has no partial spec', () => {
      assert.equal(parseSpecFile(doc({})).partialSpecs, undefined);
    });
  });

  it('picks the closest by id or by name', () => {
    assert.equal(
      closest(
        'app-j',
        VSWITCHES,
        (s) => s.vSwitchId,
        (s) => s.name,
      )?.vSwitchId,
      'vsw-j',
    );
    assert.equal(
      closest(
        'vsw-hh',
        VSWITCHES,
        (s) => s.vSwitchId,
        (s) => s.name,
      )?.vSwitchId,
      'vsw-h',
    );
  });
});

describe('spec editor: problems shown', () => {
  const problem = (code: SpecProblem['code']): SpecProblem => ({
    code,
    message: code,
    severity: 'error',
    range: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 1, offset: 1 } },
  });
  it('leaves schema problems to Red Hat YAML while it is active, and only those', () => {
    const all = [
      problem('yaml-syntax'),
      problem('invalid-value'),
      problem('missing-property'),
      problem('duplicate-link-name' as SpecProblem['code']),
    ];
    assert.deepEqual(
      editorProblems(all, false).map((p) => p.code),
      all.map((p) => p.code),
    );
    assert.deepEqual(
      editorProblems(all, true).map((p) => p.code),
      ['yaml-syntax', 'duplicate-link-name'],
    );
  });

  it('parses at once after a keystroke, except in a very large spec', () => {
    assert.equal(parseDelayMs(0), 0);
    assert.equal(parseDelayMs(20_000), 0, 'a 300-line spec');
    assert.ok(parseDelayMs(1_000_000) > 0 && parseDelayMs(1_000_000) <= 300);
  });
});

describe('Network view: a link whose spec has errors', () => {
  it('stays in its VPC, marked with its problem count', () => {
    const invalid = [
      {
        file: 'file:///ws/a.mcvpc.yaml',
        documentIndex: 0,
        name: 'broken_link',
        regionId: REGION,
        vpcId: VPC,
        vSwitchId: 'vsw-h',
        problemCount: 2,
      },
    ];
    const views = matchLinks({ profile: 'main', regionId: REGION, vpcId: VPC, declared: [], detected: [], groups: [], invalid });
    assert.deepEqual(
      views.map((v) => [v.name, v.state, v.invalid?.problemCount]),
      [['broken_link', 'spec-has-problems', 2]],
    );
    assert.deepEqual(
      matchLinks({ profile: 'main', regionId: REGION, vpcId: 'vpc-other', declared: [], detected: [], groups: [], invalid }),
      [],
    );
  });
});

describe('spec editor: New Connection Spec', () => {
  it('scaffolds a spec that validates, with names as comments', async () => {
    const { scaffoldSpec } = await import('../../src/ui/specEditor/model/specScaffold');
    for (const group of [
      { mode: 'create' as const, name: 'maxcompute-orders' },
      { mode: 'existing' as const, id: 'sg-basic', words: 'app-basic' },
    ]) {
      const text = scaffoldSpec({
        name: 'orders_link',
        regionId: REGION,
        vpc: { id: VPC, words: 'mcvpc-app, 192.168.0.0/16' },
        vSwitch: { id: 'vsw-h', words: 'app-h, zone cn-hangzhou-h' },
        group,
        targets: [{ kind: 'rds', idField: idFieldOf(rdsKind)!, id: 'rm-orders1', words: 'orders, RDS MySQL 8.0' }],
      });
      const { specs, problems } = parseSpecFile(text);
      assert.deepEqual(problems, [], text);
      assert.equal(specs[0]!.vpcId, VPC);
      assert.match(text, /instance: rm-orders1 {3}# orders, RDS MySQL 8\.0/);
    }
  });
});

describe('New Connection Spec: the vSwitch pick', () => {
  it('lists supported zones first; an unsupported one is marked, explained and refused', async () => {
    const { vSwitchChoices } = await import('../../src/ui/specEditor/model/newSpecChoices');
    // Given out of order: the unsupported one first, so the order is the function's doing.
    const rows = vSwitchChoices(REGION, [VSWITCHES[2]!, VSWITCHES[1]!, VSWITCHES[0]!]);
    assert.deepEqual(
      rows.map((r) => r.vSwitch.vSwitchId),
      ['vsw-h', 'vsw-j', 'vsw-b'],
    );
    assert.deepEqual(
      rows.map((r) => r.refusal === undefined),
      [true, true, false],
    );
    const unsupported = rows[2]!;
    assert.equal(unsupported.label, '$(circle-slash) app-b');
    assert.match(unsupported.description, /vsw-b · cn-hangzhou-b · not supported/);
    assert.match(unsupported.detail!, /Zone cn-hangzhou-b does not support MaxCompute network links; supported zones in cn-hangzhou: /);
    assert.match(unsupported.refusal!, /^app-b cannot hold the link: zone cn-hangzhou-b .*Choose a vSwitch in a supported zone\.$/);
    assert.equal(rows[0]!.label, 'app-h');
    assert.equal(rows[0]!.detail, undefined);
  });

  it('a region without network links refuses every vSwitch', async () => {
    const { vSwitchChoices } = await import('../../src/ui/specEditor/model/newSpecChoices');
    assert.deepEqual(
      vSwitchChoices('xx-nowhere-1', [VSWITCHES[0]!]).map((r) => r.refusal !== undefined),
      [true],
    );
  });
});

describe('New Connection Spec: the link group pick', () => {
  const group = (id: string, name: string) => ({
    securityGroupId: id,
    regionId: REGION,
    vpcId: VPC,
    name,
    description: '',
    type: 'normal' as const,
    managedByMaxCompute: false,
  });
  const eni = (id: string, groups: string[], more: { instanceId?: string; serviceManaged?: boolean } = {}) => ({
    networkInterfaceId: id,
    vpcId: VPC,
    vSwitchId: 'vsw-h',
    zoneId: 'cn-hangzhou-h',
    privateIpAddress: '192.168.0.9',
    securityGroupIds: groups,
    serviceManaged: more.serviceManaged ?? false,
    status: 'InUse',
    type: more.instanceId ? 'Primary' : 'Secondary',
    ...(more.instanceId ? { instanceId: more.instanceId } : {}),
  });

  it('offers a new group first, then the unused groups; a group in use is listed last, says who uses it, and is refused', async () => {
    const { groupChoices } = await import('../../src/ui/specEditor/model/newSpecChoices');
    const rows = groupChoices(
      [group('sg-kafka', 'kafka-sg'), group('sg-free', 'free'), group('sg-shared', '')],
      [
        eni('eni-1', ['sg-kafka'], { instanceId: 'i-kafka' }),
        eni('eni-2', ['sg-shared', 'sg-kafka'], { serviceManaged: true }),
        eni('eni-3', ['sg-shared']),
      ],
    );
    assert.deepEqual(
      rows.map((r) => (r.value === 'new' ? 'new' : r.value.id)),
      ['new', 'sg-free', 'sg-kafka', 'sg-shared'],
    );
    assert.deepEqual(
      rows.map((r) => r.refusal === undefined),
      [true, true, false, false],
    );
    const kafka = rows[2]!;
    assert.equal(kafka.label, '$(circle-slash) kafka-sg');
    assert.equal(kafka.detail, 'Used by instance i-kafka and 1 service-managed network interface');
    assert.match(
      kafka.refusal!,
      /^kafka-sg guards instance i-kafka and 1 service-managed network interface: the link's group must guard the link's network interfaces alone\. Choose a group no one uses, or a new one\.$/,
    );
    // A nameless group is named by its id.
    assert.match(rows[3]!.label, /sg-shared$/);
    assert.equal(rows[3]!.detail, 'Used by 1 service-managed network interface and 1 other network interface');
  });

  it("names two instances and counts the rest, and counts a link's interfaces once each", async () => {
    const { groupChoices } = await import('../../src/ui/specEditor/model/newSpecChoices');
    const busy = ['i-1', 'i-2', 'i-3', 'i-4'].map((i, n) => eni(`eni-${n}`, ['sg-busy'], { instanceId: i }));
    const link = ['eni-a', 'eni-b'].map((id) => eni(id, ['sg-busy'], { serviceManaged: true }));
    assert.equal(
      groupChoices([group('sg-busy', 'busy')], [...busy, ...link])[1]!.detail,
      'Used by instance i-1, instance i-2, 2 more instances and 2 service-managed network interfaces',
    );
    assert.equal(groupChoices([group('sg-busy', 'busy')], link)[1]!.detail, 'Used by 2 service-managed network interfaces');
  });
});

describe('New Connection Spec: where the spec is saved', () => {
  it('keeps a *.mcvpc.yaml name, takes a doubled ending once, and gives other names the ending', async () => {
    const { specSavePath } = await import('../../src/ui/specEditor/model/newSpecChoices');
    const table: Array<[string, string, boolean]> = [
      ['/w/orders.mcvpc.yaml', '/w/orders.mcvpc.yaml', false],
      // What code-server's save dialog returned for a typed "orders.mcvpc.yaml" with the filter ['mcvpc.yaml'].
      ['/w/orders.mcvpc.yaml.mcvpc.yaml', '/w/orders.mcvpc.yaml', false],
      ['/w/Orders.MCVPC.YAML', '/w/Orders.mcvpc.yaml', false],
      ['/w/orders.yaml', '/w/orders.mcvpc.yaml', true],
      ['/w/orders.yml', '/w/orders.mcvpc.yaml', true],
      ['/w/orders', '/w/orders.mcvpc.yaml', true],
      ['/w/my.mcvpc', '/w/my.mcvpc.mcvpc.yaml', true],
    ];
    for (const [chosen, path, renamed] of table) assert.deepEqual(specSavePath(chosen), { path, renamed }, chosen);
  });
});

describe('New Connection Spec: the link name offered', () => {
  const links = [
    { name: 'mcvpc_app_link', regionId: REGION, vpcId: VPC, source: 'a.mcvpc.yaml' },
    { name: 'mcvpc_app_link_2', regionId: REGION, vpcId: VPC, source: 'b.mcvpc.yaml' },
    { name: 'other_link', regionId: 'cn-shanghai', vpcId: 'vpc-sh', source: 'c.mcvpc.yaml' },
    { regionId: REGION, vpcId: 'vpc-x', source: 'detected in the cloud' },
  ];
  it("proposes <vpc>_link in MaxCompute's alphabet, numbered past the names the region already has", async () => {
    const { proposedLinkName } = await import('../../src/ui/specEditor/model/newSpecChoices');
    assert.equal(proposedLinkName('orders-db', REGION, links), 'orders_db_link');
    assert.equal(proposedLinkName('mcvpc-app', REGION, links), 'mcvpc_app_link_3');
    assert.equal(proposedLinkName('9lives', REGION, []), 'link_lives_link');
    assert.equal(proposedLinkName('', REGION, []), 'vpc_link');
    // Another region's link of that name is another link.
    assert.equal(proposedLinkName('other', REGION, links), 'other_link');
  });
  it('warns (does not refuse) a name a link of the region already has, saying where it is from', async () => {
    const { linkNameWarning } = await import('../../src/ui/specEditor/model/newSpecChoices');
    assert.equal(
      linkNameWarning('mcvpc_app_link', REGION, links),
      `A link named mcvpc_app_link is already known in ${REGION} (a.mcvpc.yaml, VPC ${VPC}): a second spec of that name describes the same link.`,
    );
    assert.equal(linkNameWarning('other_link', REGION, links), undefined);
    assert.equal(linkNameWarning('fresh_link', REGION, links), undefined);
  });
});

describe('New Connection Spec: the region pick', () => {
  it("offers the regions with network links, the profile's region first and named so", async () => {
    const { regionChoices } = await import('../../src/ui/specEditor/model/newSpecChoices');
    const { SUPPORTED_REGIONS } = await import('../../src/core/zones');
    const rows = regionChoices('cn-shanghai');
    assert.deepEqual(rows.map((r) => r.value).sort(), SUPPORTED_REGIONS.map((r) => r.regionId).sort());
    assert.equal(rows[0]!.value, 'cn-shanghai');
    assert.match(rows[0]!.description, /the profile's region$/);
    assert.ok(rows.slice(1).every((r) => !r.description.includes('profile')));
    // A profile region without network links: the list as it is, nothing marked.
    assert.deepEqual(
      regionChoices('xx-nowhere-1').map((r) => r.value),
      SUPPORTED_REGIONS.map((r) => r.regionId),
    );
  });
});
