/**
 * The Create Network Link form as a pure state machine: the person's choices, how each message
 * from the webview changes them (cascading: a new VPC resets its vSwitch, group and targets),
 * and what is wrong with them, field by field. No vscode and no cloud: the host feeds it the
 * VPC's context (formContext.ts), the plan and the run's events, and renders `formView`.
 */
import { cidrProblem, isWholeInternet } from '../../../core/cidr';
import { isMaxComputeManagedGroupName } from '../../../core/model';
import { zoneSupportProblem } from '../../../core/zones';
import type { FormAccessMode } from '../../../targets';
import type { FormField, FormPhase, WebviewMessage } from '../../../shared/protocol';
import type { FormContext, FormService } from './formContext';

/** The choices for one service. */
export interface TargetChoice {
  selected: boolean;
  ports: number[];
  access?: FormAccessMode;
}

/** Where the new group accepts return traffic from. */
export type InboundChoice = 'vpc-cidr' | 'vswitch-cidr' | 'cidr';

/** Everything the person chose. */
export interface FormChoices {
  name: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  groupMode: 'create' | 'existing';
  groupName: string;
  inboundSource: InboundChoice;
  /** The block typed when `inboundSource` is `cidr`. */
  inboundCidr: string;
  existingGroupId: string;
  targets: Record<string, TargetChoice>;
  customCidr: string;
  customPorts: string;
  wholeInternetConfirmed: boolean;
}

