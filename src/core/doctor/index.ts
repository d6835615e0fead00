/**
 * The link doctor: from the live configuration alone (no packet sent), whether MaxCompute can
 * reach each target of a link, hop by hop, with the evidence and a fix for what blocks it. Pure.
 */
import type { LiveState } from '../plan';
import type { ConnectionSpec } from '../specModel';
import { accountHop, interfacesHop, linkApiHop, linkGroupHops, managedGroupHops, zoneHop } from './linkHops';
import { targetHops, type DoctorKinds } from './targetHops';
import { usageHop, type UsageFile } from './usageHop';
import type { DoctorExtras, DoctorReport, Hop, HopVerdict, LinkEndpoint } from './types';

export type * from './types';
export { blockEnds, egressRule, rulesForPort, type DoctorKind, type DoctorKinds } from './targetHops';
export { ruleEvidence, groupEvidence, textEvidence, ruleFix } from './evidence';
export { fixPlan, fixSteps } from './fixPlan';
export { renderReportMarkdown, renderReportText } from './render';
export { usageHop, type UsageFile } from './usageHop';

/** Where the link's traffic comes from, as the live state shows it. */
export function linkEndpoint(spec: ConnectionSpec, live: LiveState): LinkEndpoint {
  const endpoint: LinkEndpoint = {
    regionId: spec.regionId,
    vpcId: spec.vpcId,
    vSwitchId: spec.vSwitchId,
    eniAddresses: live.linkNetworkInterfaces.map((n) => n.privateIpAddress).filter((ip) => ip !== ''),
    callerAccountId: live.callerAccountId,
  };
  if (live.vpc?.cidrBlock) endpoint.vpcCidr = live.vpc.cidrBlock;
  if (live.vSwitch?.cidrBlock) endpoint.vSwitchCidr = live.vSwitch.cidrBlock;
  if (live.linkGroup !== undefined) endpoint.linkGroupId = live.linkGroup.group.securityGroupId;
  return endpoint;
}

const ORDER: readonly HopVerdict[] = ['fail', 'unknown', 'warn', 'pass'];

/** The report's verdict: any fail; else any unknown; else warn when any; else pass. */
export function overallVerdict(hops: readonly Hop[]): HopVerdict {
  return ORDER.find((v) => hops.some((h) => h.verdict === v)) ?? 'pass';
}

/** Every hop of the link and its targets. */
export function diagnoseLink(
  spec: ConnectionSpec,
  live: LiveState,
  extras: DoctorExtras,
  kinds: DoctorKinds,
  usageFiles: readonly UsageFile[] = [],
): DoctorReport {
  const link = linkEndpoint(spec, live);
  const hops: Hop[] = [
    accountHop(spec, live),
    zoneHop(spec, live),
    ...linkGroupHops(spec, live, extras),
    linkApiHop(spec, live),
    interfacesHop(spec, live),
    ...managedGroupHops(spec, live, extras),
  ];
  for (const target of spec.targets) hops.push(...targetHops(spec, live, extras, target, kinds(target.kind), link));
  const usage = usageHop(spec, usageFiles);
  if (usage !== undefined) hops.push(usage);
  const counts: Record<HopVerdict, number> = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const h of hops) counts[h.verdict] += 1;
  return {
    formatVersion: 1,
    networkLinkName: spec.networkLinkName,
    regionId: spec.regionId,
    vpcId: spec.vpcId,
    vSwitchId: spec.vSwitchId,
    verdict: overallVerdict(hops),
    hops,
    counts,
  };
}
