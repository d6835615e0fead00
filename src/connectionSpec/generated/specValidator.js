/* eslint-disable */
// Generated from schemas/mcvpc.schema.json by src/connectionSpec/validatorSource.ts; do not edit.
// Regenerate: npm run generate:spec
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$comment":"Draft-07: the newest draft both ajv 8 (default export) and every yaml-language-server release handle. This file is the single source for the spec's structure: src/connectionSpec compiles it, and contributes.yamlValidation points Red Hat YAML at it. patternErrorMessage/errorMessage/markdownDescription are yaml-language-server's annotations; src/connectionSpec reads them for its own messages.","title":"MaxCompute VPC Connect network link (*.mcvpc.yaml)","description":"One MaxCompute network link (the name SQL and Spark use to reach a VPC) and the services in that VPC it must reach.","markdownDescription":"One MaxCompute **network link** and the services in the VPC it must reach. Use `---` to describe several links in one file.\n\nSQL then uses it with `SET odps.session.networklink=<metadata.name>;`.","type":"object","required":["version","kind","metadata","region","vpc","vSwitch","securityGroup"],"additionalProperties":false,"properties":{"version":{"description":"Version of this file format. Always mcvpc/v1 for now.","const":"mcvpc/v1","examples":["mcvpc/v1"]},"kind":{"description":"What this document describes. Always NetworkLink.","const":"NetworkLink","examples":["NetworkLink"]},"metadata":{"description":"The link's name and an optional description.","type":"object","required":["name"],"additionalProperties":false,"properties":{"name":{"$ref":"#/definitions/networkLinkName"},"description":{"description":"Free text for people: what the link is for.","type":"string","maxLength":256,"examples":["Nightly sync from the orders database"]}},"examples":[{"name":"orders_rds","description":"Nightly sync from the orders database"}]},"profile":{"description":"The aliyun CLI profile (from ~/.aliyun/config.json) whose credentials plan and apply use. Omit to use the current profile.","type":"string","minLength":1,"maxLength":64,"examples":["default","prod"]},"region":{"description":"RegionId of the VPC and of the MaxCompute project, like cn-hangzhou.","markdownDescription":"**RegionId** of the VPC, e.g. `cn-hangzhou`. Network links exist only in the regions listed in the MaxCompute direct-connection doc.","type":"string","pattern":"^[a-z]{2,}(-[a-z0-9]+)+$","patternErrorMessage":"A RegionId is lower-case words joined by hyphens, like cn-hangzhou.","examples":["cn-hangzhou","cn-beijing","cn-shanghai","cn-zhangjiakou","cn-wulanchabu","cn-shenzhen","cn-hongkong","cn-shanghai-finance-1","ap-northeast-1","ap-southeast-1","ap-southeast-3","ap-southeast-5","eu-central-1","us-west-1","us-east-1"]},"vpc":{"description":"VpcId of the VPC that holds the services (vpc-…).","type":"string","maxLength":64,"pattern":"^vpc-[a-z0-9]+$","patternErrorMessage":"A VpcId starts with vpc- (like vpc-bp1abc2def3).","examples":["vpc-bp1abc2def3ghi4jkl5"]},"vSwitch":{"description":"VSwitchId where MaxCompute places the link's network interfaces (vsw-…). Its zone must support network links.","type":"string","maxLength":64,"pattern":"^vsw-[a-z0-9]+$","patternErrorMessage":"A VSwitchId starts with vsw- (like vsw-bp1abc2def3).","examples":["vsw-bp1abc2def3ghi4jkl5"]},"securityGroup":{"description":"The basic security group MaxCompute puts its network interfaces in: an existing one (id) or a new one (create).","markdownDescription":"The **basic** security group MaxCompute puts its network interfaces in. Either\n\n```yaml\nsecurityGroup:\n  id: sg-bp1…\n```\n\nfor an existing, unused basic group, or\n\n```yaml\nsecurityGroup:\n  create:\n    name: maxcompute-link\n    inboundSource: vpc-cidr\n```\n\nfor a new one that allows inbound return traffic (priority 1, all protocols, ports -1/-1).","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"errorMessage":"Give exactly one of id (an existing basic group) or create (a new one).","properties":{"id":{"$ref":"#/definitions/securityGroupId"},"create":{"$ref":"#/definitions/securityGroupCreate"}},"examples":[{"id":"sg-bp1abc2def3ghi4jkl5"},{"create":{"name":"maxcompute-link","inboundSource":"vpc-cidr"}}]},"targets":{"description":"The services MaxCompute must reach through this link: RDS instances, HBase clusters, EMR (Hadoop) clusters or custom address blocks.","type":"array","maxItems":100,"items":{"$ref":"#/definitions/target"},"default":[],"examples":[[{"kind":"rds","instance":"rm-bp1abc2def3ghi4jkl5"}]]}},"definitions":{"networkLinkName":{"$comment":"[unverified] The console's exact naming rule for network links is not documented. We accept what is safe in `SET odps.session.networklink=<name>;` and TBLPROPERTIES: a letter first, then letters, digits, _ or -, 3-64 characters in all. Change it here only.","description":"The link's name, as SQL (SET odps.session.networklink=<name>;) and Spark refer to it. A letter first, then letters, digits, _ or -; 3–64 characters.","type":"string","minLength":3,"maxLength":64,"pattern":"^[A-Za-z][A-Za-z0-9_-]*$","patternErrorMessage":"A link name starts with a letter and contains only letters, digits, _ and -.","examples":["orders_rds","hadoop-prod"]},"securityGroupId":{"description":"SecurityGroupId of an existing security group (sg-…).","type":"string","maxLength":64,"pattern":"^sg-[a-z0-9]+$","patternErrorMessage":"A SecurityGroupId starts with sg- (like sg-bp1abc2def3).","examples":["sg-bp1abc2def3ghi4jkl5"]},"securityGroupCreate":{"description":"A new basic security group for the link, with one inbound Allow rule (priority 1, protocol ALL, ports -1/-1) for return traffic.","type":"object","required":["name","inboundSource"],"additionalProperties":false,"properties":{"name":{"description":"SecurityGroupName: 2–128 characters, a letter first, then letters, digits, :, _, . or -.","type":"string","minLength":2,"maxLength":128,"pattern":"^[A-Za-z][A-Za-z0-9:_.-]*$","patternErrorMessage":"A security group name starts with a letter and contains only letters, digits, :, _, . and -.","examples":["maxcompute-link"]},"description":{"description":"Description of the new group, 2–256 characters.","type":"string","minLength":2,"maxLength":256,"examples":["MaxCompute network link orders_rds"]},"inboundSource":{"description":"Where inbound (return) traffic may come from: vpc-cidr (the VPC's CIDR block), vswitch-cidr (the vSwitch's CIDR block) or an explicit IPv4 CIDR block.","markdownDescription":"Where inbound (return) traffic may come from:\n\n- `vpc-cidr`: the VPC's CIDR block\n- `vswitch-cidr`: the link vSwitch's CIDR block\n- an IPv4 CIDR block such as `192.168.0.0/16`\n\n`0.0.0.0/0` is refused unless `allowWholeInternet: true`.","type":"string","anyOf":[{"enum":["vpc-cidr","vswitch-cidr"]},{"pattern":"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$"}],"errorMessage":"Use vpc-cidr, vswitch-cidr or an IPv4 CIDR block like 192.168.0.0/16.","examples":["vpc-cidr","vswitch-cidr","192.168.0.0/16"]},"allowWholeInternet":{"description":"Set to true to accept 0.0.0.0/0 as inboundSource. Almost never what you want.","type":"boolean","default":false,"examples":[false]}},"examples":[{"name":"maxcompute-link","inboundSource":"vpc-cidr"}]},"cidrText":{"description":"An IPv4 address or CIDR block, like 192.168.0.0/16.","type":"string","pattern":"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$","patternErrorMessage":"An IPv4 CIDR block looks like 192.168.0.0/16.","examples":["192.168.0.0/16"]},"targetLabel":{"description":"A short label for this target, shown in plans and the editor. Optional.","type":"string","minLength":1,"maxLength":64,"examples":["orders-db"]},"access":{"description":"How the service lets MaxCompute in: whitelist (add the link vSwitch's CIDR block to an IP whitelist group) or securityGroup (add the link's security group to the service).","markdownDescription":"How the service lets MaxCompute in:\n\n- `whitelist` (default): add the link vSwitch's CIDR block to the IP whitelist group `whitelistGroup`. The doc recommends the CIDR block, since the link's network interface addresses can change.\n- `securityGroup`: add the link's security group to the service's security groups.","type":"string","enum":["whitelist","securityGroup"],"default":"whitelist","examples":["whitelist","securityGroup"]},"whitelistGroup":{"$comment":"[unverified] Whitelist group names: RDS documents 2-32 characters of lower-case letters, digits and _, starting with a letter; HBase is assumed to accept the same. Change it here only.","description":"Name of the IP whitelist group that holds MaxCompute's addresses. A dedicated group (default maxcompute) lets you remove MaxCompute's access without touching other entries.","type":"string","minLength":2,"maxLength":32,"pattern":"^[a-z][a-z0-9_]*$","patternErrorMessage":"A whitelist group name starts with a lower-case letter and contains only lower-case letters, digits and _.","default":"maxcompute","examples":["maxcompute"]},"ports":{"description":"TCP ports MaxCompute must reach, each 1–65535, each once.","type":"array","minItems":1,"maxItems":64,"uniqueItems":true,"items":{"title":"port","description":"A TCP port, 1–65535.","type":"integer","minimum":1,"maximum":65535,"examples":[9083]},"examples":[[9083,8020,50010]]},"target":{"description":"A service MaxCompute must reach. kind says which: rds, polardb, hbase, lindorm, emr, ecs or custom.","type":"object","required":["kind"],"properties":{"kind":{"description":"What sort of service: rds (ApsaraDB RDS instance), polardb (PolarDB cluster), hbase (ApsaraDB for HBase cluster), lindorm (Lindorm instance), emr (E-MapReduce / Hadoop cluster), ecs (a service on an ECS instance) or custom (any address block and ports in the VPC).","type":"string","enum":["rds","polardb","hbase","lindorm","emr","ecs","custom"],"examples":["rds","polardb","hbase","lindorm","emr","ecs","custom"]}},"allOf":[{"if":{"properties":{"kind":{"const":"rds"}},"required":["kind"]},"then":{"$ref":"#/definitions/rdsTarget"}},{"if":{"properties":{"kind":{"const":"polardb"}},"required":["kind"]},"then":{"$ref":"#/definitions/polardbTarget"}},{"if":{"properties":{"kind":{"const":"hbase"}},"required":["kind"]},"then":{"$ref":"#/definitions/hbaseTarget"}},{"if":{"properties":{"kind":{"const":"lindorm"}},"required":["kind"]},"then":{"$ref":"#/definitions/lindormTarget"}},{"if":{"properties":{"kind":{"const":"emr"}},"required":["kind"]},"then":{"$ref":"#/definitions/emrTarget"}},{"if":{"properties":{"kind":{"const":"ecs"}},"required":["kind"]},"then":{"$ref":"#/definitions/ecsTarget"}},{"if":{"properties":{"kind":{"const":"custom"}},"required":["kind"]},"then":{"$ref":"#/definitions/customTarget"}}],"examples":[{"kind":"rds","instance":"rm-bp1abc2def3ghi4jkl5"}]},"rdsTarget":{"description":"An ApsaraDB RDS instance.","type":"object","required":["kind","instance"],"additionalProperties":false,"properties":{"kind":{"const":"rds","description":"An ApsaraDB RDS instance.","examples":["rds"]},"name":{"$ref":"#/definitions/targetLabel"},"instance":{"description":"DBInstanceId of the RDS instance (rm-… for MySQL, pgm-… for PostgreSQL).","type":"string","maxLength":64,"pattern":"^(rm|pgm)-[a-z0-9]+$","patternErrorMessage":"An RDS DBInstanceId starts with rm- (or pgm- for PostgreSQL).","examples":["rm-bp1abc2def3ghi4jkl5"]},"access":{"$ref":"#/definitions/access"},"whitelistGroup":{"$ref":"#/definitions/whitelistGroup"}}},"polardbTarget":{"description":"A PolarDB cluster (MySQL, PostgreSQL or Oracle compatible).","markdownDescription":"A PolarDB cluster, given by `cluster: pc-…`. MaxCompute gets in through an IP whitelist group (`access: whitelist`, the default: the link vSwitch's CIDR block is appended, never replacing an entry) or by adding the link's security group to the cluster (`access: securityGroup`; at most 3 groups per cluster).","type":"object","required":["kind","cluster"],"additionalProperties":false,"properties":{"kind":{"const":"polardb","description":"A PolarDB cluster.","examples":["polardb"]},"name":{"$ref":"#/definitions/targetLabel"},"cluster":{"description":"DBClusterId of the PolarDB cluster (pc-…).","type":"string","maxLength":64,"pattern":"^pc-[a-z0-9]+$","patternErrorMessage":"A PolarDB DBClusterId starts with pc- (like pc-bp1abc2def3ghi4jk).","examples":["pc-bp1abc2def3ghi4jk"]},"access":{"$ref":"#/definitions/access"},"whitelistGroup":{"$comment":"ModifyDBClusterAccessWhitelist: DBClusterIPArrayName starts with a letter and has 2-120 lower-case letters and digits (SDK model description).","description":"Name of the cluster's IP whitelist group that holds MaxCompute's block (created when absent). A dedicated group (default maxcompute) lets you remove MaxCompute's access without touching other entries.","type":"string","minLength":2,"maxLength":120,"pattern":"^[a-z][a-z0-9]+$","patternErrorMessage":"A PolarDB whitelist group name starts with a lower-case letter and has only lower-case letters and digits (2-120).","default":"maxcompute","examples":["maxcompute"]}}},"hbaseTarget":{"description":"An ApsaraDB for HBase cluster.","type":"object","required":["kind","cluster"],"additionalProperties":false,"properties":{"kind":{"const":"hbase","description":"An ApsaraDB for HBase cluster.","examples":["hbase"]},"name":{"$ref":"#/definitions/targetLabel"},"cluster":{"$comment":"Performance-enhanced clusters created in the Lindorm console have ld- ids (the HBase external-table page's note; DescribeInstances' samples).","description":"ClusterId of the HBase cluster (hb-…, or ld-… for a Performance-enhanced cluster).","type":"string","maxLength":64,"pattern":"^(hb|ld)-[a-z0-9]+$","patternErrorMessage":"An HBase ClusterId starts with hb- or ld- (like hb-bp1abc2def3).","examples":["hb-bp1abc2def3ghi4jkl5"]},"access":{"$ref":"#/definitions/access"},"whitelistGroup":{"$ref":"#/definitions/whitelistGroup"}}},"lindormTarget":{"description":"A Lindorm instance (the successor of ApsaraDB for HBase).","markdownDescription":"A Lindorm instance, given by `instance: ld-…`. MaxCompute gets in through the instance's IP whitelist: the link vSwitch's CIDR block is added to `whitelistGroup` (every group is read before and after the write; other entries are kept, and removal leaves the group holding `127.0.0.1`, which admits no one). Lindorm V2 instances are not supported yet: their whitelist API is not verified here.","type":"object","required":["kind","instance"],"additionalProperties":false,"properties":{"kind":{"const":"lindorm","description":"A Lindorm instance.","examples":["lindorm"]},"name":{"$ref":"#/definitions/targetLabel"},"instance":{"description":"InstanceId of the Lindorm instance (ld-…).","type":"string","maxLength":64,"pattern":"^ld-[a-z0-9]+$","patternErrorMessage":"A Lindorm InstanceId starts with ld- (like ld-bp1abc2def3ghi4jk).","examples":["ld-bp1abc2def3ghi4jk"]},"access":{"description":"Lindorm admits clients by IP whitelist only.","const":"whitelist","default":"whitelist","examples":["whitelist"]},"whitelistGroup":{"$ref":"#/definitions/whitelistGroup"}}},"emrTarget":{"description":"An E-MapReduce (Hadoop) cluster, given by its ClusterId or by its security group.","markdownDescription":"An E-MapReduce (Hadoop) cluster, given by `cluster: c-…` **or** `securityGroup: sg-…`. The link's security group is allowed into the cluster's group on `ports` (default HiveMetaStore 9083, NameNode 8020, DataNode 50010).","type":"object","required":["kind"],"additionalProperties":false,"oneOf":[{"required":["cluster"]},{"required":["securityGroup"]}],"errorMessage":"Give exactly one of cluster (the EMR ClusterId, c-…) or securityGroup (the cluster's security group, sg-…).","properties":{"kind":{"const":"emr","description":"An E-MapReduce (Hadoop) cluster.","examples":["emr"]},"name":{"$ref":"#/definitions/targetLabel"},"cluster":{"description":"ClusterId of the EMR cluster (c-…).","type":"string","maxLength":64,"pattern":"^c-[a-z0-9]+$","patternErrorMessage":"An EMR ClusterId starts with c- (like c-b933c5aac8fe****).","examples":["c-b933c5aac8fe4a2b"]},"securityGroup":{"$ref":"#/definitions/securityGroupId"},"ports":{"allOf":[{"$ref":"#/definitions/ports"}],"description":"TCP ports of the cluster MaxCompute must reach. Default: HiveMetaStore 9083, HDFS NameNode 8020, HDFS DataNode 50010 (Hadoop 3 clusters use 9866 for DataNode).","default":[9083,8020,50010],"examples":[[9083,8020,50010]]}}},"ecsTarget":{"description":"A self-managed service on an ECS instance (Kafka, ClickHouse, MySQL on ECS…).","markdownDescription":"A self-managed service on an ECS instance, given by `instance: i-…` and the TCP `ports` it listens on. The instance's security group gets one inbound rule per port with the link's security group as source. Name the group with `securityGroup` when the instance has several.","type":"object","required":["kind","instance","ports"],"additionalProperties":false,"properties":{"kind":{"const":"ecs","description":"A service on an ECS instance.","examples":["ecs"]},"name":{"$ref":"#/definitions/targetLabel"},"instance":{"description":"InstanceId of the ECS instance (i-…).","type":"string","maxLength":64,"pattern":"^i-[a-z0-9]+$","patternErrorMessage":"An ECS InstanceId starts with i- (like i-bp1abc2def3ghi4jk).","examples":["i-bp1abc2def3ghi4jk"]},"ports":{"allOf":[{"$ref":"#/definitions/ports"}],"description":"TCP ports of the service MaxCompute must reach (Kafka 9092, ClickHouse 8123/9000, MySQL 3306…).","examples":[[9092]]},"securityGroup":{"allOf":[{"$ref":"#/definitions/securityGroupId"}],"description":"The instance's security group that receives the rules; needed only when the instance has several.","examples":["sg-bp1abc2def3ghi4jkl5"]}}},"customTarget":{"description":"Any address block in the VPC and the ports MaxCompute must reach there (a self-managed database, an ECS service…).","type":"object","required":["kind","name","cidr","ports"],"additionalProperties":false,"properties":{"kind":{"const":"custom","description":"Any address block in the VPC.","examples":["custom"]},"name":{"$ref":"#/definitions/targetLabel","description":"What this service is, shown in plans and the editor. Required for custom targets."},"cidr":{"$ref":"#/definitions/cidrText","description":"The service's IPv4 address or CIDR block, like 192.168.10.0/24."},"ports":{"$ref":"#/definitions/ports"}}}}};
const schema12 = {"$comment":"[unverified] The console's exact naming rule for network links is not documented. We accept what is safe in `SET odps.session.networklink=<name>;` and TBLPROPERTIES: a letter first, then letters, digits, _ or -, 3-64 characters in all. Change it here only.","description":"The link's name, as SQL (SET odps.session.networklink=<name>;) and Spark refer to it. A letter first, then letters, digits, _ or -; 3–64 characters.","type":"string","minLength":3,"maxLength":64,"pattern":"^[A-Za-z][A-Za-z0-9_-]*$","patternErrorMessage":"A link name starts with a letter and contains only letters, digits, _ and -.","examples":["orders_rds","hadoop-prod"]};
const schema13 = {"description":"SecurityGroupId of an existing security group (sg-…).","type":"string","maxLength":64,"pattern":"^sg-[a-z0-9]+$","patternErrorMessage":"A SecurityGroupId starts with sg- (like sg-bp1abc2def3).","examples":["sg-bp1abc2def3ghi4jkl5"]};
const schema14 = {"description":"A new basic security group for the link, with one inbound Allow rule (priority 1, protocol ALL, ports -1/-1) for return traffic.","type":"object","required":["name","inboundSource"],"additionalProperties":false,"properties":{"name":{"description":"SecurityGroupName: 2–128 characters, a letter first, then letters, digits, :, _, . or -.","type":"string","minLength":2,"maxLength":128,"pattern":"^[A-Za-z][A-Za-z0-9:_.-]*$","patternErrorMessage":"A security group name starts with a letter and contains only letters, digits, :, _, . and -.","examples":["maxcompute-link"]},"description":{"description":"Description of the new group, 2–256 characters.","type":"string","minLength":2,"maxLength":256,"examples":["MaxCompute network link orders_rds"]},"inboundSource":{"description":"Where inbound (return) traffic may come from: vpc-cidr (the VPC's CIDR block), vswitch-cidr (the vSwitch's CIDR block) or an explicit IPv4 CIDR block.","markdownDescription":"Where inbound (return) traffic may come from:\n\n- `vpc-cidr`: the VPC's CIDR block\n- `vswitch-cidr`: the link vSwitch's CIDR block\n- an IPv4 CIDR block such as `192.168.0.0/16`\n\n`0.0.0.0/0` is refused unless `allowWholeInternet: true`.","type":"string","anyOf":[{"enum":["vpc-cidr","vswitch-cidr"]},{"pattern":"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$"}],"errorMessage":"Use vpc-cidr, vswitch-cidr or an IPv4 CIDR block like 192.168.0.0/16.","examples":["vpc-cidr","vswitch-cidr","192.168.0.0/16"]},"allowWholeInternet":{"description":"Set to true to accept 0.0.0.0/0 as inboundSource. Almost never what you want.","type":"boolean","default":false,"examples":[false]}},"examples":[{"name":"maxcompute-link","inboundSource":"vpc-cidr"}]};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^[A-Za-z][A-Za-z0-9_-]*$", "u");
const pattern1 = new RegExp("^[a-z]{2,}(-[a-z0-9]+)+$", "u");
const pattern2 = new RegExp("^vpc-[a-z0-9]+$", "u");
const pattern3 = new RegExp("^vsw-[a-z0-9]+$", "u");
const pattern4 = new RegExp("^sg-[a-z0-9]+$", "u");
const pattern5 = new RegExp("^[A-Za-z][A-Za-z0-9:_.-]*$", "u");
const pattern6 = new RegExp("^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$", "u");
const schema15 = {"description":"A service MaxCompute must reach. kind says which: rds, polardb, hbase, lindorm, emr, ecs or custom.","type":"object","required":["kind"],"properties":{"kind":{"description":"What sort of service: rds (ApsaraDB RDS instance), polardb (PolarDB cluster), hbase (ApsaraDB for HBase cluster), lindorm (Lindorm instance), emr (E-MapReduce / Hadoop cluster), ecs (a service on an ECS instance) or custom (any address block and ports in the VPC).","type":"string","enum":["rds","polardb","hbase","lindorm","emr","ecs","custom"],"examples":["rds","polardb","hbase","lindorm","emr","ecs","custom"]}},"allOf":[{"if":{"properties":{"kind":{"const":"rds"}},"required":["kind"]},"then":{"$ref":"#/definitions/rdsTarget"}},{"if":{"properties":{"kind":{"const":"polardb"}},"required":["kind"]},"then":{"$ref":"#/definitions/polardbTarget"}},{"if":{"properties":{"kind":{"const":"hbase"}},"required":["kind"]},"then":{"$ref":"#/definitions/hbaseTarget"}},{"if":{"properties":{"kind":{"const":"lindorm"}},"required":["kind"]},"then":{"$ref":"#/definitions/lindormTarget"}},{"if":{"properties":{"kind":{"const":"emr"}},"required":["kind"]},"then":{"$ref":"#/definitions/emrTarget"}},{"if":{"properties":{"kind":{"const":"ecs"}},"required":["kind"]},"then":{"$ref":"#/definitions/ecsTarget"}},{"if":{"properties":{"kind":{"const":"custom"}},"required":["kind"]},"then":{"$ref":"#/definitions/customTarget"}}],"examples":[{"kind":"rds","instance":"rm-bp1abc2def3ghi4jkl5"}]};
const schema16 = {"description":"An ApsaraDB RDS instance.","type":"object","required":["kind","instance"],"additionalProperties":false,"properties":{"kind":{"const":"rds","description":"An ApsaraDB RDS instance.","examples":["rds"]},"name":{"$ref":"#/definitions/targetLabel"},"instance":{"description":"DBInstanceId of the RDS instance (rm-… for MySQL, pgm-… for PostgreSQL).","type":"string","maxLength":64,"pattern":"^(rm|pgm)-[a-z0-9]+$","patternErrorMessage":"An RDS DBInstanceId starts with rm- (or pgm- for PostgreSQL).","examples":["rm-bp1abc2def3ghi4jkl5"]},"access":{"$ref":"#/definitions/access"},"whitelistGroup":{"$ref":"#/definitions/whitelistGroup"}}};
const schema17 = {"description":"A short label for this target, shown in plans and the editor. Optional.","type":"string","minLength":1,"maxLength":64,"examples":["orders-db"]};
const schema18 = {"description":"How the service lets MaxCompute in: whitelist (add the link vSwitch's CIDR block to an IP whitelist group) or securityGroup (add the link's security group to the service).","markdownDescription":"How the service lets MaxCompute in:\n\n- `whitelist` (default): add the link vSwitch's CIDR block to the IP whitelist group `whitelistGroup`. The doc recommends the CIDR block, since the link's network interface addresses can change.\n- `securityGroup`: add the link's security group to the service's security groups.","type":"string","enum":["whitelist","securityGroup"],"default":"whitelist","examples":["whitelist","securityGroup"]};
const schema19 = {"$comment":"[unverified] Whitelist group names: RDS documents 2-32 characters of lower-case letters, digits and _, starting with a letter; HBase is assumed to accept the same. Change it here only.","description":"Name of the IP whitelist group that holds MaxCompute's addresses. A dedicated group (default maxcompute) lets you remove MaxCompute's access without touching other entries.","type":"string","minLength":2,"maxLength":32,"pattern":"^[a-z][a-z0-9_]*$","patternErrorMessage":"A whitelist group name starts with a lower-case letter and contains only lower-case letters, digits and _.","default":"maxcompute","examples":["maxcompute"]};
const pattern7 = new RegExp("^(rm|pgm)-[a-z0-9]+$", "u");
const pattern8 = new RegExp("^[a-z][a-z0-9_]*$", "u");

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema16.required,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.instance === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "instance"},message:"must have required property '"+"instance"+"'",schema:schema16.required,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "kind") || (key0 === "name")) || (key0 === "instance")) || (key0 === "access")) || (key0 === "whitelistGroup"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("rds" !== data0){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "rds"},message:"must be equal to constant",schema:"rds",parentSchema:schema16.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func3(data1) < 1){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.instance !== undefined){
let data2 = data.instance;
if(typeof data2 === "string"){
if(func3(data2) > 64){
const err7 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema16.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!pattern7.test(data2)){
const err8 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/pattern",keyword:"pattern",params:{pattern: "^(rm|pgm)-[a-z0-9]+$"},message:"must match pattern \""+"^(rm|pgm)-[a-z0-9]+$"+"\"",schema:"^(rm|pgm)-[a-z0-9]+$",parentSchema:schema16.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.instance.type,parentSchema:schema16.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.access !== undefined){
let data3 = data.access;
if(typeof data3 !== "string"){
const err10 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/access/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.type,parentSchema:schema18,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!((data3 === "whitelist") || (data3 === "securityGroup"))){
const err11 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/access/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values",schema:schema18.enum,parentSchema:schema18,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.whitelistGroup !== undefined){
let data4 = data.whitelistGroup;
if(typeof data4 === "string"){
if(func3(data4) > 32){
const err12 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func3(data4) < 2){
const err13 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern8.test(data4)){
const err14 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}

const schema20 = {"description":"A PolarDB cluster (MySQL, PostgreSQL or Oracle compatible).","markdownDescription":"A PolarDB cluster, given by `cluster: pc-…`. MaxCompute gets in through an IP whitelist group (`access: whitelist`, the default: the link vSwitch's CIDR block is appended, never replacing an entry) or by adding the link's security group to the cluster (`access: securityGroup`; at most 3 groups per cluster).","type":"object","required":["kind","cluster"],"additionalProperties":false,"properties":{"kind":{"const":"polardb","description":"A PolarDB cluster.","examples":["polardb"]},"name":{"$ref":"#/definitions/targetLabel"},"cluster":{"description":"DBClusterId of the PolarDB cluster (pc-…).","type":"string","maxLength":64,"pattern":"^pc-[a-z0-9]+$","patternErrorMessage":"A PolarDB DBClusterId starts with pc- (like pc-bp1abc2def3ghi4jk).","examples":["pc-bp1abc2def3ghi4jk"]},"access":{"$ref":"#/definitions/access"},"whitelistGroup":{"$comment":"ModifyDBClusterAccessWhitelist: DBClusterIPArrayName starts with a letter and has 2-120 lower-case letters and digits (SDK model description).","description":"Name of the cluster's IP whitelist group that holds MaxCompute's block (created when absent). A dedicated group (default maxcompute) lets you remove MaxCompute's access without touching other entries.","type":"string","minLength":2,"maxLength":120,"pattern":"^[a-z][a-z0-9]+$","patternErrorMessage":"A PolarDB whitelist group name starts with a lower-case letter and has only lower-case letters and digits (2-120).","default":"maxcompute","examples":["maxcompute"]}}};
const pattern9 = new RegExp("^pc-[a-z0-9]+$", "u");
const pattern10 = new RegExp("^[a-z][a-z0-9]+$", "u");

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema20.required,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.cluster === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cluster"},message:"must have required property '"+"cluster"+"'",schema:schema20.required,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "kind") || (key0 === "name")) || (key0 === "cluster")) || (key0 === "access")) || (key0 === "whitelistGroup"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("polardb" !== data0){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "polardb"},message:"must be equal to constant",schema:"polardb",parentSchema:schema20.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func3(data1) < 1){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.cluster !== undefined){
let data2 = data.cluster;
if(typeof data2 === "string"){
if(func3(data2) > 64){
const err7 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema20.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!pattern9.test(data2)){
const err8 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/pattern",keyword:"pattern",params:{pattern: "^pc-[a-z0-9]+$"},message:"must match pattern \""+"^pc-[a-z0-9]+$"+"\"",schema:"^pc-[a-z0-9]+$",parentSchema:schema20.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.cluster.type,parentSchema:schema20.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.access !== undefined){
let data3 = data.access;
if(typeof data3 !== "string"){
const err10 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/access/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.type,parentSchema:schema18,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!((data3 === "whitelist") || (data3 === "securityGroup"))){
const err11 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/access/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values",schema:schema18.enum,parentSchema:schema18,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.whitelistGroup !== undefined){
let data4 = data.whitelistGroup;
if(typeof data4 === "string"){
if(func3(data4) > 120){
const err12 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/properties/whitelistGroup/maxLength",keyword:"maxLength",params:{limit: 120},message:"must NOT have more than 120 characters",schema:120,parentSchema:schema20.properties.whitelistGroup,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func3(data4) < 2){
const err13 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/properties/whitelistGroup/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema20.properties.whitelistGroup,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern10.test(data4)){
const err14 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/properties/whitelistGroup/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]+$"},message:"must match pattern \""+"^[a-z][a-z0-9]+$"+"\"",schema:"^[a-z][a-z0-9]+$",parentSchema:schema20.properties.whitelistGroup,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/properties/whitelistGroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.whitelistGroup.type,parentSchema:schema20.properties.whitelistGroup,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

const schema23 = {"description":"An ApsaraDB for HBase cluster.","type":"object","required":["kind","cluster"],"additionalProperties":false,"properties":{"kind":{"const":"hbase","description":"An ApsaraDB for HBase cluster.","examples":["hbase"]},"name":{"$ref":"#/definitions/targetLabel"},"cluster":{"$comment":"Performance-enhanced clusters created in the Lindorm console have ld- ids (the HBase external-table page's note; DescribeInstances' samples).","description":"ClusterId of the HBase cluster (hb-…, or ld-… for a Performance-enhanced cluster).","type":"string","maxLength":64,"pattern":"^(hb|ld)-[a-z0-9]+$","patternErrorMessage":"An HBase ClusterId starts with hb- or ld- (like hb-bp1abc2def3).","examples":["hb-bp1abc2def3ghi4jkl5"]},"access":{"$ref":"#/definitions/access"},"whitelistGroup":{"$ref":"#/definitions/whitelistGroup"}}};
const pattern11 = new RegExp("^(hb|ld)-[a-z0-9]+$", "u");

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema23.required,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.cluster === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cluster"},message:"must have required property '"+"cluster"+"'",schema:schema23.required,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "kind") || (key0 === "name")) || (key0 === "cluster")) || (key0 === "access")) || (key0 === "whitelistGroup"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("hbase" !== data0){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "hbase"},message:"must be equal to constant",schema:"hbase",parentSchema:schema23.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func3(data1) < 1){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.cluster !== undefined){
let data2 = data.cluster;
if(typeof data2 === "string"){
if(func3(data2) > 64){
const err7 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema23.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!pattern11.test(data2)){
const err8 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/pattern",keyword:"pattern",params:{pattern: "^(hb|ld)-[a-z0-9]+$"},message:"must match pattern \""+"^(hb|ld)-[a-z0-9]+$"+"\"",schema:"^(hb|ld)-[a-z0-9]+$",parentSchema:schema23.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.cluster.type,parentSchema:schema23.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.access !== undefined){
let data3 = data.access;
if(typeof data3 !== "string"){
const err10 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/access/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.type,parentSchema:schema18,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!((data3 === "whitelist") || (data3 === "securityGroup"))){
const err11 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/access/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values",schema:schema18.enum,parentSchema:schema18,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.whitelistGroup !== undefined){
let data4 = data.whitelistGroup;
if(typeof data4 === "string"){
if(func3(data4) > 32){
const err12 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func3(data4) < 2){
const err13 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern8.test(data4)){
const err14 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate16.errors = vErrors;
return errors === 0;
}

const schema27 = {"description":"A Lindorm instance (the successor of ApsaraDB for HBase).","markdownDescription":"A Lindorm instance, given by `instance: ld-…`. MaxCompute gets in through the instance's IP whitelist: the link vSwitch's CIDR block is added to `whitelistGroup` (every group is read before and after the write; other entries are kept, and removal leaves the group holding `127.0.0.1`, which admits no one). Lindorm V2 instances are not supported yet: their whitelist API is not verified here.","type":"object","required":["kind","instance"],"additionalProperties":false,"properties":{"kind":{"const":"lindorm","description":"A Lindorm instance.","examples":["lindorm"]},"name":{"$ref":"#/definitions/targetLabel"},"instance":{"description":"InstanceId of the Lindorm instance (ld-…).","type":"string","maxLength":64,"pattern":"^ld-[a-z0-9]+$","patternErrorMessage":"A Lindorm InstanceId starts with ld- (like ld-bp1abc2def3ghi4jk).","examples":["ld-bp1abc2def3ghi4jk"]},"access":{"description":"Lindorm admits clients by IP whitelist only.","const":"whitelist","default":"whitelist","examples":["whitelist"]},"whitelistGroup":{"$ref":"#/definitions/whitelistGroup"}}};
const pattern13 = new RegExp("^ld-[a-z0-9]+$", "u");

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema27.required,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.instance === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "instance"},message:"must have required property '"+"instance"+"'",schema:schema27.required,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "kind") || (key0 === "name")) || (key0 === "instance")) || (key0 === "access")) || (key0 === "whitelistGroup"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("lindorm" !== data0){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "lindorm"},message:"must be equal to constant",schema:"lindorm",parentSchema:schema27.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func3(data1) < 1){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.instance !== undefined){
let data2 = data.instance;
if(typeof data2 === "string"){
if(func3(data2) > 64){
const err7 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema27.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!pattern13.test(data2)){
const err8 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/pattern",keyword:"pattern",params:{pattern: "^ld-[a-z0-9]+$"},message:"must match pattern \""+"^ld-[a-z0-9]+$"+"\"",schema:"^ld-[a-z0-9]+$",parentSchema:schema27.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.instance.type,parentSchema:schema27.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.access !== undefined){
let data3 = data.access;
if("whitelist" !== data3){
const err10 = {instancePath:instancePath+"/access",schemaPath:"#/properties/access/const",keyword:"const",params:{allowedValue: "whitelist"},message:"must be equal to constant",schema:"whitelist",parentSchema:schema27.properties.access,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.whitelistGroup !== undefined){
let data4 = data.whitelistGroup;
if(typeof data4 === "string"){
if(func3(data4) > 32){
const err11 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(func3(data4) < 2){
const err12 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(!pattern8.test(data4)){
const err13 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/whitelistGroup",schemaPath:"#/definitions/whitelistGroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate18.errors = vErrors;
return errors === 0;
}

const schema30 = {"description":"An E-MapReduce (Hadoop) cluster, given by its ClusterId or by its security group.","markdownDescription":"An E-MapReduce (Hadoop) cluster, given by `cluster: c-…` **or** `securityGroup: sg-…`. The link's security group is allowed into the cluster's group on `ports` (default HiveMetaStore 9083, NameNode 8020, DataNode 50010).","type":"object","required":["kind"],"additionalProperties":false,"oneOf":[{"required":["cluster"]},{"required":["securityGroup"]}],"errorMessage":"Give exactly one of cluster (the EMR ClusterId, c-…) or securityGroup (the cluster's security group, sg-…).","properties":{"kind":{"const":"emr","description":"An E-MapReduce (Hadoop) cluster.","examples":["emr"]},"name":{"$ref":"#/definitions/targetLabel"},"cluster":{"description":"ClusterId of the EMR cluster (c-…).","type":"string","maxLength":64,"pattern":"^c-[a-z0-9]+$","patternErrorMessage":"An EMR ClusterId starts with c- (like c-b933c5aac8fe****).","examples":["c-b933c5aac8fe4a2b"]},"securityGroup":{"$ref":"#/definitions/securityGroupId"},"ports":{"allOf":[{"$ref":"#/definitions/ports"}],"description":"TCP ports of the cluster MaxCompute must reach. Default: HiveMetaStore 9083, HDFS NameNode 8020, HDFS DataNode 50010 (Hadoop 3 clusters use 9866 for DataNode).","default":[9083,8020,50010],"examples":[[9083,8020,50010]]}}};
const schema33 = {"description":"TCP ports MaxCompute must reach, each 1–65535, each once.","type":"array","minItems":1,"maxItems":64,"uniqueItems":true,"items":{"title":"port","description":"A TCP port, 1–65535.","type":"integer","minimum":1,"maximum":65535,"examples":[9083]},"examples":[[9083,8020,50010]]};
const pattern15 = new RegExp("^c-[a-z0-9]+$", "u");

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.cluster === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "cluster"},message:"must have required property '"+"cluster"+"'",schema:schema30.oneOf[0].required,parentSchema:schema30.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.securityGroup === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "securityGroup"},message:"must have required property '"+"securityGroup"+"'",schema:schema30.oneOf[1].required,parentSchema:schema30.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema30.oneOf,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema30.required,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "kind") || (key0 === "name")) || (key0 === "cluster")) || (key0 === "securityGroup")) || (key0 === "ports"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("emr" !== data0){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "emr"},message:"must be equal to constant",schema:"emr",parentSchema:schema30.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(func3(data1) < 1){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.cluster !== undefined){
let data2 = data.cluster;
if(typeof data2 === "string"){
if(func3(data2) > 64){
const err9 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema30.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern15.test(data2)){
const err10 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/pattern",keyword:"pattern",params:{pattern: "^c-[a-z0-9]+$"},message:"must match pattern \""+"^c-[a-z0-9]+$"+"\"",schema:"^c-[a-z0-9]+$",parentSchema:schema30.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/cluster",schemaPath:"#/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.cluster.type,parentSchema:schema30.properties.cluster,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.securityGroup !== undefined){
let data3 = data.securityGroup;
if(typeof data3 === "string"){
if(func3(data3) > 64){
const err12 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/definitions/securityGroupId/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema13,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(!pattern4.test(data3)){
const err13 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/definitions/securityGroupId/pattern",keyword:"pattern",params:{pattern: "^sg-[a-z0-9]+$"},message:"must match pattern \""+"^sg-[a-z0-9]+$"+"\"",schema:"^sg-[a-z0-9]+$",parentSchema:schema13,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/definitions/securityGroupId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.ports !== undefined){
let data4 = data.ports;
if(Array.isArray(data4)){
if(data4.length > 64){
const err15 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema33,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data4.length < 1){
const err16 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err17 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.items.type,parentSchema:schema33.items,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 65535 || isNaN(data5)){
const err18 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema33.items,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err19 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.items,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
let i1 = data4.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data4[i1];
if(!(((typeof item0 == "number") && (!(item0 % 1) && !isNaN(item0))) && (isFinite(item0)))){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err20 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema33,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err21 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.type,parentSchema:schema33,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}

const schema34 = {"description":"A self-managed service on an ECS instance (Kafka, ClickHouse, MySQL on ECS…).","markdownDescription":"A self-managed service on an ECS instance, given by `instance: i-…` and the TCP `ports` it listens on. The instance's security group gets one inbound rule per port with the link's security group as source. Name the group with `securityGroup` when the instance has several.","type":"object","required":["kind","instance","ports"],"additionalProperties":false,"properties":{"kind":{"const":"ecs","description":"A service on an ECS instance.","examples":["ecs"]},"name":{"$ref":"#/definitions/targetLabel"},"instance":{"description":"InstanceId of the ECS instance (i-…).","type":"string","maxLength":64,"pattern":"^i-[a-z0-9]+$","patternErrorMessage":"An ECS InstanceId starts with i- (like i-bp1abc2def3ghi4jk).","examples":["i-bp1abc2def3ghi4jk"]},"ports":{"allOf":[{"$ref":"#/definitions/ports"}],"description":"TCP ports of the service MaxCompute must reach (Kafka 9092, ClickHouse 8123/9000, MySQL 3306…).","examples":[[9092]]},"securityGroup":{"allOf":[{"$ref":"#/definitions/securityGroupId"}],"description":"The instance's security group that receives the rules; needed only when the instance has several.","examples":["sg-bp1abc2def3ghi4jkl5"]}}};
const pattern17 = new RegExp("^i-[a-z0-9]+$", "u");

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.instance === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "instance"},message:"must have required property '"+"instance"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.ports === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ports"},message:"must have required property '"+"ports"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "kind") || (key0 === "name")) || (key0 === "instance")) || (key0 === "ports")) || (key0 === "securityGroup"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("ecs" !== data0){
const err4 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "ecs"},message:"must be equal to constant",schema:"ecs",parentSchema:schema34.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func3(data1) < 1){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.instance !== undefined){
let data2 = data.instance;
if(typeof data2 === "string"){
if(func3(data2) > 64){
const err8 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema34.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!pattern17.test(data2)){
const err9 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/pattern",keyword:"pattern",params:{pattern: "^i-[a-z0-9]+$"},message:"must match pattern \""+"^i-[a-z0-9]+$"+"\"",schema:"^i-[a-z0-9]+$",parentSchema:schema34.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.instance.type,parentSchema:schema34.properties.instance,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.ports !== undefined){
let data3 = data.ports;
if(Array.isArray(data3)){
if(data3.length > 64){
const err11 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.length < 1){
const err12 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err13 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.items.type,parentSchema:schema33.items,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 65535 || isNaN(data4)){
const err14 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema33.items,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err15 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.items,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data3[i1];
if(!(((typeof item0 == "number") && (!(item0 % 1) && !isNaN(item0))) && (isFinite(item0)))){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err16 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err17 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.type,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.securityGroup !== undefined){
let data5 = data.securityGroup;
if(typeof data5 === "string"){
if(func3(data5) > 64){
const err18 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/definitions/securityGroupId/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!pattern4.test(data5)){
const err19 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/definitions/securityGroupId/pattern",keyword:"pattern",params:{pattern: "^sg-[a-z0-9]+$"},message:"must match pattern \""+"^sg-[a-z0-9]+$"+"\"",schema:"^sg-[a-z0-9]+$",parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/definitions/securityGroupId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

const schema38 = {"description":"Any address block in the VPC and the ports MaxCompute must reach there (a self-managed database, an ECS service…).","type":"object","required":["kind","name","cidr","ports"],"additionalProperties":false,"properties":{"kind":{"const":"custom","description":"Any address block in the VPC.","examples":["custom"]},"name":{"$ref":"#/definitions/targetLabel","description":"What this service is, shown in plans and the editor. Required for custom targets."},"cidr":{"$ref":"#/definitions/cidrText","description":"The service's IPv4 address or CIDR block, like 192.168.10.0/24."},"ports":{"$ref":"#/definitions/ports"}}};
const schema40 = {"description":"An IPv4 address or CIDR block, like 192.168.0.0/16.","type":"string","pattern":"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$","patternErrorMessage":"An IPv4 CIDR block looks like 192.168.0.0/16.","examples":["192.168.0.0/16"]};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.cidr === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cidr"},message:"must have required property '"+"cidr"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.ports === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ports"},message:"must have required property '"+"ports"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "kind") || (key0 === "name")) || (key0 === "cidr")) || (key0 === "ports"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("custom" !== data0){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "custom"},message:"must be equal to constant",schema:"custom",parentSchema:schema38.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(func3(data1) < 1){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.cidr !== undefined){
let data2 = data.cidr;
if(typeof data2 === "string"){
if(!pattern6.test(data2)){
const err9 = {instancePath:instancePath+"/cidr",schemaPath:"#/definitions/cidrText/pattern",keyword:"pattern",params:{pattern: "^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$"},message:"must match pattern \""+"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$"+"\"",schema:"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$",parentSchema:schema40,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/cidr",schemaPath:"#/definitions/cidrText/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.type,parentSchema:schema40,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.ports !== undefined){
let data3 = data.ports;
if(Array.isArray(data3)){
if(data3.length > 64){
const err11 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.length < 1){
const err12 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err13 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.items.type,parentSchema:schema33.items,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 65535 || isNaN(data4)){
const err14 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema33.items,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err15 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/definitions/ports/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.items,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data3[i1];
if(!(((typeof item0 == "number") && (!(item0 % 1) && !isNaN(item0))) && (isFinite(item0)))){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err16 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err17 = {instancePath:instancePath+"/ports",schemaPath:"#/definitions/ports/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.type,parentSchema:schema33,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.kind === undefined) && (missing0 = "kind")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.kind !== undefined){
if("rds" !== data.kind){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(!(validate12(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
}
if(!valid1){
const err2 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema15.allOf[0].if,parentSchema:schema15.allOf[0],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const _errs7 = errors;
let valid3 = true;
const _errs8 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.kind === undefined) && (missing1 = "kind")){
const err3 = {};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(data.kind !== undefined){
if("polardb" !== data.kind){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
}
var _valid1 = _errs8 === errors;
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs10 = errors;
if(!(validate14(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
var _valid1 = _errs10 === errors;
valid3 = _valid1;
}
if(!valid3){
const err5 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema15.allOf[1].if,parentSchema:schema15.allOf[1],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const _errs12 = errors;
let valid5 = true;
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.kind === undefined) && (missing2 = "kind")){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
if(data.kind !== undefined){
if("hbase" !== data.kind){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
var _valid2 = _errs13 === errors;
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs15 = errors;
if(!(validate16(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
errors = vErrors.length;
}
var _valid2 = _errs15 === errors;
valid5 = _valid2;
}
if(!valid5){
const err8 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema15.allOf[2].if,parentSchema:schema15.allOf[2],data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const _errs17 = errors;
let valid7 = true;
const _errs18 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.kind === undefined) && (missing3 = "kind")){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
if(data.kind !== undefined){
if("lindorm" !== data.kind){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
}
var _valid3 = _errs18 === errors;
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs20 = errors;
if(!(validate18(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
var _valid3 = _errs20 === errors;
valid7 = _valid3;
}
if(!valid7){
const err11 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema15.allOf[3].if,parentSchema:schema15.allOf[3],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const _errs22 = errors;
let valid9 = true;
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.kind === undefined) && (missing4 = "kind")){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
if(data.kind !== undefined){
if("emr" !== data.kind){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
var _valid4 = _errs23 === errors;
errors = _errs22;
if(vErrors !== null){
if(_errs22){
vErrors.length = _errs22;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs25 = errors;
if(!(validate20(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
var _valid4 = _errs25 === errors;
valid9 = _valid4;
}
if(!valid9){
const err14 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema15.allOf[4].if,parentSchema:schema15.allOf[4],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const _errs27 = errors;
let valid11 = true;
const _errs28 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((data.kind === undefined) && (missing5 = "kind")){
const err15 = {};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(data.kind !== undefined){
if("ecs" !== data.kind){
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var _valid5 = _errs28 === errors;
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs30 = errors;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid5 = _errs30 === errors;
valid11 = _valid5;
}
if(!valid11){
const err17 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema15.allOf[5].if,parentSchema:schema15.allOf[5],data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const _errs32 = errors;
let valid13 = true;
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if((data.kind === undefined) && (missing6 = "kind")){
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
if(data.kind !== undefined){
if("custom" !== data.kind){
const err19 = {};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
}
var _valid6 = _errs33 === errors;
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
if(_valid6){
const _errs35 = errors;
if(!(validate24(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var _valid6 = _errs35 === errors;
valid13 = _valid6;
}
if(!valid13){
const err20 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema15.allOf[6].if,parentSchema:schema15.allOf[6],data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err21 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema15.required,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data.kind !== undefined){
let data7 = data.kind;
if(typeof data7 !== "string"){
const err22 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.kind.type,parentSchema:schema15.properties.kind,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(!(((((((data7 === "rds") || (data7 === "polardb")) || (data7 === "hbase")) || (data7 === "lindorm")) || (data7 === "emr")) || (data7 === "ecs")) || (data7 === "custom"))){
const err23 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema15.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema15.properties.kind.enum,parentSchema:schema15.properties.kind,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.region === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "region"},message:"must have required property '"+"region"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.vpc === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vpc"},message:"must have required property '"+"vpc"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.vSwitch === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vSwitch"},message:"must have required property '"+"vSwitch"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.securityGroup === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "securityGroup"},message:"must have required property '"+"securityGroup"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if("mcvpc/v1" !== data0){
const err8 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: "mcvpc/v1"},message:"must be equal to constant",schema:"mcvpc/v1",parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("NetworkLink" !== data1){
const err9 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "NetworkLink"},message:"must be equal to constant",schema:"NetworkLink",parentSchema:schema11.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err10 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.metadata.required,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "description"))){
const err11 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(func3(data3) > 64){
const err12 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/definitions/networkLinkName/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func3(data3) < 3){
const err13 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/definitions/networkLinkName/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern0.test(data3)){
const err14 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/definitions/networkLinkName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_-]*$",parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/definitions/networkLinkName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data2.description !== undefined){
let data4 = data2.description;
if(typeof data4 === "string"){
if(func3(data4) > 256){
const err16 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema11.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metadata.properties.description.type,parentSchema:schema11.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.profile !== undefined){
let data5 = data.profile;
if(typeof data5 === "string"){
if(func3(data5) > 64){
const err19 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema11.properties.profile,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(func3(data5) < 1){
const err20 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.profile,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.profile.type,parentSchema:schema11.properties.profile,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.region !== undefined){
let data6 = data.region;
if(typeof data6 === "string"){
if(!pattern1.test(data6)){
const err22 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,}(-[a-z0-9]+)+$"},message:"must match pattern \""+"^[a-z]{2,}(-[a-z0-9]+)+$"+"\"",schema:"^[a-z]{2,}(-[a-z0-9]+)+$",parentSchema:schema11.properties.region,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.region.type,parentSchema:schema11.properties.region,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.vpc !== undefined){
let data7 = data.vpc;
if(typeof data7 === "string"){
if(func3(data7) > 64){
const err24 = {instancePath:instancePath+"/vpc",schemaPath:"#/properties/vpc/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema11.properties.vpc,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(!pattern2.test(data7)){
const err25 = {instancePath:instancePath+"/vpc",schemaPath:"#/properties/vpc/pattern",keyword:"pattern",params:{pattern: "^vpc-[a-z0-9]+$"},message:"must match pattern \""+"^vpc-[a-z0-9]+$"+"\"",schema:"^vpc-[a-z0-9]+$",parentSchema:schema11.properties.vpc,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/vpc",schemaPath:"#/properties/vpc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.vpc.type,parentSchema:schema11.properties.vpc,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.vSwitch !== undefined){
let data8 = data.vSwitch;
if(typeof data8 === "string"){
if(func3(data8) > 64){
const err27 = {instancePath:instancePath+"/vSwitch",schemaPath:"#/properties/vSwitch/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema11.properties.vSwitch,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(!pattern3.test(data8)){
const err28 = {instancePath:instancePath+"/vSwitch",schemaPath:"#/properties/vSwitch/pattern",keyword:"pattern",params:{pattern: "^vsw-[a-z0-9]+$"},message:"must match pattern \""+"^vsw-[a-z0-9]+$"+"\"",schema:"^vsw-[a-z0-9]+$",parentSchema:schema11.properties.vSwitch,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/vSwitch",schemaPath:"#/properties/vSwitch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.vSwitch.type,parentSchema:schema11.properties.vSwitch,data:data8};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.securityGroup !== undefined){
let data9 = data.securityGroup;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(Object.keys(data9).length > 1){
const err30 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/properties/securityGroup/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema11.properties.securityGroup,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(Object.keys(data9).length < 1){
const err31 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/properties/securityGroup/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema11.properties.securityGroup,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
for(const key2 in data9){
if(!((key2 === "id") || (key2 === "create"))){
const err32 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/properties/securityGroup/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.securityGroup,data:data9};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data9.id !== undefined){
let data10 = data9.id;
if(typeof data10 === "string"){
if(func3(data10) > 64){
const err33 = {instancePath:instancePath+"/securityGroup/id",schemaPath:"#/definitions/securityGroupId/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema13,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(!pattern4.test(data10)){
const err34 = {instancePath:instancePath+"/securityGroup/id",schemaPath:"#/definitions/securityGroupId/pattern",keyword:"pattern",params:{pattern: "^sg-[a-z0-9]+$"},message:"must match pattern \""+"^sg-[a-z0-9]+$"+"\"",schema:"^sg-[a-z0-9]+$",parentSchema:schema13,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/securityGroup/id",schemaPath:"#/definitions/securityGroupId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data10};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data9.create !== undefined){
let data11 = data9.create;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.name === undefined){
const err36 = {instancePath:instancePath+"/securityGroup/create",schemaPath:"#/definitions/securityGroupCreate/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema14.required,parentSchema:schema14,data:data11};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data11.inboundSource === undefined){
const err37 = {instancePath:instancePath+"/securityGroup/create",schemaPath:"#/definitions/securityGroupCreate/required",keyword:"required",params:{missingProperty: "inboundSource"},message:"must have required property '"+"inboundSource"+"'",schema:schema14.required,parentSchema:schema14,data:data11};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
for(const key3 in data11){
if(!((((key3 === "name") || (key3 === "description")) || (key3 === "inboundSource")) || (key3 === "allowWholeInternet"))){
const err38 = {instancePath:instancePath+"/securityGroup/create",schemaPath:"#/definitions/securityGroupCreate/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data11};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data11.name !== undefined){
let data12 = data11.name;
if(typeof data12 === "string"){
if(func3(data12) > 128){
const err39 = {instancePath:instancePath+"/securityGroup/create/name",schemaPath:"#/definitions/securityGroupCreate/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema14.properties.name,data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(func3(data12) < 2){
const err40 = {instancePath:instancePath+"/securityGroup/create/name",schemaPath:"#/definitions/securityGroupCreate/properties/name/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema14.properties.name,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(!pattern5.test(data12)){
const err41 = {instancePath:instancePath+"/securityGroup/create/name",schemaPath:"#/definitions/securityGroupCreate/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9:_.-]*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9:_.-]*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9:_.-]*$",parentSchema:schema14.properties.name,data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/securityGroup/create/name",schemaPath:"#/definitions/securityGroupCreate/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.name.type,parentSchema:schema14.properties.name,data:data12};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data11.description !== undefined){
let data13 = data11.description;
if(typeof data13 === "string"){
if(func3(data13) > 256){
const err43 = {instancePath:instancePath+"/securityGroup/create/description",schemaPath:"#/definitions/securityGroupCreate/properties/description/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema14.properties.description,data:data13};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(func3(data13) < 2){
const err44 = {instancePath:instancePath+"/securityGroup/create/description",schemaPath:"#/definitions/securityGroupCreate/properties/description/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema14.properties.description,data:data13};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/securityGroup/create/description",schemaPath:"#/definitions/securityGroupCreate/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.description.type,parentSchema:schema14.properties.description,data:data13};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data11.inboundSource !== undefined){
let data14 = data11.inboundSource;
if(typeof data14 !== "string"){
const err46 = {instancePath:instancePath+"/securityGroup/create/inboundSource",schemaPath:"#/definitions/securityGroupCreate/properties/inboundSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.inboundSource.type,parentSchema:schema14.properties.inboundSource,data:data14};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
const _errs38 = errors;
let valid7 = false;
const _errs39 = errors;
if(!((data14 === "vpc-cidr") || (data14 === "vswitch-cidr"))){
const err47 = {instancePath:instancePath+"/securityGroup/create/inboundSource",schemaPath:"#/definitions/securityGroupCreate/properties/inboundSource/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema14.properties.inboundSource.anyOf[0].enum},message:"must be equal to one of the allowed values",schema:schema14.properties.inboundSource.anyOf[0].enum,parentSchema:schema14.properties.inboundSource.anyOf[0],data:data14};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var _valid0 = _errs39 === errors;
valid7 = valid7 || _valid0;
if(!valid7){
const _errs40 = errors;
if(typeof data14 === "string"){
if(!pattern6.test(data14)){
const err48 = {instancePath:instancePath+"/securityGroup/create/inboundSource",schemaPath:"#/definitions/securityGroupCreate/properties/inboundSource/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$"},message:"must match pattern \""+"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$"+"\"",schema:"^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$",parentSchema:schema14.properties.inboundSource.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
var _valid0 = _errs40 === errors;
valid7 = valid7 || _valid0;
}
if(!valid7){
const err49 = {instancePath:instancePath+"/securityGroup/create/inboundSource",schemaPath:"#/definitions/securityGroupCreate/properties/inboundSource/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.properties.inboundSource.anyOf,parentSchema:schema14.properties.inboundSource,data:data14};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
else {
errors = _errs38;
if(vErrors !== null){
if(_errs38){
vErrors.length = _errs38;
}
else {
vErrors = null;
}
}
}
}
if(data11.allowWholeInternet !== undefined){
let data15 = data11.allowWholeInternet;
if(typeof data15 !== "boolean"){
const err50 = {instancePath:instancePath+"/securityGroup/create/allowWholeInternet",schemaPath:"#/definitions/securityGroupCreate/properties/allowWholeInternet/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.allowWholeInternet.type,parentSchema:schema14.properties.allowWholeInternet,data:data15};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/securityGroup/create",schemaPath:"#/definitions/securityGroupCreate/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data11};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/securityGroup",schemaPath:"#/properties/securityGroup/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.securityGroup.type,parentSchema:schema11.properties.securityGroup,data:data9};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data.targets !== undefined){
let data16 = data.targets;
if(Array.isArray(data16)){
if(data16.length > 100){
const err53 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema11.properties.targets,data:data16};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
const len0 = data16.length;
for(let i0=0; i0<len0; i0++){
if(!(validate11(data16[i0], {instancePath:instancePath+"/targets/" + i0,parentData:data16,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err54 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.targets.type,parentSchema:schema11.properties.targets,data:data16};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

