/** `mcvpc validate FILE [--json | --format sarif]`: the spec checked offline (schema and semantics); exit 0 valid, 1 invalid. */
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { specFinding } from '../findings';
import { sarifLog, TOOL_VERSION } from '../sarif';
import { formatProblem, problemJson, readSpecInput, readSpecText } from '../specInput';
import { escapeForMessage, jsonForTerminal } from '../../core/displayText';

export async function runValidate(args: LinkCommandArgs): Promise<number> {
  const input = await readSpecInput(args.file);
  if (args.format === 'sarif') {
    const lines = (await readSpecText(args.file)).split(/\r?\n/);
    const findings = input.problems.map((p) =>
      specFinding(args.file, p, input.specs.find((s) => s.documentIndex === p.documentIndex)?.networkLinkName),
    );
    process.stdout.write(`${jsonForTerminal(sarifLog('validate', TOOL_VERSION, findings, (_file, line) => lines[line]))}\n`);
    return input.valid ? EXIT.ok : EXIT.error;
  }
  if (args.json) {
    process.stdout.write(
      `${jsonForTerminal({ file: args.file, valid: input.valid, links: input.specs.map((s) => s.networkLinkName), problems: input.problems.map((p) => problemJson(args.file, p)) })}\n`,
    );
  } else {
    for (const problem of input.problems) process.stderr.write(`${formatProblem(args.file, problem)}\n`);
    if (input.valid) {
      const names = input.specs.map((s) => `"${s.networkLinkName}"`).join(', ');
      process.stdout.write(
        `${escapeForMessage(args.file)}: valid (${input.specs.length} ${input.specs.length === 1 ? 'link' : 'links'}: ${names}).\n`,
      );
    }
  }
  return input.valid ? EXIT.ok : EXIT.error;
}
