/**
 * The Create Network Link form in the webview: renders the host's FormView whole each time it
 * arrives and sends the person's edits and button presses back. It decides nothing: validation,
 * the plan and the run are the host's (src/ui/linkForm).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { FieldView, FormAction, FormField, FormView, HostMessage, StepView, TargetView, WebviewMessage } from '../src/shared/protocol';
import { h, morphChildren, type Child } from './dom';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const send = (message: WebviewMessage): void => vscode.postMessage(message);
/** Actions that start a run: their button is disabled at the first click, until the host's next state redraws it. */
const STARTS_A_RUN: ReadonlySet<FormAction> = new Set(['apply', 'retry']);
const act =
  (action: FormAction) =>
  (event?: Event): void => {
    const button = event?.currentTarget as (HTMLElement & { disabled?: boolean }) | null | undefined;
    if (STARTS_A_RUN.has(action) && button) {
      if (button.disabled === true) return;
      button.disabled = true;
    }
    send({ type: 'action', action });
  };
const root = document.getElementById('app')!;

/** What every field's control carries: its id, its name for screen readers, its error state. */
function controlProps(id: FormField, label: string, field: FieldView): Record<string, string | boolean> {
  return { id, 'aria-label': label, invalid: field.error !== undefined };
}

/** The label, the control and what is wrong (or a hint) under it. */
function row(id: FormField, label: string, control: HTMLElement, field: FieldView): HTMLElement {
  const message = field.error ?? field.hint;
  return h(
    'div',
    { class: `row${field.error !== undefined ? ' has-error' : ''}` },
    h('vscode-label', { for: id }, label),
    control,
    message !== undefined &&
      h(
        'vscode-form-helper',
        { id: `${id}-help`, class: field.error !== undefined ? 'error' : 'hint', role: field.error !== undefined ? 'alert' : undefined },
        h('p', {}, message),
      ),
  );
}

function textfield(id: FormField, label: string, field: FieldView, placeholder = ''): HTMLElement {
  const control = h('vscode-textfield', {
    ...controlProps(id, label, field),
    value: field.value,
    placeholder,
    readonly: field.readonly === true,
    input: (e) => send({ type: 'setField', field: id, value: (e.target as HTMLInputElement).value }),
  });
  return row(id, label, control, field);
}

function select(id: FormField, label: string, field: FieldView): HTMLElement {
  const options = (field.options ?? []).map((o) =>
    h(
      'vscode-option',
      { value: o.value, selected: o.value === field.value, disabled: o.disabled === true, description: o.reason ?? '' },
      o.disabled === true ? `${o.label} — ${o.reason ?? 'unavailable'}` : o.reason !== undefined ? `${o.label} ⚠` : o.label,
    ),
  );
  if (!options.some((o) => o.hasAttribute('selected'))) options.unshift(h('vscode-option', { value: '', selected: true }, 'Choose…'));
  const control = h(
    'vscode-single-select',
    {
      ...controlProps(id, label, field),
      value: field.value,
      disabled: field.readonly === true,
      change: (e) => send({ type: 'setField', field: id, value: (e.target as HTMLSelectElement).value }),
    },
    options,
  );
  return row(id, label, control, field);
}

function section(step: number, title: string, intro: string, ...body: Array<Child | Child[]>): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': `s${step}` },
    h('h2', { id: `s${step}` }, h('span', { class: 'step-no', 'aria-hidden': 'true' }, String(step)), title),
    h('p', { class: 'intro' }, intro),
    ...body,
  );
}

function checkbox(id: string, label: string, checked: boolean, disabled: boolean, onChange: (checked: boolean) => void): HTMLElement {
  return h('vscode-checkbox', {
    id,
    label,
    checked,
    disabled,
    'aria-label': label,
    change: (e) => onChange((e.target as HTMLInputElement).checked),
  });
}

