/**
 * The emulator is an independent oracle (issue 8 item 3): nothing under src/emulator may import a
 * value from the rest of the product, only core *types*. The rule that says so is one, in
 * eslint.config.mjs (`npm run lint`, the first step of `npm test`); this suite runs ESLint's own
 * API with that config to show the rule covers every emulator file and catches each way of
 * importing a value, without a plant in the tree. Its own copies of the facts it checks must
 * still say what the product says, or one of the two has drifted from the documentation.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { SUPPORTED_REGIONS } from '../../src/core/zones';
import { isMaxComputeManagedGroupName, maxComputeManagedGroupNames } from '../../src/core/model';
import { NETWORK_LINK_ROLE_NAME as CORE_ROLE_NAME } from '../../src/core/networkLinkConsole';
import { formatCidr, parseCidr } from '../../src/core/cidr';
import { isManagedGroupName, LINK_ZONES, managedGroupNames, NETWORK_LINK_ROLE_NAME } from '../../src/emulator/facts';
import { formatAddress, parseBlock } from '../../src/emulator/cidr';

const ROOT = path.join(__dirname, '..', '..');
const EMULATOR_DIR = path.join(ROOT, 'src', 'emulator');
/** A real emulator file: the planted lines are linted as if they were added to it. */
const HOST_FILE = path.join(EMULATOR_DIR, 'facts.ts');
/** The rules that keep the arrow: static imports and re-exports, require(), import(). */
const ARROW_RULES = ['@typescript-eslint/no-restricted-imports', '@typescript-eslint/no-require-imports', 'no-restricted-syntax'];

function emulatorFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return emulatorFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The arrow rules' findings on the host file's text with `lines` added at its end, by added line (1-based). */
async function arrowFindings(eslint: ESLint, lines: readonly string[]): Promise<Array<{ line: number; rule: string }>> {
  const text = readFileSync(HOST_FILE, 'utf8');
  const first = text.split('\n').length + 1;
  const [result] = await eslint.lintText(`${text}\n${lines.join('\n')}\n`, { filePath: HOST_FILE });
  return result!.messages
    .filter((m) => ARROW_RULES.includes(m.ruleId ?? '') && m.line >= first)
    .map((m) => ({ line: m.line - first + 1, rule: m.ruleId! }));
}

describe('emulator independence', function () {
  // The config is type-aware: the first lint starts TypeScript's project service.
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: ROOT });

  it('every file under src/emulator gets the same import rules from eslint.config.mjs', async () => {
    const files = emulatorFiles(EMULATOR_DIR);
    assert.ok(files.length > 20, `expected the emulator's files, found ${files.length}`);
    const rulesOf = async (file: string): Promise<Partial<Linter.RulesRecord>> => {
      const rules = ((await eslint.calculateConfigForFile(file)) as Linter.Config).rules ?? {};
      return Object.fromEntries(ARROW_RULES.map((rule) => [rule, rules[rule]]));
    };
    const host = await rulesOf(HOST_FILE);
    for (const rule of ARROW_RULES) assert.notEqual(host[rule], undefined, `${rule} is not set for src/emulator`);
    for (const file of files) assert.deepEqual(await rulesOf(file), host, path.relative(ROOT, file));
  });

  it('the rule refuses a value import, a re-export, a side-effect import, require() and import() from the product; lets core types and packages pass', async () => {
    const planted = [
      "import { parseCidr } from '../core/cidr';",
      "import {\n  a,\n} from '../cloud/errors';",
      "export { x } from '../targets/x';",
      "import '../engine/sideEffect';",
      "export const z = require('../connectionSpec/z');",
      "export const w = import('../cli/w');",
      "import type { Vpc } from '../core/model';",
      "export type { Y } from '../core/y';",
      "import * as os from 'node:os';",
      "import { parse } from 'yaml';",
      'export const used = [parseCidr, a, os, parse];',
    ];
    const lines = planted.join('\n').split('\n');
    const lineOf = (fragment: string): number => lines.findIndex((line) => line.includes(fragment)) + 1;
    assert.deepEqual(await arrowFindings(eslint, lines), [
      { line: lineOf("'../core/cidr'"), rule: '@typescript-eslint/no-restricted-imports' },
      { line: lineOf("from '../cloud/errors'") - 2, rule: '@typescript-eslint/no-restricted-imports' },
      { line: lineOf("'../targets/x'"), rule: '@typescript-eslint/no-restricted-imports' },
      { line: lineOf("'../engine/sideEffect'"), rule: '@typescript-eslint/no-restricted-imports' },
      { line: lineOf("'../connectionSpec/z'"), rule: '@typescript-eslint/no-require-imports' },
      { line: lineOf("'../cli/w'"), rule: 'no-restricted-syntax' },
    ]);
  });

  it("the emulator's own facts say what the product's say", () => {
    assert.equal(NETWORK_LINK_ROLE_NAME, CORE_ROLE_NAME);
    assert.deepEqual(LINK_ZONES, Object.fromEntries(SUPPORTED_REGIONS.map((r) => [r.regionId, [...r.zoneIds]])));
    assert.deepEqual(managedGroupNames('vpc-1'), maxComputeManagedGroupNames('vpc-1'));
    for (const name of ['MaxCompute-vpc-vpc-1', 'MaxCompute-backup-vpc-vpc-1', 'maxcompute-vpc-1', 'MaxCompute-vpc-', 'app-basic']) {
      assert.equal(isManagedGroupName(name), isMaxComputeManagedGroupName(name), name);
    }
  });

  it("the emulator's CIDR parsing agrees with core's on valid and invalid input", () => {
    for (const text of [
      '10.0.0.0/8',
      '192.168.1.77/24',
      '0.0.0.0/0',
      '255.255.255.255',
      '1.2.3.4/32',
      '10.0.0.0/33',
      '256.1.1.1',
      '1.2.3',
      '1.2.3.4/x',
      '01.2.3.4',
      ' 10.1.0.0/16 ',
    ]) {
      const core = parseCidr(text);
      const own = parseBlock(text);
      assert.equal(
        own === undefined ? undefined : `${formatAddress(own.network)}/${own.prefix}`,
        core === undefined ? undefined : formatCidr(core),
        text,
      );
    }
  });
});
