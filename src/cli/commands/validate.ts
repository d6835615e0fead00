/** `mcvpc validate FILE [--json | --format sarif]`: the spec checked offline (schema and semantics); exit 0 valid, 1 invalid. */
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { specFinding } from '../findings';
import { sarifLog, TOOL_VERSION } from '../sarif';
import { formatProblem, problemJson, readSpecInput, readSpecText } from '../specInput';

export async function runValidate(args: LinkCommandArgs): Promise<number> {
  const input = await readSpecInput(args.file);
  if (args.format === 'sarif') {
    const lines = (await readSpecText(args.file)).split(/\r?\n/);
    const findings = input.problems.map((p) => specFinding(args.file, p, input.specs.find((s) => s.documentIndex === p.documentIndex)?.networkLinkName));
    process.stdout.write(`${JSON.stringify(sarifLog('validate', TOOL_VERSION, findings, (_file, line) => lines[line]), null, 2)}\n`);
    return input.valid ? EXIT.ok : EXIT.error;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ file: args.file, valid: input.valid, links: input.specs.map((s) => s.networkLinkName), problems: input.problems.map((p) => problemJson(args.file, p)) }, null, 2)}\n`);
  } else {
    for (const problem of input.problems) process.stderr.write(`${formatProblem(args.file, problem)}\n`);
    if (input.valid) {
      const names = input.specs.map((s) => `"${s.networkLinkName}"`).join(', ');
      process.stdout.write(`${args.file}: valid (${input.specs.length} ${input.specs.length === 1 ? 'link' : 'links'}: ${names}).\n`);
    }
  }
  return input.valid ? EXIT.ok : EXIT.error;
}
