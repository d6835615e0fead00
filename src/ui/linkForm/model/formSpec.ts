/**
 * The form's choices as a connection spec: the text of a `*.mcvpc.yaml` document. The host
 * parses it with the spec parser (so the form plans exactly what the file would, through the
 * same planner as `mcvpc plan`), and Save as spec writes the same text. Pure. Names from the
 * cloud (anyone in a shared account sets them) go into comments only through yamlCommentText:
 * a line break there would let a name write YAML the form then plans.
 */
import { yamlCommentText } from '../../../core/displayText';
import { targetKind } from '../../../targets';
import type { FormContext } from './formContext';
import { parsePorts, type FormChoices, type FormState } from './formState';

/** A YAML scalar: plain when it is safe, else a JSON string (JSON strings are YAML). */
function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z0-9_./-][A-Za-z0-9_.:/-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|\d[\d.]*)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** One target item's lines (`  - kind: rds` …). */
function itemLines(item: Record<string, unknown>, comment?: string): string[] {
  const lines: string[] = [];
  if (comment !== undefined) lines.push(`  # ${yamlCommentText(comment)}`);
  Object.entries(item).forEach(([key, value], index) => {
    const text = Array.isArray(value)
      ? `[${value.map((v) => scalar(v as string | number)).join(', ')}]`
      : scalar(value as string | number | boolean);
    lines.push(`${index === 0 ? '  - ' : '    '}${key}: ${text}`);
  });
  return lines;
}

/** The target items of the choices, in the order the kinds table lists them. */
export function targetItems(context: FormContext, choices: FormChoices): Array<{ item: Record<string, unknown>; comment?: string }> {
  const items: Array<{ item: Record<string, unknown>; comment?: string }> = [];
  for (const service of context.services) {
    const choice = choices.targets[service.key];
    if (choice?.selected !== true) continue;
    const binding = targetKind(service.kind).service;
    if (binding === undefined) continue;
    items.push({
      item: binding.formItem(service.resource, { ports: choice.ports, access: choice.access }),
      comment: `${service.label} (${service.detail})`,
    });
  }
  const cidr = choices.customCidr.trim();
  const ports = parsePorts(choices.customPorts);
  if (cidr !== '' && ports !== undefined && ports.length > 0 && context.addressBlockKind !== undefined) {
    const kind = targetKind(context.addressBlockKind);
    if (kind.addressBlockItem !== undefined)
      items.push({ item: kind.addressBlockItem(`block-${cidr.replace(/[./]/g, '-')}`, cidr, ports), comment: 'a custom address block' });
  }
  return items;
}

/** The spec text of the form's choices (one document). */
export function formSpecText(state: FormState): string {
  const { context, choices } = state;
  if (context === undefined) throw new Error('The form has no VPC yet.');
  const vSwitch = context.vSwitches.find((s) => s.vSwitchId === choices.vSwitchId);
  const lines = [
    `# Network link ${yamlCommentText(choices.name)}, made with the Create Network Link form.`,
    '# `mcvpc plan` on this file shows what is still to do; SQL uses the link with',
    `#   SET odps.session.networklink=${yamlCommentText(choices.name)};`,
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    `  name: ${scalar(choices.name)}`,
    `profile: ${scalar(context.profile)}`,
    `region: ${scalar(choices.regionId)}`,
    `vpc: ${scalar(choices.vpcId)}${context.vpc.name !== '' ? `   # ${yamlCommentText(`${context.vpc.name}, ${context.vpc.cidrBlock}`)}` : ''}`,
    `vSwitch: ${scalar(choices.vSwitchId)}${vSwitch !== undefined ? `   # ${yamlCommentText(`${vSwitch.name !== '' ? `${vSwitch.name}, ` : ''}zone ${vSwitch.zoneId}, ${vSwitch.cidrBlock}`)}` : ''}`,
    'securityGroup:',
  ];
  if (choices.groupMode === 'existing') {
    lines.push(`  id: ${scalar(choices.existingGroupId)}`);
  } else {
    const source = choices.inboundSource === 'cidr' ? choices.inboundCidr.trim() : choices.inboundSource;
    lines.push(
      '  create:',
      `    name: ${scalar(choices.groupName)}`,
      `    description: ${scalar(`MaxCompute network link ${choices.name}`)}`,
      `    inboundSource: ${scalar(source)}`,
    );
    if (choices.inboundSource === 'cidr' && choices.wholeInternetConfirmed)
      lines.push('    allowWholeInternet: true   # confirmed in the form');
  }
  const items = targetItems(context, choices);
  if (items.length > 0) {
    lines.push('targets:');
    for (const { item, comment } of items) lines.push(...itemLines(item, comment));
  }
  return `${lines.join('\n')}\n`;
}
