/**
 * The text of a new connection spec from what the user picked (real ids, with their names as
 * trailing comments, as the samples write them). Pure; the result passes `mcvpc validate`. No vscode.
 */
import { yamlCommentText } from '../../../core/displayText';

/** One service to reach: the kind, its id field (from the kind's schema) and the id. */
export interface ScaffoldTarget {
  kind: string;
  idField: string;
  id: string;
  /** Name and kind in words, for the comment. */
  words: string;
}

/** What the New Connection Spec command collected. */
export interface ScaffoldChoices {
  name: string;
  regionId: string;
  vpc: { id: string; words: string };
  vSwitch: { id: string; words: string };
  group: { mode: 'create'; name: string } | { mode: 'existing'; id: string; words: string };
  targets: readonly ScaffoldTarget[];
}

function commented(line: string, words: string): string {
  return words === '' ? line : `${line}   # ${yamlCommentText(words.replace(/\s+/g, ' '))}`;
}

/** The spec's YAML text. */
export function scaffoldSpec(choices: ScaffoldChoices): string {
  const lines = [
    `# MaxCompute network link ${choices.name}: Plan, then Apply (CodeLens above, or the Network view).`,
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    `  name: ${choices.name}`,
    `region: ${choices.regionId}`,
    commented(`vpc: ${choices.vpc.id}`, choices.vpc.words),
    commented(`vSwitch: ${choices.vSwitch.id}`, choices.vSwitch.words),
    'securityGroup:',
    ...(choices.group.mode === 'existing'
      ? [commented(`  id: ${choices.group.id}`, choices.group.words)]
      : [
          '  create:',
          `    name: ${choices.group.name}`,
          `    description: MaxCompute network link ${choices.name}`,
          '    inboundSource: vpc-cidr',
        ]),
  ];
  if (choices.targets.length > 0) {
    lines.push('targets:');
    for (const target of choices.targets)
      lines.push(`  - kind: ${target.kind}`, commented(`    ${target.idField}: ${target.id}`, target.words));
  }
  return `${lines.join('\n')}\n`;
}
