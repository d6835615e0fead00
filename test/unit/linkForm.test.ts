import { strict as assert } from 'node:assert';
import type { Plan } from '../../src/core/plan';
import { hasErrors, parseSpecFile } from '../../src/connectionSpec';
import type { WebviewMessage } from '../../src/shared/protocol';
import type { FormContext } from '../../src/ui/linkForm/model/formContext';
import {
  applying,
  finished,
  planned,
  stepFinished,
  stepStarted,
  waitingForConsole,
  type RunState,
} from '../../src/ui/linkForm/model/formRun';
import { formSpecText } from '../../src/ui/linkForm/model/formSpec';
import { canPlan, loadingState, reduce, validate, withContext, type FormPreset } from '../../src/ui/linkForm/model/formState';
import { formView } from '../../src/ui/linkForm/model/formView';
import { ACCOUNT, formContext, vpc } from './builders/formBuilders';

function open(context: FormContext = formContext(), preset: FormPreset = {}): RunState {
  return withContext(loadingState(context.regionId, context.vpc.vpcId), context, preset);
}

function send(state: RunState, ...messages: WebviewMessage[]): RunState {
  return messages.reduce<RunState>((s, m) => reduce(s, m), state);
}

const set = (field: Extract<WebviewMessage, { type: 'setField' }>['field'], value: string): WebviewMessage => ({
  type: 'setField',
  field,
  value,
});
const tick = (key: string, selected = true): WebviewMessage => ({ type: 'setTarget', key, selected });

/** A plan with one check, as the planner would refuse. */
function refusedPlan(code: string, message: string): Plan {
  return {
    formatVersion: 1,
    networkLinkName: 'x',
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-app',
    specHash: '',
    fingerprint: '',
    refused: true,
    checks: [
      {
        code: code as never,
        severity: 'error',
        message,
        range: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } },
      },
    ],
    steps: [],
    summary: { add: 0, change: 0, remove: 0, unchanged: 0, manual: 0 },
  };
}

