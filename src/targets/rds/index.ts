/**
 * ApsaraDB RDS instances: MaxCompute gets in through an IP whitelist group (the link vSwitch's
 * block, appended with ModifySecurityIps Append so no other entry is touched) or by binding the
 * link's security group to the instance.
 */
import { toRdsInstance, type RdsInstance } from '../../cloud/products/rds';
import { splitList } from '../../cloud/reads';
import type { PlannedCall } from '../../core/plan';
import type { TargetKindModule } from '../kind';
import { managedServiceKind, type ManagedServiceLive, type ManagedServiceSpec } from '../common/managedService';
import type { ServiceAccessCalls } from '../common/serviceAccess';
import { definition } from './schema';

/**
 * RDS instances accept up to ten ECS security groups: verified, ModifySecurityGroupConfiguration's
 * SDK model (its text changed from "three" to "10" on 2024-04-09 and still says 10 in 2026-02).
 */
export const RDS_MAX_SECURITY_GROUPS = 10;

/**
 * ModifySecurityIps' reference: "Delete: … at least one IP address must be kept", and no API
 * deletes a whitelist group. RDS's own default group holds 127.0.0.1, which admits no one; so
 * the link's last entry is taken back by appending 127.0.0.1 first, then deleting the block —
 * two atomic calls, neither of which can drop an entry someone else added meanwhile.
 * [unverified] that RDS then keeps the group (the emulator refuses the emptying Delete).
 */
export const RDS_NO_ACCESS_ENTRY = '127.0.0.1';

export type RdsTargetSpec = ManagedServiceSpec<'rds', 'instanceId'>;

export type RdsLive = ManagedServiceLive<'rds', RdsInstance>;

function calls(instanceId: string): ServiceAccessCalls {
  const modifyIps = (groupName: string, cidr: string, mode: 'Append' | 'Delete'): PlannedCall => ({
    product: 'Rds',
    action: 'ModifySecurityIps',
    params: { DBInstanceId: instanceId, DBInstanceIPArrayName: groupName, SecurityIps: cidr, ModifyMode: mode },
  });
  return {
    label: `RDS ${instanceId}`,
    whitelistAdd: (groupName, _group, cidr) => ({
      call: modifyIps(groupName, cidr, 'Append'),
      keeps: 'ModifyMode=Append: no existing entry is replaced or removed',
    }),
    whitelistRemove: (groupName, _group, entry) => modifyIps(groupName, entry, 'Delete'),
    lastEntryNote: `RDS keeps at least one entry in a group and has no call that deletes one: ${RDS_NO_ACCESS_ENTRY} (admits no one) is appended first, and the group stays`,
    groupsSet: (groupIds) => ({
      product: 'Rds',
      action: 'ModifySecurityGroupConfiguration',
      params: { DBInstanceId: instanceId, SecurityGroupId: groupIds.join(',') },
    }),
  };
}

export const rdsKind: TargetKindModule<RdsTargetSpec, RdsLive, RdsInstance> = managedServiceKind({
  kind: 'rds',
  noun: 'RDS instance',
  idField: 'instance',
  idProperty: 'instanceId',
  schema: { definition, kindWords: 'rds (ApsaraDB RDS instance)', exampleId: 'rm-bp1abc2def3ghi4jkl5' },
  // The instance's own port (3306, 5432…): known only once it is read.
  defaultPorts: [],
  portsOf: (instance: RdsInstance) => [instance.port],

  async fetch(cloud, regionId, instanceId, options) {
    const list = await cloud.rds.describeDBInstances({ RegionId: regionId, DBInstanceId: instanceId }, options);
    const wire = (list.Items?.DBInstance ?? []).find((i) => i.DBInstanceId === instanceId);
    return wire === undefined ? undefined : toRdsInstance(wire, regionId);
  },
  reads: {
    async whitelist(cloud, regionId, instanceId, options) {
      const r = await cloud.rds.describeDBInstanceIPArrayList({ RegionId: regionId, DBInstanceId: instanceId }, options);
      return (r.Items?.DBInstanceIPArray ?? []).map((a) => ({ name: a.DBInstanceIPArrayName, ips: splitList(a.SecurityIPList) }));
    },
    async securityGroups(cloud, regionId, instanceId, options) {
      const r = await cloud.rds.describeSecurityGroupConfiguration({ RegionId: regionId, DBInstanceId: instanceId }, options);
      return (r.Items?.EcsSecurityGroupRelation ?? []).map((g) => g.SecurityGroupId);
    },
  },
  calls,
  writers(cloud, regionId, instanceId) {
    const modify = (groupName: string, ips: string, mode: 'Append' | 'Delete') =>
      cloud.rds.modifySecurityIps({
        RegionId: regionId,
        DBInstanceId: instanceId,
        DBInstanceIPArrayName: groupName,
        SecurityIps: ips,
        ModifyMode: mode,
      });
    return {
      // ModifySecurityIps Append and Delete change only the given entries: atomic on the server.
      addToWhitelist: async (groupName, _current, cidr) => void (await modify(groupName, cidr, 'Append')),
      removeFromWhitelist: async (groupName, current, entry) => {
        if (current.ips.every((ip) => ip === entry)) await modify(groupName, RDS_NO_ACCESS_ENTRY, 'Append');
        await modify(groupName, entry, 'Delete');
      },
      // [unverified] An empty SecurityGroupId unbinds the last group (teardown of an instance bound only to the link's group).
      writeSecurityGroups: async (ids) =>
        void (await cloud.rds.modifySecurityGroupConfiguration({
          RegionId: regionId,
          DBInstanceId: instanceId,
          SecurityGroupId: ids.join(','),
        })),
    };
  },
  maxSecurityGroups: RDS_MAX_SECURITY_GROUPS,
  usage: { tables: 'JDBC foreign tables over RDS', foreignTable: 'rds' },
  /** [unverified] The console page of an instance. */
  consoleUrl: 'https://rdsnext.console.aliyun.com/detail/{id}/basicInfo?region={regionId}',

  listScope: 'vpc',
  list: (cloud, _regionId, vpcId, options) =>
    cloud.fetchAll(cloud.lists.rdsInstances(vpcId === undefined ? {} : { VpcId: vpcId }), options),
  // The instance listens on one port.
  formPorts: (instance) => [{ port: instance.port, label: `${instance.engine} port` }],
  present: (instance) => ({
    label: instance.description || instance.instanceId,
    kindText: `RDS ${instance.engine} ${instance.engineVersion}`.trim(),
    icon: 'database',
    facts: [`- Port: ${instance.port}`, `- Status: ${instance.status}`],
  }),
});
