/**
 * The only contract between the extension host and the Create Network Link webview. Imports
 * nothing: the host (src/ui/linkForm) and the browser code (webview/) both compile it.
 *
 * The conversation: the webview sends `ready` once its script runs; the host answers with the
 * whole `FormView` and sends it whole again after every change (a webview may drop messages
 * queued while it was hidden, so nothing is sent as a delta). The webview keeps no state of its
 * own beyond what a field shows while it is being typed in.
 */

/** A field the person sets by typing or choosing. */
export type FormField =
  | 'name'
  | 'regionId'
  | 'vpcId'
  | 'vSwitchId'
  | 'groupMode'
  | 'groupName'
  | 'inboundSource'
  | 'inboundCidr'
  | 'existingGroupId'
  | 'customCidr'
  | 'customPorts';

/** Every field name, for the host's validation of inbound messages. */
export const FORM_FIELDS: readonly FormField[] = [
  'name',
  'regionId',
  'vpcId',
  'vSwitchId',
  'groupMode',
  'groupName',
  'inboundSource',
  'inboundCidr',
  'existingGroupId',
  'customCidr',
  'customPorts',
];

/** Webview → host: the webview's script is running and listening; the host replies with `state`. */
export interface ReadyMessage {
  type: 'ready';
}

/** Webview → host: a field's new value (text as typed, or a select's option value). */
export interface SetFieldMessage {
  type: 'setField';
  field: FormField;
  value: string;
}

/** Webview → host: a target found in the VPC is ticked or unticked. */
export interface SetTargetMessage {
  type: 'setTarget';
  /** `TargetView.key`. */
  key: string;
  selected: boolean;
}

/** Webview → host: a port of a target is ticked or unticked. */
export interface SetTargetPortMessage {
  type: 'setTargetPort';
  key: string;
  port: number;
  selected: boolean;
}

/** Webview → host: whitelist or security group for a target that offers both. */
export interface SetTargetAccessMessage {
  type: 'setTargetAccess';
  key: string;
  access: 'whitelist' | 'securityGroup';
}

/** Webview → host: the person confirms (or withdraws) opening inbound from 0.0.0.0/0. */
export interface ConfirmWholeInternetMessage {
  type: 'confirmWholeInternet';
  confirmed: boolean;
}

/** Webview → host: a button without arguments. */
export interface ActionMessage {
  type: 'action';
  action: FormAction;
}

/**
 * What the buttons ask for: `plan` (read the live state and show the plan), `edit` (back to the
 * fields), `apply`, `cancel` (stop after the call in flight), `retry` (plan again from the live
 * state and apply), `openConsole`, `saveSpec`, `refresh` (read the VPC again).
 */
export type FormAction = 'plan' | 'edit' | 'apply' | 'cancel' | 'retry' | 'openConsole' | 'saveSpec' | 'refresh';

export const FORM_ACTIONS: readonly FormAction[] = ['plan', 'edit', 'apply', 'cancel', 'retry', 'openConsole', 'saveSpec', 'refresh'];

/** Webview → host: copy a value shown in the form to the clipboard. */
export interface CopyMessage {
  type: 'copy';
  /** What is copied, as shown (the host copies only values it sent). */
  value: string;
}

/** Everything the webview sends. */
export type WebviewMessage =
  | ReadyMessage
  | SetFieldMessage
  | SetTargetMessage
  | SetTargetPortMessage
  | SetTargetAccessMessage
  | ConfirmWholeInternetMessage
  | ActionMessage
  | CopyMessage;

/** Host → webview: the whole form, to be rendered as it is. */
export interface StateMessage {
  type: 'state';
  view: FormView;
}

/** Everything the host sends. */
export type HostMessage = StateMessage;

/** Where the form is. */
export type FormPhase = 'loading' | 'edit' | 'planning' | 'plan' | 'applying' | 'waiting' | 'failed' | 'cancelled' | 'done';

/** One option of a select. */
export interface OptionView {
  value: string;
  label: string;
  /** Greyed out; `reason` says why. */
  disabled?: boolean;
  reason?: string;
}

/** A field as shown: its value, the choices (selects), the problem to show inline, a hint. */
export interface FieldView {
  value: string;
  options?: OptionView[];
  /** What is wrong with the value, shown under the field. */
  error?: string;
  /** Help under the field when nothing is wrong. */
  hint?: string;
  /** Shown but not editable (e.g. the region of a form opened for an existing link). */
  readonly?: boolean;
}

/** A port of a target. */
export interface PortView {
  port: number;
  label: string;
  selected: boolean;
  fixed: boolean;
}

/** A service found in the VPC that the link can be allowed into. */
export interface TargetView {
  /** Stable across states: `<kind>:<id>`. */
  key: string;
  label: string;
  /** `RDS MySQL 8.0 · rm-…`. */
  detail: string;
  selected: boolean;
  ports: PortView[];
  /** Present when the kind offers both. */
  access?: { value: 'whitelist' | 'securityGroup'; why: string };
  /** What the link already has there (`allowed`, `partly`…), in words. */
  current?: string;
  error?: string;
}

/** The targets of one kind. */
export interface TargetGroupView {
  kind: string;
  /** `RDS instances`. */
  title: string;
  targets: TargetView[];
}

/** One step of the plan or of the run. */
export interface StepView {
  id: string;
  /** `+`, `~`, `=`, `!`, `-`, `#`. */
  symbol: string;
  title: string;
  details: string[];
  /** `Ecs.CreateSecurityGroup VpcId=… SecurityGroupType=normal`. */
  call?: string;
  /** While applying and after: not-started, running, done, already, failed, manual, waiting-for-console, cancelled, info. */
  status?: string;
  /** A failure: `Throttling.User: Request was denied… (RequestId 1A2B…)`. */
  error?: { code: string; message: string; requestId?: string };
}

/** A value to copy, with its label. */
export interface CopyValueView {
  label: string;
  value: string;
}

/** The form, whole. */
export interface FormView {
  phase: FormPhase;
  /** `Create network link in vpc-… (cn-hangzhou)`. */
  title: string;
  /** Profile and account, for the header. */
  subtitle: string;
  fields: Record<FormField, FieldView>;
  targets: TargetGroupView[];
  /** Problems that are not one field's (another account's VPC, no ENI authorization…). */
  problems: string[];
  /** What is still to choose before Plan, shown beside the button (not an error). */
  todo: string[];
  /** Shown when the new group would open inbound from 0.0.0.0/0: Plan waits for the confirmation. */
  wholeInternet?: { confirmed: boolean };
  /** True when Plan can be pressed (nothing is wrong). */
  canPlan: boolean;
  /** The plan, once made; the steps carry run status while applying. */
  plan?: { steps: StepView[]; summary: string; refused: boolean; checks: string[] };
  /** A status line while working: `Creating security group…`, `Waiting for the link (3 min left)…`. */
  progress?: string;
  /** The console hand-over: the exact values to enter there. */
  handover?: { url: string; fields: CopyValueView[] };
  /** When finished: the lines that use the link. */
  usage?: CopyValueView[];
  /** Where Save as spec wrote the spec, once it did. */
  savedSpec?: string;
  /** The last outcome in words (done, failed with …, cancelled after …). */
  outcome?: string;
}