describe('the Create Network Link form (state machine)', () => {
  describe('validation over a table', () => {
    const cases: Array<{ name: string; state: () => RunState; field?: string; problem?: RegExp; error: RegExp }> = [
      { name: 'nothing chosen', state: () => open(), error: /Choose at least one service/ },
      {
        name: 'an unsupported zone',
        state: () => send(open(), tick('rds:rm-orders'), set('vSwitchId', 'vsw-a')),
        field: 'vSwitchId',
        error: /cn-hangzhou-a/,
      },
      {
        name: 'no vSwitch chosen',
        state: () => send(open(), tick('rds:rm-orders'), set('vSwitchId', '')),
        field: 'vSwitchId',
        error: /Choose the vSwitch/,
      },
      {
        name: 'an advanced group',
        state: () => send(open(), tick('rds:rm-orders'), set('groupMode', 'existing'), set('existingGroupId', 'sg-adv')),
        field: 'existingGroupId',
        error: /advanced group: it denies outbound/,
      },
      {
        name: "MaxCompute's managed group",
        state: () => send(open(), tick('rds:rm-orders'), set('groupMode', 'existing'), set('existingGroupId', 'sg-mc')),
        field: 'existingGroupId',
        error: /MaxCompute's own return-traffic group/,
      },
      {
        name: 'a group in use',
        state: () => send(open(), tick('rds:rm-orders'), set('groupMode', 'existing'), set('existingGroupId', 'sg-used')),
        field: 'existingGroupId',
        error: /in use by eni-web1/,
      },
      {
        name: 'no existing group chosen',
        state: () => send(open(), tick('rds:rm-orders'), set('groupMode', 'existing')),
        field: 'existingGroupId',
        error: /Choose an unused basic security group/,
      },
      {
        name: 'a duplicate link name',
        state: () => send(open(), tick('rds:rm-orders'), set('name', 'orders_rds')),
        field: 'name',
        error: /already declared in cn-hangzhou/,
      },
      {
        name: "a name against MaxCompute's rule",
        state: () => send(open(), tick('rds:rm-orders'), set('name', '9lives')),
        field: 'name',
        error: /letter/,
      },
      { name: 'an empty name', state: () => send(open(), tick('rds:rm-orders'), set('name', '')), field: 'name', error: /Enter a name/ },
      {
        name: 'a VPC of another account',
        state: () => send(open(formContext({ vpc: vpc({ ownerId: '999' }) })), tick('rds:rm-orders')),
        field: 'vpcId',
        error: /belongs to account 999, not to 1234567890123456/,
      },
      {
        name: "no ENI authorization (from the plan's checks)",
        state: () =>
          planned(
            send(open(), tick('rds:rm-orders')),
            refusedPlan('eni-role-missing', 'MaxCompute is not authorized to create network interfaces: click Authorize in the console.'),
          ),
        error: /not authorized to create network interfaces/,
      },
      {
        name: "an unsupported zone (from the plan's checks)",
        state: () => planned(send(open(), tick('rds:rm-orders')), refusedPlan('zone-unsupported', 'zone cn-hangzhou-h is not supported')),
        field: 'vSwitchId',
        error: /not supported/,
      },
      {
        name: "a group to create whose name an instance's group has (from the plan's checks)",
        state: () =>
          planned(
            send(open(), tick('rds:rm-orders')),
            refusedPlan('group-in-use', 'A security group named "maxcompute-x" already exists and guards instance i-web'),
          ),
        field: 'groupName',
        error: /guards instance i-web/,
      },
      {
        name: "a group name of MaxCompute's",
        state: () => send(open(), tick('rds:rm-orders'), set('groupName', 'MaxCompute-vpc-vpc-app')),
        field: 'groupName',
        error: /MaxCompute's own/,
      },
      {
        name: 'a target without ports',
        state: () =>
          send(
            open(),
            tick('emr:c-etl'),
            { type: 'setTargetPort', key: 'emr:c-etl', port: 9083, selected: false },
            { type: 'setTargetPort', key: 'emr:c-etl', port: 8020, selected: false },
            { type: 'setTargetPort', key: 'emr:c-etl', port: 50010, selected: false },
          ),
        error: /Tick at least one port/,
      },
      {
        name: 'a custom block without ports',
        state: () => send(open(), set('customCidr', '192.168.2.0/24')),
        field: 'customPorts',
        error: /TCP ports between 1 and 65535/,
      },
      {
        name: 'a malformed custom block',
        state: () => send(open(), set('customCidr', '192.168.300.0/24'), set('customPorts', '9200')),
        field: 'customCidr',
        error: /./,
      },
    ];
    for (const c of cases) {
      it(`refuses ${c.name}, and says so where it is`, () => {
        const state = c.state();
        const validation = validate(state);
        assert.equal(canPlan(state, validation), false);
        const view = formView(state);
        assert.equal(view.canPlan, false);
        const said =
          c.field !== undefined
            ? (validation.fields as Record<string, string | undefined>)[c.field]
            : [...validation.problems, ...validation.todo, ...Object.values(validation.targets)].join('\n');
        assert.match(said ?? '(nothing)', c.error);
        if (c.field !== undefined)
          assert.match(view.fields[c.field as keyof typeof view.fields].error ?? '', c.error, 'the view shows the error at its field');
      });
    }

    it("accepts the seed's choice: a new basic group, a supported vSwitch, an RDS instance", () => {
      const state = send(open(), tick('rds:rm-orders'));
      assert.deepEqual(validate(state).fields, {});
      assert.equal(canPlan(state), true);
    });
  });

  describe('cascade and defaults', () => {
    it("starts on a vSwitch whose zone supports links, a new group named after the link, whitelist for RDS and HBase, EMR's three ports", () => {
      const view = formView(open());
      assert.equal(view.phase, 'edit');
      assert.equal(view.fields.vSwitchId.value, 'vsw-h');
      const zoneA = view.fields.vSwitchId.options!.find((o) => o.value === 'vsw-a')!;
      assert.equal(zoneA.disabled, true);
      assert.match(zoneA.reason ?? '', /cn-hangzhou-a/);
      assert.equal(view.fields.groupMode.value, 'create');
      assert.equal(view.fields.groupName.value, `maxcompute-${view.fields.name.value}`);
      const [rdsGroup, hbaseGroup, emrGroup] = view.targets;
      assert.deepEqual(
        view.targets.map((g) => g.kind),
        ['rds', 'hbase', 'emr'],
      );
      assert.equal(rdsGroup!.targets[0]!.access?.value, 'whitelist');
      assert.deepEqual(
        rdsGroup!.targets[0]!.ports.map((p) => [p.port, p.fixed]),
        [[3306, true]],
      );
      assert.deepEqual(
        hbaseGroup!.targets[0]!.ports.map((p) => p.port),
        [2181, 16000, 16020],
      );
      assert.deepEqual(
        emrGroup!.targets[0]!.ports.filter((p) => p.selected).map((p) => p.port),
        [9083, 8020, 50010],
      );
      assert.deepEqual(
        emrGroup!.targets[0]!.ports.filter((p) => !p.selected).map((p) => p.port),
        [9000, 9866],
      );
      assert.equal(emrGroup!.targets[0]!.access, undefined, 'EMR offers only security-group rules');
    });

    it('explains each existing group in its option', () => {
      const options = formView(open()).fields.existingGroupId.options!;
      assert.equal(options.find((o) => o.value === 'sg-free')!.reason, undefined);
      for (const id of ['sg-adv', 'sg-mc', 'sg-used']) assert.ok(options.find((o) => o.value === id)!.reason, id);
    });

    it('renames the suggested group with the link until the person edits it', () => {
      let state = send(open(), set('name', 'orders_two'));
      assert.equal(state.choices.groupName, 'maxcompute-orders_two');
      state = send(state, set('groupName', 'my-group'), set('name', 'orders_three'));
      assert.equal(state.choices.groupName, 'my-group');
    });

    it('suggests a name no known link has', () => {
      const state = open(formContext({ knownLinkNames: ['mc_app'] }));
      assert.equal(state.choices.name, 'mc_app_2');
    });

    it('goes back to loading when the VPC or region changes (the host reads the new VPC), and resets its choices on the new context', () => {
      let state = send(open(), tick('rds:rm-orders'), set('vpcId', 'vpc-other'));
      assert.equal(state.phase, 'loading');
      assert.equal(state.choices.vpcId, 'vpc-other');
      state = withContext(state, formContext({ vpc: vpc({ vpcId: 'vpc-other', name: 'other' }), services: [] }));
      assert.equal(state.phase, 'edit');
      assert.deepEqual(state.choices.targets, {});
    });

    it('ignores a fixed port, an access the kind does not offer and an unknown target', () => {
      const state = send(open(), tick('rds:rm-orders'));
      assert.equal(reduce(state, { type: 'setTargetPort', key: 'rds:rm-orders', port: 3306, selected: false }), state);
      assert.equal(
        reduce(state, { type: 'setTargetAccess', key: 'emr:c-etl', access: 'whitelist' }).choices.targets['emr:c-etl']!.access,
        undefined,
      );
      assert.equal(reduce(state, tick('rds:nope')), state);
    });

    it("ticking a port of an unticked target ticks the target, in the kind's port order", () => {
      const state = send(open(), { type: 'setTargetPort', key: 'emr:c-etl', port: 9866, selected: true });
      assert.deepEqual(state.choices.targets['emr:c-etl'], { selected: true, ports: [9083, 8020, 50010, 9866], access: undefined });
    });

    it('opened for an existing link (Allow access…): name, vSwitch and group fixed, only targets to choose', () => {
      const state = open(formContext(), {
        existingLink: { name: 'orders_rds', vSwitchId: 'vsw-h', securityGroupId: 'sg-free' },
        targetKeys: ['hbase:hb-events'],
      });
      const view = formView(state);
      assert.equal(view.title, 'Allow access from network link orders_rds');
      assert.equal(view.fields.name.readonly, true);
      assert.equal(view.fields.name.error, undefined, 'its own name is not a duplicate');
      assert.equal(view.fields.groupMode.value, 'existing');
      assert.equal(view.canPlan, true);
      assert.equal(send(state, set('name', 'other'), set('vpcId', 'vpc-x')).choices.name, 'orders_rds');
    });
  });

  describe("0.0.0.0/0 as the new group's inbound source", () => {
    it('waits for an explicit confirmation, then writes allowWholeInternet: true', () => {
      let state = send(open(), tick('rds:rm-orders'), set('inboundSource', 'cidr'), set('inboundCidr', '0.0.0.0/0'));
      assert.equal(validate(state).needsWholeInternetConfirmation, true);
      assert.equal(canPlan(state), false);
      assert.deepEqual(formView(state).wholeInternet, { confirmed: false });
      assert.doesNotMatch(formSpecText(state), /allowWholeInternet/);
      state = send(state, { type: 'confirmWholeInternet', confirmed: true });
      assert.equal(canPlan(state), true);
      assert.match(formSpecText(state), /allowWholeInternet: true/);
      state = send(state, set('inboundCidr', '0.0.0.0/0'));
      assert.equal(canPlan(state), true, 'the same value keeps it');
      state = send(state, set('inboundCidr', '0.0.0.0/1'), set('inboundCidr', '0.0.0.0/0'));
      assert.equal(canPlan(state), false, 'a new value asks again');
    });
  });

  describe('the spec it writes', () => {
    it("parses without problems into the links' fields and the kinds' items", () => {
      const state = send(
        open(),
        set('name', 'warehouse'),
        tick('rds:rm-orders'),
        tick('hbase:hb-events'),
        { type: 'setTargetAccess', key: 'hbase:hb-events', access: 'securityGroup' },
        tick('emr:c-etl'),
        { type: 'setTargetPort', key: 'emr:c-etl', port: 9866, selected: true },
        set('customCidr', '192.168.2.0/24'),
        set('customPorts', '9200, 31000'),
      );
      assert.equal(canPlan(state), true, JSON.stringify(validate(state)));
      const text = formSpecText(state);
      const result = parseSpecFile(text, 'form.mcvpc.yaml');
      assert.equal(hasErrors(result.problems), false, JSON.stringify(result.problems));
      assert.deepEqual(result.problems, []);
      const [spec] = result.specs;
      assert.equal(spec!.networkLinkName, 'warehouse');
      assert.equal(spec!.profile, 'main');
      assert.equal(spec!.vSwitchId, 'vsw-h');
      assert.deepEqual(spec!.securityGroup.mode === 'create' && [spec!.securityGroup.name, spec!.securityGroup.inboundSource], [
        'maxcompute-warehouse',
        { kind: 'vswitch-cidr' },
      ]);
      const targets = spec!.targets as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(
        targets.map((t) => t.kind),
        ['rds', 'hbase', 'emr', 'custom'],
      );
      assert.deepEqual(targets[0]!.access, { mode: 'whitelist', whitelistGroup: 'maxcompute' });
      assert.deepEqual(targets[1]!.access, { mode: 'securityGroup' });
      assert.deepEqual(targets[2]!.ports, [9083, 8020, 50010, 9866]);
      assert.deepEqual([targets[3]!.cidr, targets[3]!.ports], ['192.168.2.0/24', [9200, 31000]]);
    });

    it('names an existing group by id', () => {
      const state = send(open(), tick('rds:rm-orders'), set('groupMode', 'existing'), set('existingGroupId', 'sg-free'));
      const [spec] = parseSpecFile(formSpecText(state)).specs;
      assert.deepEqual(spec!.securityGroup.mode === 'existing' && spec!.securityGroup.securityGroupId, 'sg-free');
    });

    it("keeps names from a shared account in their comments: the spec plans the person's choices", () => {
      // A name that ends the comment and writes a whole first document: another target, a group open to the Internet.
      const injected =
        'x\n---\nversion: mcvpc/v1\nkind: NetworkLink\nmetadata:\n  name: evil\nregion: cn-hangzhou\nvpc: vpc-evil\nvSwitch: vsw-evil\nsecurityGroup:\n  create:\n    name: open\n    inboundSource: 0.0.0.0/0\n    allowWholeInternet: true\ntargets:\n  - kind: custom\n    cidr: 0.0.0.0/0\n    ports: [22]\n---\n# \u0085\u2028\u202e\r';
      const context = formContext({
        vpc: vpc({ name: injected }),
        vSwitches: formContext().vSwitches.map((s) => ({ ...s, name: injected })),
      });
      const state = send(open(context), set('name', 'warehouse'), tick('rds:rm-orders'));
      const text = formSpecText(state);
      const result = parseSpecFile(text, 'form.mcvpc.yaml');
      assert.deepEqual(result.problems, []);
      assert.equal(result.specs.length, 1);
      assert.deepEqual(
        [result.specs[0]!.networkLinkName, result.specs[0]!.vpcId, result.specs[0]!.vSwitchId],
        ['warehouse', 'vpc-app', 'vsw-h'],
      );
      // eslint-disable-next-line no-control-regex -- finding controls is the point
      assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      assert.match(text, /^vpc: vpc-app {3}# x\\u000A---\\u000Aversion: mcvpc\/v1/m);
    });

    it('quotes what YAML would misread', () => {
      const state = send(open(formContext({ profile: 'yes' })), tick('rds:rm-orders'));
      const [spec] = parseSpecFile(formSpecText(state)).specs;
      assert.equal(spec!.profile, 'yes');
    });
  });

  describe('plan and run', () => {
    const plan: Plan = {
      ...refusedPlan('x', 'x'),
      refused: false,
      checks: [],
      steps: [
        {
          id: 'link-group.create',
          phase: 'security-group',
          action: 'create',
          title: 'Create basic security group maxcompute-x',
          details: [],
          call: { product: 'Ecs', action: 'CreateSecurityGroup', params: { VpcId: 'vpc-app' } },
          operation: { kind: 'ensure-link-group', vpcId: 'vpc-app', name: 'maxcompute-x', description: '' },
          dependsOn: [],
          range: refusedPlan('x', 'x').checks[0]!.range,
        },
        {
          id: 'network-link',
          phase: 'network-link',
          action: 'manual',
          title: 'Create the link in the console',
          details: [],
          operation: { kind: 'await-network-link', vpcId: 'vpc-app', vSwitchId: 'vsw-h' },
          dependsOn: [],
          range: refusedPlan('x', 'x').checks[0]!.range,
        },
      ],
      summary: { add: 1, change: 0, remove: 0, unchanged: 0, manual: 1 },
    };

    it("shows the plan with marks and calls, then each step's status, the hand-over, and the usage when done", () => {
      let state: RunState = planned(send(open(), tick('rds:rm-orders')), plan);
      let view = formView(state);
      assert.equal(view.phase, 'plan');
      assert.deepEqual(
        view.plan!.steps.map((s) => [s.symbol, s.call]),
        [
          ['+', 'Ecs.CreateSecurityGroup VpcId=vpc-app'],
          ['!', undefined],
        ],
      );
      assert.match(view.plan!.summary, /1 to add/);
      state = stepStarted(applying(state, plan), 'link-group.create');
      assert.equal(formView(state).plan!.steps[0]!.status, 'running');
      state = stepFinished(state, 'link-group.create', 'done');
      state = waitingForConsole(
        state,
        { url: 'http://127.0.0.1/__emulator/', fields: [{ label: 'Connection name', value: 'x' }] },
        'Waiting…',
      );
      view = formView(state);
      assert.equal(view.phase, 'waiting');
      assert.deepEqual(view.handover!.fields, [{ label: 'Connection name', value: 'x' }]);
      state = finished(stepFinished(state, 'network-link', 'done'), 'done', [{ label: 'SQL', value: 'SET odps.session.networklink=x;' }]);
      view = formView(state);
      assert.equal(view.phase, 'done');
      assert.equal(view.handover, undefined);
      assert.deepEqual(view.usage, [{ label: 'SQL', value: 'SET odps.session.networklink=x;' }]);
    });

    it('reports a partial failure: done, failed with code and RequestId, not started', () => {
      let state = applying(planned(send(open(), tick('rds:rm-orders')), plan), plan);
      state = stepFinished(state, 'link-group.create', 'failed', {
        code: 'Throttling.User',
        message: 'Request was denied',
        requestId: 'REQ-1',
      });
      state = finished(state, 'failed');
      const view = formView(state);
      assert.equal(view.phase, 'failed');
      assert.match(view.outcome!, /Throttling.User, RequestId REQ-1/);
      assert.match(view.outcome!, /0 done, 1 not started/);
      assert.deepEqual(
        view.plan!.steps.map((s) => s.status),
        ['failed', 'not-started'],
      );
    });

    it('no editing while applying', () => {
      const state = applying(planned(send(open(), tick('rds:rm-orders')), plan), plan);
      assert.equal(reduce(state, set('name', 'other')), state);
    });

    it('editing a planned form goes back to the fields; a refused plan shows its checks at the fields', () => {
      const state = planned(send(open(), tick('rds:rm-orders')), plan);
      assert.equal(reduce(state, set('name', 'other_name')).phase, 'edit');
      const refused = planned(
        send(open(), tick('rds:rm-orders'), set('groupMode', 'existing'), set('existingGroupId', 'sg-free')),
        refusedPlan('group-advanced', 'sg-free is advanced now'),
      );
      assert.equal(refused.phase, 'edit');
      assert.equal(formView(refused).fields.existingGroupId.error, 'sg-free is advanced now');
      assert.equal(
        formView(reduce(refused, set('existingGroupId', 'sg-free'))).fields.existingGroupId.error,
        undefined,
        'choosing again clears the stale check',
      );
    });
  });

  it('shows a foreign account without any call when the caller is known', () => {
    const state = send(open(formContext({ vpc: vpc({ ownerId: ACCOUNT }), callerAccountId: '42' })), tick('rds:rm-orders'));
    assert.match(formView(state).fields.vpcId.error ?? '', /same Alibaba Cloud account/);
  });
});