/** A live check of the last plan, kept so its words show at the field it is about. */
export interface PlanCheck {
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

/** The form's state. */
export interface FormState {
  phase: FormPhase;
  context?: FormContext;
  choices: FormChoices;
  /** When opened for an existing link (Allow access from network link…): its name, vSwitch and group are fixed. */
  existingLink?: { name: string; vSwitchId: string; securityGroupId?: string };
  /** The last plan's checks (account, ENI authorization, zone, group…), until a field they are about changes. */
  checks: PlanCheck[];
}

/** What opening the form may choose in advance. */
export interface FormPreset {
  vSwitchId?: string;
  /** Services to tick (`<kind>:<id>`). */
  targetKeys?: string[];
  existingLink?: FormState['existingLink'];
}

/** The problems of the choices: per field, per target, and for the whole form. */
export interface FormValidation {
  fields: Partial<Record<FormField, string>>;
  targets: Record<string, string>;
  problems: string[];
  /** What is still to choose before Plan (not an error: shown beside the button). */
  todo: string[];
  /** The new group would accept inbound from 0.0.0.0/0 and nobody confirmed it. */
  needsWholeInternetConfirmation: boolean;
}

/** A name that is not yet taken: `mc_<vpc name>`, then `_2`, `_3`… */
function suggestedName(context: FormContext): string {
  const base = `mc_${(context.vpc.name || context.vpc.vpcId).replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 60);
  const taken = new Set(context.knownLinkNames);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The first vSwitch whose zone supports network links. */
function firstSupportedVSwitch(context: FormContext): string {
  return context.vSwitches.find((s) => zoneSupportProblem(context.regionId, s.zoneId) === undefined)?.vSwitchId ?? '';
}

function defaultTargetChoice(service: FormService, selected: boolean): TargetChoice {
  return {
    selected,
    ports: service.offer.ports.filter((p) => p.checked || p.fixed === true).map((p) => p.port),
    access: service.offer.access?.modes[0],
  };
}

/** The state before the VPC's context is read. */
export function loadingState(regionId: string, vpcId: string): FormState {
  return {
    phase: 'loading',
    checks: [],
    choices: {
      name: '',
      regionId,
      vpcId,
      vSwitchId: '',
      groupMode: 'create',
      groupName: '',
      inboundSource: 'vswitch-cidr',
      inboundCidr: '',
      existingGroupId: '',
      targets: {},
      customCidr: '',
      customPorts: '',
      wholeInternetConfirmed: false,
    },
  };
}

/** The form with a VPC's context: defaults that follow the procedure (a new basic group, a supported vSwitch), and a preset. */
export function withContext(state: FormState, context: FormContext, preset: FormPreset = {}): FormState {
  const existingLink = preset.existingLink ?? state.existingLink;
  const name =
    existingLink !== undefined
      ? existingLink.name
      : state.choices.name !== '' && state.choices.vpcId === context.vpc.vpcId
        ? state.choices.name
        : suggestedName(context);
  const vSwitchId = existingLink?.vSwitchId ?? preset.vSwitchId ?? firstSupportedVSwitch(context);
  const ticked = new Set(preset.targetKeys ?? []);
  const targets = Object.fromEntries(context.services.map((s) => [s.key, defaultTargetChoice(s, ticked.has(s.key))]));
  const existingGroup = existingLink?.securityGroupId;
  return {
    ...state,
    phase: 'edit',
    context,
    existingLink,
    checks: [],
    choices: {
      ...state.choices,
      name,
      regionId: context.regionId,
      vpcId: context.vpc.vpcId,
      vSwitchId,
      groupMode: existingGroup !== undefined ? 'existing' : 'create',
      groupName: `maxcompute-${name}`.replace(/[^A-Za-z0-9:_.-]/g, '-').slice(0, 128),
      existingGroupId: existingGroup ?? '',
      targets,
    },
  };
}

/** The fields that make the link itself: fixed when the form adds access to an existing link. */
const LINK_FIELDS: readonly FormField[] = [
  'name',
  'regionId',
  'vpcId',
  'vSwitchId',
  'groupMode',
  'groupName',
  'inboundSource',
  'inboundCidr',
  'existingGroupId',
];

/** Checks of the last plan that a changed field makes stale. */
const CHECKS_OF_FIELD: Partial<Record<FormField, string[]>> = {
  vSwitchId: ['zone-unsupported', 'vswitch-not-found', 'vswitch-other-vpc'],
  existingGroupId: ['group-not-found', 'group-other-vpc', 'group-advanced', 'group-managed', 'group-shared'],
  groupMode: [
    'group-not-found',
    'group-other-vpc',
    'group-advanced',
    'group-managed',
    'group-shared',
    'group-name-ambiguous',
    'group-in-use',
  ],
  groupName: ['group-name-ambiguous', 'group-in-use'],
};

/**
 * A field's new value. Region and VPC changes are the host's to load (they need the new VPC's
 * context): here they only record the choice and go back to `loading`.
 */
export function setField(state: FormState, field: FormField, value: string): FormState {
  if (!isEditable(state)) return state;
  // A detected link's name is known only to the person (MaxCompute does not tell it): that one field stays open.
  if (state.existingLink !== undefined && LINK_FIELDS.includes(field) && !(field === 'name' && state.existingLink.name === ''))
    return state;
  const choices = { ...state.choices };
  const stale = new Set(CHECKS_OF_FIELD[field] ?? []);
  const checks = state.checks.filter((c) => !stale.has(c.code));
  switch (field) {
    case 'regionId':
    case 'vpcId':
      if (choices[field] === value) return state;
      choices[field] = value;
      return { ...state, phase: 'loading', choices, checks: [] };
    case 'groupMode':
      if (value !== 'create' && value !== 'existing') return state;
      choices.groupMode = value;
      break;
    case 'inboundSource':
      if (value !== 'vpc-cidr' && value !== 'vswitch-cidr' && value !== 'cidr') return state;
      choices.inboundSource = value;
      choices.wholeInternetConfirmed = false;
      break;
    case 'name':
      // The group's suggested name follows the link's until the person edits it.
      if (choices.groupName === `maxcompute-${choices.name}`.replace(/[^A-Za-z0-9:_.-]/g, '-').slice(0, 128))
        choices.groupName = `maxcompute-${value}`.replace(/[^A-Za-z0-9:_.-]/g, '-').slice(0, 128);
      choices.name = value;
      break;
    case 'inboundCidr':
      if (choices.inboundCidr !== value) choices.wholeInternetConfirmed = false;
      choices.inboundCidr = value;
      break;
    default:
      choices[field] = value;
  }
  return { ...state, choices, checks };
}

/** True when the person may change the choices (not while planning or applying, nor after the link was made). */
export function isEditable(state: FormState): boolean {
  return state.phase === 'edit' || state.phase === 'plan';
}

/** Applies one editing message; other messages (actions, copy, ready) are the host's. Editing a planned form returns it to `edit`. */
export function reduce(state: FormState, message: WebviewMessage): FormState {
  if (!isEditable(state)) return state;
  const back = (next: FormState): FormState => (next === state ? state : next.phase === 'plan' ? { ...next, phase: 'edit' } : next);
  switch (message.type) {
    case 'setField':
      return back(setField(state, message.field, message.value));
    case 'setTarget':
    case 'setTargetPort':
    case 'setTargetAccess': {
      const current = state.choices.targets[message.key];
      const service = state.context?.services.find((s) => s.key === message.key);
      if (current === undefined || service === undefined) return state;
      let next: TargetChoice = current;
      if (message.type === 'setTarget') next = { ...current, selected: message.selected };
      if (message.type === 'setTargetAccess' && service.offer.access?.modes.includes(message.access))
        next = { ...current, access: message.access };
      if (message.type === 'setTargetPort') {
        const offered = service.offer.ports.find((p) => p.port === message.port);
        if (offered === undefined || offered.fixed === true) return state;
        const ports = message.selected ? [...new Set([...current.ports, message.port])] : current.ports.filter((p) => p !== message.port);
        // Keep the kind's order (the defaults first) rather than the order of clicks.
        next = {
          ...current,
          ports: service.offer.ports.map((p) => p.port).filter((p) => ports.includes(p)),
          selected: current.selected || message.selected,
        };
      }
      return back({ ...state, choices: { ...state.choices, targets: { ...state.choices.targets, [message.key]: next } } });
    }
    case 'confirmWholeInternet':
      return back({ ...state, choices: { ...state.choices, wholeInternetConfirmed: message.confirmed } });
    default:
      return state;
  }
}

/** The custom ports as numbers; undefined when the text is not a list of ports. */
export function parsePorts(text: string): number[] | undefined {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  const ports = parts.map((p) => (/^\d{1,5}$/.test(p) ? Number(p) : NaN));
  if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) return undefined;
  return [...new Set(ports)];
}

/** Why a group cannot be the link's, or undefined when it can (basic, in the VPC, not MaxCompute's, unused). */
export function existingGroupProblem(context: FormContext, groupId: string): string | undefined {
  const group = context.groups.find((g) => g.securityGroupId === groupId);
  if (group === undefined) return `${groupId} is not a security group of ${context.vpc.vpcId}.`;
  if (group.vpcId !== context.vpc.vpcId) return `${groupId} belongs to ${group.vpcId}, not to ${context.vpc.vpcId}.`;
  if (group.managedByMaxCompute || isMaxComputeManagedGroupName(group.name))
    return `${group.name} is MaxCompute's own return-traffic group: it must never be modified or reused.`;
  if (group.type === 'enterprise')
    return `${group.name} is an advanced group: it denies outbound traffic by default, so MaxCompute could not reach the services. Use a basic group.`;
  const users = context.groupUsers[groupId] ?? [];
  if (users.length > 0)
    return `${group.name} is in use by ${users.slice(0, 3).join(', ')}${users.length > 3 ? ` and ${users.length - 3} more` : ''}: the procedure wants a group of its own, not one already in use.`;
  return undefined;
}

/** Words for plan checks that are about one field. */
const FIELD_OF_CHECK: Record<string, FormField> = {
  'zone-unsupported': 'vSwitchId',
  'vswitch-not-found': 'vSwitchId',
  'vswitch-other-vpc': 'vSwitchId',
  'group-not-found': 'existingGroupId',
  'group-other-vpc': 'existingGroupId',
  'group-advanced': 'existingGroupId',
  'group-managed': 'existingGroupId',
  'group-name-ambiguous': 'groupName',
  'group-in-use': 'groupName',
  'group-shared': 'existingGroupId',
  'vpc-not-found': 'vpcId',
  'other-account': 'vpcId',
};

/** Everything wrong with the choices, where it is wrong. */
export function validate(state: FormState): FormValidation {
  const result: FormValidation = { fields: {}, targets: {}, problems: [], todo: [], needsWholeInternetConfirmation: false };
  const { context, choices } = state;
  if (context === undefined) return result;
  const set = (field: FormField, message: string | undefined): void => {
    if (message !== undefined && result.fields[field] === undefined) result.fields[field] = message;
  };

  if (state.existingLink === undefined) set('name', linkNameProblem(choices.name, context));
  else if (state.existingLink.name === '')
    set(
      'name',
      choices.name === ''
        ? 'Enter the name this link was given in the MaxCompute console (SQL and Spark use it).'
        : context.linkNameProblem(choices.name),
    );
  if (context.callerAccountId !== undefined && context.vpc.ownerId !== '' && context.vpc.ownerId !== context.callerAccountId) {
    set(
      'vpcId',
      `${context.vpc.vpcId} belongs to account ${context.vpc.ownerId}, not to ${context.callerAccountId} (this profile): MaxCompute, the VPC and the services must be in the same Alibaba Cloud account.`,
    );
  }
  const vSwitch = context.vSwitches.find((s) => s.vSwitchId === choices.vSwitchId);
  if (choices.vSwitchId === '')
    set(
      'vSwitchId',
      context.vSwitches.length === 0
        ? `${context.vpc.vpcId} has no vSwitch: create one in a zone that supports network links.`
        : 'Choose the vSwitch MaxCompute puts its network interfaces in.',
    );
  else if (vSwitch === undefined) set('vSwitchId', `${choices.vSwitchId} is not a vSwitch of ${context.vpc.vpcId}.`);
  else set('vSwitchId', zoneSupportProblem(context.regionId, vSwitch.zoneId));

  if (state.existingLink === undefined) {
    if (choices.groupMode === 'existing') {
      set(
        'existingGroupId',
        choices.existingGroupId === ''
          ? 'Choose an unused basic security group of this VPC, or create a new one.'
          : existingGroupProblem(context, choices.existingGroupId),
      );
    } else {
      set('groupName', groupNameProblem(choices.groupName, context));
      if (choices.inboundSource === 'cidr') {
        const problem =
          choices.inboundCidr.trim() === ''
            ? "Enter the CIDR block return traffic comes from, e.g. the VPC's."
            : cidrProblem(choices.inboundCidr.trim());
        set('inboundCidr', problem);
        if (problem === undefined && isWholeInternet(choices.inboundCidr.trim()) && !choices.wholeInternetConfirmed)
          result.needsWholeInternetConfirmation = true;
      }
    }
  }

  let chosen = 0;
  for (const service of context.services) {
    const choice = choices.targets[service.key];
    if (choice?.selected !== true) continue;
    chosen++;
    if (choice.ports.length === 0) result.targets[service.key] = 'Tick at least one port.';
  }
  if (choices.customCidr.trim() !== '' || choices.customPorts.trim() !== '') {
    chosen++;
    const cidr = choices.customCidr.trim();
    set(
      'customCidr',
      cidr === ''
        ? 'Enter the address block (CIDR) of the service.'
        : (cidrProblem(cidr) ?? (isWholeInternet(cidr) ? 'A target of 0.0.0.0/0 is not an address in the VPC.' : undefined)),
    );
    const ports = parsePorts(choices.customPorts);
    set('customPorts', ports === undefined || ports.length === 0 ? 'Enter TCP ports between 1 and 65535, separated by commas.' : undefined);
  }
  if (chosen === 0)
    result.todo.push(
      state.existingLink === undefined
        ? 'Choose at least one service in the VPC (or a custom address block) for the link to reach.'
        : `Choose the services ${state.existingLink.name} should reach.`,
    );

  for (const check of state.checks) {
    if (check.severity !== 'error') continue;
    const field = FIELD_OF_CHECK[check.code];
    if (field !== undefined && !(field === 'existingGroupId' && choices.groupMode === 'create')) set(field, check.message);
    else result.problems.push(check.message);
  }
  for (const problem of context.readProblems) result.problems.push(problem);
  return result;
}

/** True when Plan can be pressed. */
export function canPlan(state: FormState, validation: FormValidation = validate(state)): boolean {
  if (state.phase !== 'edit' && state.phase !== 'plan') return false;
  const blocking = validation.problems.filter((p) => !state.context?.readProblems.includes(p));
  return (
    Object.keys(validation.fields).length === 0 &&
    Object.keys(validation.targets).length === 0 &&
    blocking.length === 0 &&
    validation.todo.length === 0 &&
    !validation.needsWholeInternetConfirmation
  );
}

/** MaxCompute's naming rule (the spec's, src/connectionSpec/linkName.ts, handed in with the context) and uniqueness among the region's links. */
function linkNameProblem(name: string, context: FormContext): string | undefined {
  if (name.trim() === '') return 'Enter a name: SQL uses it in SET odps.session.networklink=<name>;';
  const rule = context.linkNameProblem(name);
  if (rule !== undefined) return rule;
  if (context.knownLinkNames.includes(name))
    return `A network link named ${name} is already declared in ${context.regionId}; choose another name.`;
  return undefined;
}

function groupNameProblem(name: string, context: FormContext): string | undefined {
  if (name.length < 2 || name.length > 128) return 'A security group name has 2–128 characters.';
  if (!/^[A-Za-z][A-Za-z0-9:_.-]*$/.test(name))
    return 'A security group name starts with a letter and contains only letters, digits, :, _, . and -.';
  if (isMaxComputeManagedGroupName(name)) return `${name} is the name of MaxCompute's own return-traffic groups; choose another.`;
  const same = context.groups.filter((g) => g.name === name && g.vpcId === context.vpc.vpcId);
  if (same.length > 1)
    return `${same.length} groups in ${context.vpc.vpcId} are named ${name}: the plan could not tell which is the link's. Choose another name.`;
  return undefined;
}
