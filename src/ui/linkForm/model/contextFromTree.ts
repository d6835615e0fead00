/** The form's context of a VPC, made from what the Network view read (ExplorerData.vpcDetails). Pure. */
import { interfaceUserText, interfacesByGroup } from '../../../core/model';
import { accessSummaryText } from '../../networkView/model/access';
import type { VpcDetails } from '../../networkView/model/explorerData';
import { linkStateText } from '../../networkView/model/links';
import { TARGET_KINDS, targetKind } from '../../../targets';
import type { FormContext, FormService } from './formContext';

/** What the host adds to the tree's answers. */
export interface ContextExtras {
  profile: string;
  regionId: string;
  regions: readonly string[];
  knownLinkNames: readonly string[];
  callerAccountId?: string;
  linkNameProblem(name: string): string | undefined;
}

/**
 * Which groups the VPC's network interfaces use (a group in use is not a new link's), each user
 * in words: an ECS instance (its primary ENI carries its groups) by the instance, others by ENI.
 */
function groupUsers(details: VpcDetails): Record<string, string[]> {
  return Object.fromEntries([...interfacesByGroup(details.interfaces)].map(([id, enis]) => [id, enis.map(interfaceUserText)]));
}

/** The services of the VPC, through their kinds' modules. */
function services(details: VpcDetails): FormService[] {
  return details.services.flatMap((node) => {
    const kind = targetKind(node.service.kind);
    if (kind.service === undefined) return [];
    const current = node.access.summary === 'no-link' ? undefined : accessSummaryText(node.access);
    return [
      {
        key: `${kind.kind}:${node.presentation.id}`,
        kind: kind.kind,
        noun: kind.noun,
        resource: node.service,
        label: node.presentation.label,
        detail: `${node.presentation.kindText} · ${node.presentation.id}`,
        offer: kind.service.formOffer(node.service),
        current,
      },
    ];
  });
}

/** The form's context. */
export function contextFromTree(details: VpcDetails, extras: ContextExtras): FormContext {
  return {
    profile: extras.profile,
    regions: extras.regions.includes(extras.regionId) ? extras.regions : [extras.regionId, ...extras.regions],
    regionId: extras.regionId,
    vpcs: details.vpcs,
    vpc: details.vpc,
    vSwitches: details.vSwitches,
    groups: details.groups,
    groupUsers: groupUsers(details),
    links: details.links.map((l) => ({
      name: l.name,
      vSwitchId: l.vSwitchId,
      securityGroupId: l.securityGroupId,
      state: linkStateText(l.state),
    })),
    knownLinkNames: extras.knownLinkNames,
    services: services(details),
    callerAccountId: extras.callerAccountId,
    addressBlockKind: TARGET_KINDS.find((k) => k.addressBlockItem !== undefined)?.kind,
    linkNameProblem: extras.linkNameProblem,
    readProblems: details.readProblems,
  };
}
