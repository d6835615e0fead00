/** The spec fields of whitelist/security-group services (access, whitelistGroup) and their checks. */
import type { TargetAccess, SourceRange } from '../../core/specModel';
import type { TargetFields, TargetProblem } from '../kind';

/** A dedicated whitelist group, so MaxCompute's access can be removed without touching other entries. */
export const DEFAULT_WHITELIST_GROUP = 'maxcompute';

/** Whitelist groups every client shares; adding MaxCompute there is allowed but flagged. */
export const SHARED_WHITELIST_GROUPS: readonly string[] = ['default', 'rds_default'];

/** The access the item asks for (whitelist unless it says `access: securityGroup`). */
export function accessOf(fields: TargetFields): TargetAccess {
  if (fields.data.access === 'securityGroup') return { mode: 'securityGroup' };
  const group = fields.data.whitelistGroup;
  return { mode: 'whitelist', whitelistGroup: typeof group === 'string' ? group : DEFAULT_WHITELIST_GROUP };
}

/** The ranges of `access` and `whitelistGroup` (defaulted fields point at their neighbour). */
export function accessRanges(fields: TargetFields): { access: SourceRange; whitelistGroup: SourceRange } {
  const access = fields.range('access');
  return { access, whitelistGroup: fields.range('whitelistGroup', access) };
}

/** A whitelistGroup that access: securityGroup ignores; a shared group. */
export function accessProblems(access: TargetAccess, whitelistGroupRange: SourceRange, fields: TargetFields): TargetProblem[] {
  const problems: TargetProblem[] = [];
  if (access.mode === 'securityGroup' && fields.data.whitelistGroup !== undefined) {
    problems.push({
      severity: 'warning',
      code: 'ignored-property',
      field: 'whitelistGroup',
      range: whitelistGroupRange,
      message: 'is ignored because access is securityGroup; remove it, or set access: whitelist',
    });
  }
  if (access.mode === 'whitelist' && SHARED_WHITELIST_GROUPS.includes(access.whitelistGroup)) {
    problems.push({
      severity: 'warning',
      code: 'shared-whitelist-group',
      field: 'whitelistGroup',
      range: whitelistGroupRange,
      message: `"${access.whitelistGroup}" is shared with other clients; a dedicated group such as maxcompute lets you remove MaxCompute's access cleanly`,
    });
  }
  return problems;
}

/** `rm-… → ` helper: the item's string field. */
export function stringField(fields: TargetFields, name: string): string {
  const value = fields.data[name];
  if (typeof value !== 'string') throw new Error(`The schema guarantees ${name} is a string.`);
  return value;
}

/** The form's access choice for whitelist/security-group services: the vSwitch block first (ENI addresses change). */
export const SERVICE_FORM_ACCESS = {
  modes: ['whitelist', 'securityGroup'] as Array<'whitelist' | 'securityGroup'>,
  why: "Whitelist the link vSwitch's CIDR block (recommended: MaxCompute's network interface addresses change), or add the link's security group to the service.",
};

/** The target item of a whitelist/security-group service: `{ kind, <idField>: id, access[, whitelistGroup] }`. */
export function serviceFormItem(
  kind: string,
  idField: string,
  id: string,
  access: 'whitelist' | 'securityGroup' | undefined,
): Record<string, unknown> {
  return access === 'securityGroup'
    ? { kind, [idField]: id, access: 'securityGroup' }
    : { kind, [idField]: id, access: 'whitelist', whitelistGroup: DEFAULT_WHITELIST_GROUP };
}
