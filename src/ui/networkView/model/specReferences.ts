/** Where the workspace's specs name a resource, for "Reveal in Spec". Pure (no vscode). */
import type { SourceRange } from '../../../core/specModel';
import { targetKind } from '../../../targets';
import type { DeclaredLink } from './links';
import type { ExplorerNode } from './nodes';

/** One place a spec names the resource. */
export interface SpecReference {
  file: string;
  range: SourceRange;
  /** The link whose spec it is, for a pick list. */
  networkLinkName: string;
  /** Which field, e.g. "vpc" or "targets[0]". */
  field: string;
}

/** Every place in the declared specs that names the node's resource. */
export function specReferences(node: ExplorerNode, declared: readonly DeclaredLink[]): SpecReference[] {
  const refs: SpecReference[] = [];
  for (const { spec, file } of declared) {
    const add = (range: SourceRange, field: string): void => {
      refs.push({ file, range, networkLinkName: spec.networkLinkName, field });
    };
    if ('regionId' in node && spec.regionId !== node.regionId) continue;
    switch (node.kind) {
      case 'networkLink':
        if (node.link.declared?.file === file && spec.networkLinkName === node.link.name) add(spec.ranges.networkLinkName, 'metadata.name');
        break;
      case 'vpc':
        if (spec.vpcId === node.vpc.vpcId) add(spec.ranges.vpcId, 'vpc');
        break;
      case 'vSwitch':
        if (spec.vSwitchId === node.vSwitch.vSwitchId) add(spec.ranges.vSwitchId, 'vSwitch');
        break;
      case 'securityGroup': {
        const group = spec.securityGroup;
        if (group.mode === 'existing' && group.securityGroupId === node.group.securityGroupId)
          add(group.ranges.securityGroupId, 'securityGroup.id');
        if (group.mode === 'create' && group.name === node.group.name && spec.vpcId === node.group.vpcId)
          add(group.ranges.name, 'securityGroup.create.name');
        for (const target of spec.targets) {
          if (targetKind(target.kind).resourceIdOf(target) === node.group.securityGroupId) add(target.range, `targets[${target.index}]`);
        }
        break;
      }
      case 'service': {
        const service = node.service;
        for (const target of spec.targets) {
          if (target.kind === service.kind && targetKind(target.kind).service?.matches(target, service) === true)
            add(target.range, `targets[${target.index}]`);
        }
        break;
      }
      default:
        break;
    }
  }
  return refs;
}
