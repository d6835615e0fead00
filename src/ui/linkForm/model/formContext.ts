/**
 * What the Create Network Link form knows about one VPC: the same answers the Network view
 * holds (src/ui/networkView/model/explorerData.ts reads them through its cache), as plain data. No vscode.
 */
import type { SecurityGroup, VSwitch, Vpc } from '../../../core/model';
import type { FormOffer, ServiceResource } from '../../../targets';

/** A service found in the VPC, as the form offers it. */
export interface FormService {
  /** `<kind>:<id>`. */
  key: string;
  kind: string;
  /** `RDS instance`: the kind's noun. */
  noun: string;
  resource: ServiceResource;
  label: string;
  /** `RDS MySQL 8.0 · rm-…`. */
  detail: string;
  offer: FormOffer;
  /** What the VPC's existing links already have there, in words. */
  current?: string;
}

/** A link the VPC already has (declared in a spec, detected, or both). */
export interface FormLink {
  name?: string;
  vSwitchId: string;
  securityGroupId?: string;
  state: string;
}

/** Everything the form shows for one VPC. */
export interface FormContext {
  profile: string;
  /** The regions the Network view lists (the region field's choices). */
  regions: readonly string[];
  regionId: string;
  /** The VPCs of the region, as far as they were listed. */
  vpcs: readonly Vpc[];
  vpc: Vpc;
  vSwitches: readonly VSwitch[];
  groups: readonly SecurityGroup[];
  /** Per security group id, what uses it in words (`instance i-…` for an ECS instance, else the ENI id). */
  groupUsers: Readonly<Record<string, readonly string[]>>;
  links: readonly FormLink[];
  /** Names of every link known in the region (declared in the workspace's specs): a new one must differ. */
  knownLinkNames: readonly string[];
  services: readonly FormService[];
  /** The caller's account, when known without a call; the plan's checks tell otherwise. */
  callerAccountId?: string;
  /** Kinds that reach any address block (the custom CIDR and ports item), when the table has one. */
  addressBlockKind?: string;
  /** MaxCompute's naming rule for links (src/connectionSpec/linkName.ts, loaded with the spec module). */
  linkNameProblem(name: string): string | undefined;
  /** Listings that failed (the form still opens, with what it could read). */
  readProblems: readonly string[];
}
