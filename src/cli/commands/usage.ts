/** `mcvpc usage FILE`: the SQL, foreign-table and Spark lines for each link (from core/usage, offline). */
import { formatLinkUsage, linkUsage } from '../../core/usage';
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { formatProblem, readSpecInput } from '../specInput';

export async function runUsage(args: LinkCommandArgs): Promise<number> {
  const input = await readSpecInput(args.file);
  if (!input.valid) {
    for (const problem of input.problems) process.stderr.write(`${formatProblem(args.file, problem)}\n`);
    return EXIT.error;
  }
  const links = input.specs.map((s) => ({ networkLinkName: s.networkLinkName, regionId: args.region ?? s.regionId, vpcId: s.vpcId }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ links: links.map((l) => ({ ...l, ...linkUsage(l) })) }, null, 2)}\n`);
  } else {
    process.stdout.write(links.map((l) => `-- Network link "${l.networkLinkName}"\n${formatLinkUsage(l)}`).join('\n'));
  }
  return EXIT.ok;
}