function targetCard(target: TargetView, editable: boolean): HTMLElement {
  const safe = target.key.replace(/[^A-Za-z0-9_-]/g, '_');
  return h(
    'div',
    {
      class: `target${target.selected ? ' selected' : ''}${target.error !== undefined ? ' has-error' : ''}`,
      role: 'group',
      'aria-label': target.label,
    },
    h(
      'div',
      { class: 'target-head' },
      checkbox(`t-${safe}`, target.label, target.selected, !editable, (selected) => send({ type: 'setTarget', key: target.key, selected })),
      h('span', { class: 'muted' }, target.detail),
      target.current !== undefined && h('span', { class: 'badge' }, target.current),
    ),
    target.selected &&
      h(
        'div',
        { class: 'target-body' },
        h(
          'div',
          { class: 'ports', role: 'group', 'aria-label': `Ports of ${target.label}` },
          h('span', { class: 'muted' }, 'Ports'),
          target.ports.map((p) =>
            checkbox(`p-${safe}-${p.port}`, `${p.port} ${p.label}`, p.selected, !editable || p.fixed, (selected) =>
              send({ type: 'setTargetPort', key: target.key, port: p.port, selected }),
            ),
          ),
        ),
        target.access !== undefined &&
          h(
            'vscode-radio-group',
            {
              id: `a-${safe}`,
              'aria-label': `Access to ${target.label}`,
              change: (e) =>
                send({
                  type: 'setTargetAccess',
                  key: target.key,
                  access: (e.target as HTMLInputElement).value === 'securityGroup' ? 'securityGroup' : 'whitelist',
                }),
            },
            h('vscode-radio', {
              name: `a-${safe}`,
              value: 'whitelist',
              label: "Whitelist the vSwitch's CIDR block (recommended)",
              checked: target.access.value === 'whitelist',
              disabled: !editable,
            }),
            h('vscode-radio', {
              name: `a-${safe}`,
              value: 'securityGroup',
              label: "Add the link's security group",
              checked: target.access.value === 'securityGroup',
              disabled: !editable,
            }),
          ),
        target.access !== undefined && h('p', { class: 'muted small' }, target.access.why),
        target.error !== undefined && h('p', { class: 'error-text', role: 'alert' }, target.error),
      ),
  );
}

function fieldsView(view: FormView): HTMLElement {
  const f = view.fields;
  const editable = view.phase === 'edit' || view.phase === 'plan';
  const groupBody =
    f.groupMode.value === 'existing'
      ? [select('existingGroupId', 'Security group', f.existingGroupId)]
      : [
          textfield('groupName', 'Name of the new group', f.groupName),
          select('inboundSource', 'Inbound (return traffic) from', f.inboundSource),
          f.inboundSource.value === 'cidr' && textfield('inboundCidr', 'CIDR block', f.inboundCidr, '192.168.0.0/16'),
          view.wholeInternet !== undefined &&
            h(
              'div',
              { class: 'warning', role: 'alert' },
              h(
                'p',
                {},
                '0.0.0.0/0 lets any address on the internet send traffic into this group. MaxCompute needs only its return traffic from the VPC.',
              ),
              checkbox(
                'confirm-internet',
                'I understand: open inbound from 0.0.0.0/0',
                view.wholeInternet.confirmed,
                !editable,
                (confirmed) => send({ type: 'confirmWholeInternet', confirmed }),
              ),
            ),
        ];
  return h(
    'div',
    { class: 'fields' },
    section(
      1,
      'Connection',
      'The network link MaxCompute will use; SQL and Spark name it.',
      textfield('name', 'Connection name', f.name, 'orders_rds'),
      h('div', { class: 'row' }, h('vscode-label', {}, 'Type'), h('span', { class: 'fixed-value' }, 'Passthrough')),
      h('div', { class: 'pair' }, select('regionId', 'Region', f.regionId), select('vpcId', 'VPC', f.vpcId)),
    ),
    section(
      2,
      'vSwitch',
      'MaxCompute creates two network interfaces in this vSwitch. Zones that do not support network links are greyed out.',
      select('vSwitchId', 'vSwitch', f.vSwitchId),
    ),
    section(
      3,
      'Security group',
      "MaxCompute's network interfaces are placed in this group. The procedure asks for a new basic group that allows all inbound return traffic.",
      f.groupMode.readonly === true
        ? h('p', { class: 'fixed-value' }, f.existingGroupId.value)
        : h(
            'vscode-radio-group',
            {
              id: 'groupMode',
              'aria-label': 'Security group',
              change: (e) => send({ type: 'setField', field: 'groupMode', value: (e.target as HTMLInputElement).value }),
            },
            (f.groupMode.options ?? []).map((o) =>
              h('vscode-radio', {
                name: 'groupMode',
                value: o.value,
                label: o.label,
                checked: o.value === f.groupMode.value,
                disabled: !editable,
              }),
            ),
          ),
      f.groupMode.readonly !== true && groupBody,
    ),
    section(
      4,
      'Services to reach',
      'Found in this VPC. Each is opened to the link as its kind allows: a whitelist entry or the security group, on the ports shown.',
      view.targets.length === 0 && h('p', { class: 'muted' }, 'No services found in this VPC. Use a custom address block below.'),
      view.targets.map((group) =>
        h(
          'div',
          { class: 'kind' },
          h('h3', {}, group.title),
          group.targets.map((t) => targetCard(t, editable)),
        ),
      ),
      h(
        'div',
        { class: 'kind' },
        h('h3', {}, 'Custom address block'),
        h(
          'div',
          { class: 'pair' },
          textfield('customCidr', 'CIDR block', f.customCidr, '192.168.2.0/24'),
          textfield('customPorts', 'TCP ports', f.customPorts, '9200, 31000'),
        ),
      ),
    ),
  );
}

