/**
 * `mcvpc import NAME [--region R] [--profile P] [--out FILE] [--force]`: a spec for a network link
 * MaxCompute lists (engine/importLink: its VPC, vSwitch, its group by id, and the targets of the
 * VPC that already admit it), written so that `mcvpc plan` on it shows no change. Prints the spec,
 * or writes it to FILE (never over an existing file without --force). Exit 0 written, 1 refused
 * (no such link, not a PASSTHROUGH link, the file exists) or an error.
 */
import { writeFile } from 'node:fs/promises';
import { escapeForMessage } from '../../core/displayText';
import { STEP_SYMBOLS } from '../../core/plan';
import { ImportRefusedError, importNetworkLink, importPlansNoChange } from '../../engine/importLink';
import { parseSingleSpec } from '../../connectionSpec/parseSingle';
import { parseCommandLine, UsageError } from '../args';
import { CloudSessions, describeFailure } from '../cloudSessions';

export const IMPORT_SUMMARY =
  'write a spec for an existing network link and the targets that admit it: NAME [--region R] [--profile P] [--out FILE [--force]]; exit 0 written, 1 refused or error';

const USAGE = `usage: mcvpc import NAME [--region REGION] [--profile PROFILE] [--out FILE [--force]]

Writes a connection spec for the network link NAME that MaxCompute lists (GetNetworkLink): its
VPC, vSwitch and security group (by id: destroy never deletes a group it did not create), and the
targets of its VPC that already admit it (RDS, PolarDB, HBase, Lindorm, EMR, ECS). \`mcvpc plan\`
on the spec shows no change. Only PASSTHROUGH links can be imported.

Options:
  --region R     the link's region (default: the profile's region)
  --profile P    the aliyun CLI profile (also written into the spec)
  --out FILE     write the spec to FILE instead of printing it; an existing FILE is kept
  --force        with --out: replace an existing FILE

Exit: 0 written, 1 refused (no such link, not PASSTHROUGH, FILE exists) or an error.`;

const OPTIONS = {
  region: { type: 'string', placeholder: 'REGION' },
  profile: { type: 'string', placeholder: 'PROFILE' },
  out: { type: 'string', placeholder: 'FILE' },
  force: { type: 'boolean' },
} as const;

interface ImportArgs {
  name: string;
  region?: string;
  profile?: string;
  out?: string;
  force: boolean;
}

function parseImportArgs(argv: readonly string[]): ImportArgs {
  const { values, positionals } = parseCommandLine('import', argv, OPTIONS);
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'mcvpc import needs the name of a network link.'
        : `mcvpc import takes one link name (got ${positionals.length}).`,
    );
  if (values.force === true && values.out === undefined) throw new UsageError('--force only goes with --out FILE.');
  return {
    name: positionals[0]!,
    region: values.region as string | undefined,
    profile: values.profile as string | undefined,
    out: values.out as string | undefined,
    force: values.force === true,
  };
}

async function run(args: ImportArgs): Promise<number> {
  const sessions = new CloudSessions({ profile: args.profile, region: args.region });
  const cloud = await (args.region !== undefined ? sessions.forRegion(args.region) : sessions.forProfileRegion());
  process.stderr.write(`Reading network link ${escapeForMessage(args.name)} in ${cloud.regionId}…\n`);
  const result = await importNetworkLink(cloud, args.name, (text) => parseSingleSpec(text, args.out ?? 'imported.mcvpc.yaml'), {
    regionId: cloud.regionId,
    ...(args.profile !== undefined ? { profile: args.profile } : {}),
  });
  for (const label of result.included) process.stderr.write(`  + target ${label}: admits the link\n`);
  for (const line of result.skipped) process.stderr.write(`  - left out ${escapeForMessage(line)}\n`);
  if (!importPlansNoChange(result)) {
    // The link's own setup is incomplete (its group's inbound rule, say): the spec is right, apply finishes it.
    const changes = result.plan.steps.filter((s) => s.action !== 'unchanged' && s.action !== 'info');
    process.stderr.write(
      `mcvpc import: note: the link's own setup is not complete; mcvpc plan on the spec shows:\n${changes.map((s) => `  ${STEP_SYMBOLS[s.action]} ${s.title}`).join('\n')}\n`,
    );
  }
  if (args.out === undefined) {
    process.stdout.write(result.text);
    return 0;
  }
  try {
    // 'wx' fails when the file exists: checked and written in one step, so no race overwrites it.
    await writeFile(args.out, result.text, { encoding: 'utf8', flag: args.force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      process.stderr.write(
        `mcvpc import: ${escapeForMessage(args.out)} exists; it was kept. Name another --out FILE, or add --force to replace it.\n`,
      );
      return 1;
    }
    throw err;
  }
  process.stderr.write(
    `Wrote ${escapeForMessage(args.out)} (${result.included.length} target${result.included.length === 1 ? '' : 's'}).\n`,
  );
  return 0;
}

/** The row of the command table. */
export const importCommand = {
  summary: IMPORT_SUMMARY,
  help: USAGE,
  async run(argv: string[]): Promise<number> {
    try {
      return await run(parseImportArgs(argv));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const message = err instanceof ImportRefusedError ? escapeForMessage(err.message) : describeFailure(err);
      process.stderr.write(`mcvpc import: ${message}\n`);
      return 1;
    }
  },
};
