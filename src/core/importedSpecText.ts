/**
 * The spec text of an existing network link (`mcvpc import NAME`, the Network view's Save as
 * Spec): its VPC, vSwitch, its security group by id (existing mode, so destroy never deletes a
 * group apply did not create) and the targets that already admit it. Pure: the engine decides
 * which targets go in (engine/importLink.ts), this writes them; both the CLI and the view use it.
 */

/** A YAML scalar: plain when it is safe, else a JSON string (JSON strings are YAML). */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z0-9_./-][A-Za-z0-9_.:/-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|\d[\d.]*)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** What an imported spec says. */
export interface ImportedLink {
  name: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  securityGroupId: string;
  /** The profile to write, when one was named (else the spec follows the active one). */
  profile?: string;
  /** Each target's YAML data (a kind's `formItem`) with a comment saying what it is. */
  targets: Array<{ item: Record<string, unknown>; comment?: string }>;
}

/** One line of a comment, with no line break a name could smuggle in. */
function comment(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** The spec text (one document). */
export function importedSpecText(link: ImportedLink): string {
  const lines = [
    `# Network link ${comment(link.name)}, imported from MaxCompute (GetNetworkLink) with the targets that already admit it.`,
    '# `mcvpc plan` on this file shows no change; SQL uses the link with',
    `#   SET odps.session.networklink=${comment(link.name)};`,
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    `  name: ${yamlScalar(link.name)}`,
    ...(link.profile !== undefined ? [`profile: ${yamlScalar(link.profile)}`] : []),
    `region: ${yamlScalar(link.regionId)}`,
    `vpc: ${yamlScalar(link.vpcId)}`,
    `vSwitch: ${yamlScalar(link.vSwitchId)}`,
    'securityGroup:',
    "  # The link's group, by id: destroy takes back the rules apply adds, never the group.",
    `  id: ${yamlScalar(link.securityGroupId)}`,
  ];
  if (link.targets.length > 0) {
    lines.push('targets:');
    for (const { item, comment: note } of link.targets) {
      if (note !== undefined) lines.push(`  # ${comment(note)}`);
      Object.entries(item).forEach(([key, value], index) => {
        const text = Array.isArray(value)
          ? `[${value.map((v) => yamlScalar(v as string | number)).join(', ')}]`
          : yamlScalar(value as string | number | boolean);
        lines.push(`${index === 0 ? '  - ' : '    '}${key}: ${text}`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