const STATUS_WORDS: Record<string, string> = {
  'not-started': 'not started',
  running: 'running…',
  done: 'done',
  already: 'already so',
  manual: 'for you to do',
  info: '',
  failed: 'failed',
  'waiting-for-console': 'waiting for the console',
  cancelled: 'cancelled',
};

function stepItem(step: StepView): HTMLElement {
  const mark = { '+': 'create', '~': 'change', '=': 'same', '!': 'manual', '-': 'remove', '#': 'info' }[step.symbol] ?? 'info';
  return h(
    'li',
    { class: `step ${step.status ?? ''}` },
    h('span', { class: `mark ${mark}`, title: mark, 'aria-label': mark }, step.symbol),
    h(
      'div',
      { class: 'step-body' },
      h(
        'div',
        { class: 'step-title' },
        step.title,
        step.status !== undefined &&
          STATUS_WORDS[step.status] !== '' &&
          h(
            'span',
            { class: `status ${step.status}` },
            step.status === 'running' ? h('vscode-progress-ring', { class: 'ring' }) : null,
            STATUS_WORDS[step.status] ?? step.status,
          ),
      ),
      step.details.map((d) => h('div', { class: 'detail' }, d)),
      step.call !== undefined && h('code', { class: 'call' }, step.call),
      step.error !== undefined &&
        h(
          'div',
          { class: 'error-text', role: 'alert' },
          `${step.error.code}: ${step.error.message}${step.error.requestId !== undefined ? ` (RequestId ${step.error.requestId})` : ''}`,
        ),
    ),
  );
}

function copyRow(label: string, value: string, id: string): HTMLElement {
  return h(
    'div',
    { class: 'copy-row' },
    h('span', { class: 'copy-label' }, label),
    h('code', { class: 'copy-value' }, value),
    h('vscode-button', { id, secondary: true, 'aria-label': `Copy ${label}`, click: () => send({ type: 'copy', value }) }, 'Copy'),
  );
}

function button(id: string, label: string, action: FormAction, options: { secondary?: boolean; disabled?: boolean } = {}): HTMLElement {
  return h(
    'vscode-button',
    {
      id,
      secondary: options.secondary === true,
      disabled: options.disabled === true,
      'aria-describedby': id === 'plan' ? 'todo' : undefined,
      click: act(action),
    },
    label,
  );
}

function planView(view: FormView): HTMLElement | undefined {
  if (view.plan === undefined) return undefined;
  const plan = view.plan;
  return h(
    'section',
    { class: 'plan', 'aria-labelledby': 'plan-title' },
    h(
      'h2',
      { id: 'plan-title' },
      view.phase === 'edit' ? 'Plan refused' : view.phase === 'plan' ? 'Plan — nothing has changed yet' : 'Steps',
    ),
    plan.checks.length > 0 &&
      h(
        'ul',
        { class: 'checks' },
        plan.checks.map((c) => h('li', { class: c.startsWith('error') ? 'error-text' : 'warning-text' }, c)),
      ),
    plan.steps.length > 0 && h('ol', { class: 'steps' }, plan.steps.map(stepItem)),
    plan.summary !== '' && h('p', { class: 'summary' }, plan.summary),
  );
}

