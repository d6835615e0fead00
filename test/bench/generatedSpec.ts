/** The generated specs the benchmarks read: one link document per number, mistakes sprinkled in. */

/** One valid link document. */
export function linkDocument(i: number): string {
  const id = (prefix: string): string => `${prefix}-bp1${(i * 7919).toString(36).padStart(6, '0')}${prefix.length}`;
  return `version: mcvpc/v1
kind: NetworkLink
metadata:
  name: link_${i}
  description: Generated link number ${i}
region: cn-hangzhou
vpc: ${id('vpc')}
vSwitch: ${id('vsw')}
securityGroup:
  create:
    name: maxcompute-${i}
    description: Link ${i} network interfaces
    inboundSource: vpc-cidr
targets:
  - kind: rds
    name: db-${i}
    instance: ${id('rm')}
    access: whitelist
    whitelistGroup: maxcompute
  - kind: hbase
    name: hbase-${i}
    cluster: ${id('hb')}
    access: securityGroup
  - kind: emr
    name: emr-${i}
    cluster: c-${(i * 104729).toString(16).padStart(12, '0')}
    ports: [9083, 8020, 50010]
  - kind: custom
    name: api-${i}
    cidr: 10.${i % 256}.0.0/16
    ports:
      - 443
      - 8443
`;
}

/** Schema errors sprinkled over every third document: [what, from, to]. */
const MISTAKES: Array<[string, string, string]> = [
  ['id of the wrong kind', 'vpc: vpc-', 'vpc: vsw-'],
  ['port out of range', '[9083, 8020, 50010]', '[9083, 70000, 50010]'],
  ['enum typo', 'access: whitelist\n', 'access: whitelists\n'],
  ['unknown target kind', 'kind: emr\n', 'kind: emrr\n'],
  ['wrong version', 'version: mcvpc/v1', 'version: mcvpc/v2'],
  ['bad inboundSource', 'inboundSource: vpc-cidr', 'inboundSource: the-vpc'],
  ['port as text', '      - 443', '      - "443"'],
  ['bad whitelist group', 'whitelistGroup: maxcompute', 'whitelistGroup: Max-Compute'],
  ['unknown property', '    access: securityGroup\n', '    access: securityGroup\n    acces: whitelist\n'],
  ['missing property', '    cidr: 10.', '    cdir: 10.'],
];

/** Link documents up to about `targetLines` lines, with a schema mistake in every third. */
export function generateSpec(targetLines: number): { text: string; injected: number } {
  const docs: string[] = [];
  let lines = 0;
  let injected = 0;
  for (let i = 0; lines < targetLines; i++) {
    let doc = linkDocument(i);
    if (i % 3 === 1) {
      const [, from, to] = MISTAKES[injected % MISTAKES.length]!;
      if (!doc.includes(from)) throw new Error(`bench generator: "${from}" not in document ${i}`);
      doc = doc.replace(from, to);
      injected++;
    }
    docs.push(doc);
    lines += doc.split('\n').length;
  }
  return { text: docs.join('---\n'), injected };
}
