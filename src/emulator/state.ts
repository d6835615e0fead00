/**
 * The emulator's world: accounts and the resources each one owns. Plain JSON-able data, so the
 * whole state can be written to one file and read back. Every resource lives under its owner's
 * account, which is what makes another account's resource simply "not found".
 */

/** A temporary (STS) credential of an account: the key works only together with its token. */
export interface TemporaryCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  roleName: string;
  sessionName: string;
}

export interface VpcRecord {
  vpcId: string;
  regionId: string;
  name: string;
  cidrBlock: string;
  description: string;
  isDefault: boolean;
  creationTime: string;
  /** Epoch ms from which Describe calls show the resource (eventual consistency fault). */
  visibleAt: number;
  /** The owner's account id when another account shares this VPC with this one (Resource Sharing); absent: this account's own. */
  ownerId?: string;
}

export interface VSwitchRecord {
  vSwitchId: string;
  vpcId: string;
  regionId: string;
  zoneId: string;
  name: string;
  cidrBlock: string;
  availableIpAddressCount: number;
  creationTime: string;
  visibleAt: number;
}

export interface RuleRecord {
  ruleId: string;
  direction: 'ingress' | 'egress';
  /** Upper case: TCP, UDP, ICMP, GRE, ALL, ICMPV6. */
  ipProtocol: string;
  portRange: string;
  sourcePortRange: string;
  policy: 'Accept' | 'Drop';
  priority: number;
  nicType: string;
  /** The peer: the source for ingress, the destination for egress. Exactly one is set. */
  peerCidr?: string;
  peerIpv6Cidr?: string;
  peerGroupId?: string;
  peerPrefixListId?: string;
  /** The other side's address (DestCidrIp on ingress, SourceCidrIp on egress), rarely used. */
  localCidr?: string;
  description: string;
  createTime: string;
}

export interface SecurityGroupRecord {
  securityGroupId: string;
  regionId: string;
  vpcId: string;
  name: string;
  description: string;
  type: 'normal' | 'enterprise';
  innerAccessPolicy: 'Accept' | 'Drop';
  serviceManaged: boolean;
  creationTime: string;
  visibleAt: number;
  rules: RuleRecord[];
}

export interface NetworkInterfaceRecord {
  networkInterfaceId: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  zoneId: string;
  name: string;
  description: string;
  privateIpAddress: string;
  macAddress: string;
  securityGroupIds: string[];
  serviceManaged: boolean;
  serviceId: string;
  type: 'Primary' | 'Secondary';
  status: string;
  creationTime: string;
  visibleAt: number;
  /**
   * The ECS instance the interface is attached to: set on every instance's primary interface
   * (primaryInterfaces.ts), absent on MaxCompute's (a service's ENIs report no instance) and in
   * state files written before primary interfaces existed.
   */
  instanceId?: string;
}

export interface IpArrayRecord {
  name: string;
  attribute: string;
  ips: string[];
}

export interface RdsInstanceRecord {
  dbInstanceId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  description: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  port: number;
  status: string;
  connectionString: string;
  createTime: string;
  ipArrays: IpArrayRecord[];
  securityGroupIds: string[];
}

export interface HBaseWhitelistGroup {
  groupName: string;
  ipVersion: number;
  ips: string[];
}

export interface HBaseClusterRecord {
  clusterId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  name: string;
  engine: string;
  majorVersion: string;
  status: string;
  createdTime: string;
  whitelist: HBaseWhitelistGroup[];
  securityGroupIds: string[];
}

export interface EmrClusterRecord {
  clusterId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  securityGroupId: string;
  name: string;
  clusterType: string;
  state: string;
  releaseVersion: string;
  createTime: number;
}

/** A PolarDB cluster (PolarDB 2017-08-01). `ipArrays` are its IP whitelist groups, `securityGroupIds` its ECS groups (at most 3). */
export interface PolarDbClusterRecord {
  dbClusterId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  description: string;
  /** `MySQL`, `PostgreSQL` or `Oracle`. */
  dbType: string;
  dbVersion: string;
  /** e.g. `Running`. */
  status: string;
  nodeClass: string;
  createTime: string;
  ipArrays: IpArrayRecord[];
  securityGroupIds: string[];
}

/** One whitelist group of a Lindorm instance. */
export interface LindormWhitelistGroup {
  groupName: string;
  ips: string[];
}