function handoverView(view: FormView): HTMLElement | undefined {
  if (view.handover === undefined) return undefined;
  return h(
    'section',
    { class: 'handover', 'aria-labelledby': 'handover-title' },
    h('h2', { id: 'handover-title' }, 'Create the link in the MaxCompute console'),
    h(
      'p',
      { class: 'intro' },
      "MaxCompute's network-link API cannot be used with these credentials or in this region (the reason is above), so create the link by hand: in the MaxCompute console, open Tenants › Network Connection › Add Network Connection and enter these values. This form notices the link by itself and finishes the remaining steps — you can close it meanwhile.",
    ),
    view.handover.fields.map((f, i) => copyRow(f.label, f.value, `copy-handover-${i}`)),
    h('div', { class: 'buttons' }, button('open-console', 'Open MaxCompute console', 'openConsole')),
  );
}

function usageView(view: FormView): HTMLElement | undefined {
  if (view.usage === undefined) return undefined;
  return h(
    'section',
    { class: 'usage', 'aria-labelledby': 'usage-title' },
    h('h2', { id: 'usage-title' }, 'Use the link'),
    view.usage.map((u, i) => copyRow(u.label, u.value, `copy-usage-${i}`)),
  );
}

function actions(view: FormView): HTMLElement {
  const buttons: HTMLElement[] = [];
  switch (view.phase) {
    case 'edit':
      buttons.push(button('plan', 'Plan', 'plan', { disabled: !view.canPlan }));
      buttons.push(button('refresh', 'Read the VPC again', 'refresh', { secondary: true }));
      if (view.todo.length > 0) buttons.push(h('span', { class: 'todo', id: 'todo' }, view.todo.join(' ')));
      break;
    case 'plan':
      buttons.push(
        button('apply', 'Apply', 'apply'),
        button('edit', 'Back to the form', 'edit', { secondary: true }),
        button('save', 'Save as spec…', 'saveSpec', { secondary: true }),
      );
      break;
    case 'applying':
    case 'waiting':
      buttons.push(button('cancel', 'Cancel', 'cancel', { secondary: true }));
      break;
    case 'failed':
    case 'cancelled':
      buttons.push(button('retry', 'Retry', 'retry'), button('edit', 'Back to the form', 'edit', { secondary: true }));
      break;
    case 'done':
      buttons.push(button('save', 'Save as spec…', 'saveSpec'));
      break;
    default:
      break;
  }
  return h('div', { class: 'buttons actions' }, buttons);
}

function render(view: FormView): void {
  const busy = view.phase === 'loading' || view.phase === 'planning' || view.phase === 'applying' || view.phase === 'waiting';
  const banner = view.outcome !== undefined && h('div', { class: `banner ${view.phase}`, role: 'status' }, view.outcome);
  const page = h(
    'main',
    { 'aria-busy': busy ? 'true' : 'false' },
    h('header', {}, h('h1', {}, view.title), h('p', { class: 'muted' }, view.subtitle)),
    banner,
    view.problems.length > 0 &&
      view.phase === 'edit' &&
      h(
        'div',
        { class: 'problems', role: 'alert' },
        h(
          'ul',
          {},
          view.problems.map((p) => h('li', {}, p)),
        ),
      ),
    view.phase === 'loading' &&
      h('p', { class: 'progress', role: 'status' }, h('vscode-progress-ring', { class: 'ring' }), 'Reading the VPC…'),
    view.phase === 'planning' &&
      h('p', { class: 'progress', role: 'status' }, h('vscode-progress-ring', { class: 'ring' }), 'Reading the live state and planning…'),
    view.phase === 'edit' && fieldsView(view),
    view.progress !== undefined &&
      h('p', { class: 'progress', role: 'status' }, busy && h('vscode-progress-ring', { class: 'ring' }), view.progress),
    handoverView(view),
    usageView(view),
    planView(view),
    view.savedSpec !== undefined && h('p', { class: 'muted' }, `Saved as ${view.savedSpec}`),
    actions(view),
  );
  // Updated in place: the field being typed in keeps its focus and caret.
  morphChildren(root, h('div', {}, page));
  document.body.dataset.phase = view.phase;
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  if (event.data?.type === 'state') render(event.data.view);
});
send({ type: 'ready' });
