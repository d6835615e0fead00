/** The form's state as the webview renders it (src/shared/protocol.ts FormView). Pure. */
import { zoneSupportProblem } from '../../../core/zones';
import type { FieldView, FormField, FormView, OptionView, TargetGroupView } from '../../../shared/protocol';
import type { FormContext } from './formContext';
import type { RunState } from './formRun';
import { canPlan, existingGroupProblem, validate } from './formState';

function groupOptions(context: FormContext): OptionView[] {
  return context.groups.map((g) => {
    const problem = existingGroupProblem(context, g.securityGroupId);
    return {
      value: g.securityGroupId,
      label: `${g.name || g.securityGroupId} (${g.securityGroupId}, ${g.type === 'enterprise' ? 'advanced' : 'basic'})`,
      reason: problem,
    };
  });
}

function fieldViews(state: RunState, errors: Partial<Record<FormField, string>>): Record<FormField, FieldView> {
  const { choices, context } = state;
  const fixed = state.existingLink !== undefined;
  const field = (name: FormField, value: string, extra: Partial<FieldView> = {}): FieldView => ({ value, error: errors[name], ...extra });
  const vpc = context?.vpc;
  const vSwitch = context?.vSwitches.find((s) => s.vSwitchId === choices.vSwitchId);
  return {
    name: field('name', choices.name, {
      readonly: fixed && state.existingLink?.name !== '',
      hint: 'A letter first, then letters, digits, _ or -. SQL uses it: SET odps.session.networklink=<name>;',
    }),
    regionId: field('regionId', choices.regionId, {
      readonly: fixed,
      options: (context?.regions ?? [choices.regionId]).map((r) => ({ value: r, label: r })),
    }),
    vpcId: field('vpcId', choices.vpcId, {
      readonly: fixed,
      options: (context?.vpcs ?? []).map((v) => ({ value: v.vpcId, label: `${v.name || v.vpcId} (${v.vpcId}, ${v.cidrBlock})` })),
      hint: vpc !== undefined ? `CIDR block ${vpc.cidrBlock}` : undefined,
    }),
    vSwitchId: field('vSwitchId', choices.vSwitchId, {
      readonly: fixed,
      options: (context?.vSwitches ?? []).map((s) => {
        const problem = context === undefined ? undefined : zoneSupportProblem(context.regionId, s.zoneId);
        return {
          value: s.vSwitchId,
          label: `${s.name || s.vSwitchId} (${s.vSwitchId}, ${s.zoneId}, ${s.cidrBlock})`,
          disabled: problem !== undefined,
          reason: problem,
        };
      }),
      hint:
        vSwitch !== undefined
          ? `MaxCompute's network interfaces take addresses in ${vSwitch.cidrBlock} (zone ${vSwitch.zoneId}).`
          : 'Zones without network-link support are greyed out.',
    }),
    groupMode: field('groupMode', choices.groupMode, {
      readonly: fixed,
      options: [
        { value: 'create', label: 'Create a new basic security group (recommended)' },
        { value: 'existing', label: 'Use an existing security group' },
      ],
    }),
    groupName: field('groupName', choices.groupName, {
      hint: 'A basic group: it allows outbound traffic by default, which MaxCompute needs to reach the services.',
    }),
    inboundSource: field('inboundSource', choices.inboundSource, {
      options: [
        { value: 'vswitch-cidr', label: `The vSwitch's CIDR block${vSwitch !== undefined ? ` (${vSwitch.cidrBlock})` : ''}` },
        { value: 'vpc-cidr', label: `The VPC's CIDR block${vpc !== undefined ? ` (${vpc.cidrBlock})` : ''}` },
        { value: 'cidr', label: 'Another CIDR block…' },
      ],
      hint: "One inbound rule: allow, priority 1, all protocols, ports -1/-1 — the return traffic of MaxCompute's connections.",
    }),
    inboundCidr: field('inboundCidr', choices.inboundCidr),
    existingGroupId: field('existingGroupId', choices.existingGroupId, {
      readonly: fixed,
      options: context === undefined ? [] : groupOptions(context),
      hint: "It must be basic, in this VPC, not one of MaxCompute's own groups, and not used by other instances.",
    }),
    customCidr: field('customCidr', choices.customCidr, { hint: 'Any address block in the VPC, e.g. a self-managed service on ECS.' }),
    customPorts: field('customPorts', choices.customPorts, { hint: 'TCP ports, separated by commas: 9200, 31000' }),
  };
}

function targetGroups(state: RunState, errors: Record<string, string>): TargetGroupView[] {
  const context = state.context;
  if (context === undefined) return [];
  const groups = new Map<string, TargetGroupView>();
  for (const service of context.services) {
    const choice = state.choices.targets[service.key];
    const group = groups.get(service.kind) ?? { kind: service.kind, title: `${service.noun}s`, targets: [] };
    groups.set(service.kind, group);
    group.targets.push({
      key: service.key,
      label: service.label,
      detail: service.detail,
      selected: choice?.selected ?? false,
      ports: service.offer.ports.map((p) => ({
        port: p.port,
        label: p.label,
        selected: choice?.ports.includes(p.port) ?? false,
        fixed: p.fixed === true,
      })),
      access:
        service.offer.access !== undefined
          ? { value: choice?.access ?? service.offer.access.modes[0]!, why: service.offer.access.why }
          : undefined,
      current: service.current,
      error: errors[service.key],
    });
  }
  return [...groups.values()];
}

/** The whole view. */
export function formView(state: RunState): FormView {
  const validation = validate(state);
  const { context, choices } = state;
  const title = state.existingLink !== undefined ? `Allow access from network link ${state.existingLink.name}` : 'Create network link';
  const where =
    context !== undefined
      ? `${context.vpc.name || context.vpc.vpcId} (${context.vpc.vpcId}) in ${context.regionId}`
      : `${choices.vpcId} in ${choices.regionId}`;
  const view: FormView = {
    phase: state.phase,
    title,
    subtitle: `${where} · profile ${context?.profile ?? '…'}`,
    fields: fieldViews(state, validation.fields),
    targets: targetGroups(state, validation.targets),
    problems: validation.problems,
    todo: validation.todo,
    canPlan: canPlan(state, validation),
  };
  if (
    choices.groupMode === 'create' &&
    choices.inboundSource === 'cidr' &&
    (validation.needsWholeInternetConfirmation || choices.wholeInternetConfirmed)
  )
    view.wholeInternet = { confirmed: choices.wholeInternetConfirmed };
  const run = state.run;
  if (run !== undefined) {
    if (run.steps.length > 0 || run.checks.length > 0)
      view.plan = { steps: run.steps, summary: run.summary, refused: run.refused, checks: run.checks };
    view.progress = run.progress;
    view.handover = run.handover;
    view.usage = run.usage;
    view.outcome = run.outcome;
  }
  if (state.savedSpec !== undefined) view.savedSpec = state.savedSpec;
  return view;
}