/** A Lindorm instance (hitsdb 2020-06-15). */
export interface LindormInstanceRecord {
  instanceId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  /** The name the console shows (InstanceAlias). */
  alias: string;
  /** e.g. `ACTIVATION` (running). */
  status: string;
  /** Sum of the engines it runs: 1 search, 2 LindormTSDB, 4 LindormTable, 8 file. */
  engineType: number;
  /** `lindorm`, `lindorm_multizone`, `serverless_lindorm`, `lindorm_standalone` or `lts`. */
  serviceType: string;
  /** Epoch ms. */
  createMilliseconds: number;
  whitelist: LindormWhitelistGroup[];
}

/**
 * An ECS instance in a VPC. Its primary network interface is a NetworkInterfaceRecord of the
 * account, kept in step with this record (vSwitch, address, security groups) by
 * syncPrimaryInterfaces in primaryInterfaces.ts: the instance is the one truth for its groups.
 */
export interface EcsInstanceRecord {
  instanceId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  name: string;
  description: string;
  /** `Pending`, `Running`, `Starting`, `Stopping` or `Stopped`. */
  status: string;
  instanceType: string;
  privateIpAddresses: string[];
  securityGroupIds: string[];
  creationTime: string;
  tags: Array<{ key: string; value: string }>;
}

export interface RamRoleRecord {
  roleName: string;
  roleId: string;
  description: string;
  createDate: string;
}

export interface NetworkLinkRecord {
  name: string;
  regionId: string;
  /** PASSTHROUGH (absent in state files from before the link API: read as PASSTHROUGH). */
  type?: string;
  vpcId: string;
  vSwitchId: string;
  securityGroupId: string;
  /** Empty until the link is SUCCESS. */
  networkInterfaceIds: string[];
  /** CREATING, SUCCESS, DELETING, FAILED, or a fault's end status (constants.ts). */
  status: string;
  createTime: string;
  /** While CREATING: when it turns SUCCESS (or `endStatus`). */
  readyAt?: number;
  /** A fault's status the link ends in instead of SUCCESS. */
  endStatus?: string;
  /** While DELETING: when it and its interfaces are gone. */
  releaseAt?: number;
  /** Why it ended FAILED. */
  failure?: string;
}

export interface AccountState {
  name: string;
  /** 16 digits, the account UID. */
  accountId: string;
  accessKeyId: string;
  accessKeySecret: string;
  temporaryCredentials: TemporaryCredential[];
  /** Regions the account has resources in (the seed's view; DescribeRegions lists the whole catalog). */
  regionIds: string[];
  vpcs: VpcRecord[];
  vSwitches: VSwitchRecord[];
  securityGroups: SecurityGroupRecord[];
  networkInterfaces: NetworkInterfaceRecord[];
  rdsInstances: RdsInstanceRecord[];
  hbaseClusters: HBaseClusterRecord[];
  emrClusters: EmrClusterRecord[];
  /**
   * Added with PolarDB, Lindorm and ECS instances. State files written before have none: the
   * product handlers treat a missing list as empty (see ownList in lookup.ts).
   */
  polardbClusters: PolarDbClusterRecord[];
  lindormInstances: LindormInstanceRecord[];
  ecsInstances: EcsInstanceRecord[];
  ramRoles: RamRoleRecord[];
  networkLinks: NetworkLinkRecord[];
}

/** A remembered ClientToken: the first successful response of (account, action, token). */
export interface ClientTokenRecord {
  key: string;
  storedAt: number;
  body: Record<string, unknown>;
}

export interface EmulatorState {
  formatVersion: 1;
  accounts: AccountState[];
  clientTokens: ClientTokenRecord[];
}

/** An empty account with the given credentials. */
export function emptyAccount(init: Pick<AccountState, 'name' | 'accountId' | 'accessKeyId' | 'accessKeySecret'> & Partial<AccountState>): AccountState {
  return {
    temporaryCredentials: [],
    regionIds: [],
    vpcs: [],
    vSwitches: [],
    securityGroups: [],
    networkInterfaces: [],
    rdsInstances: [],
    hbaseClusters: [],
    emrClusters: [],
    polardbClusters: [],
    lindormInstances: [],
    ecsInstances: [],
    ramRoles: [],
    networkLinks: [],
    ...init,
  };
}
