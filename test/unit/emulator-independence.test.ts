/**
 * The emulator is an independent oracle (issue 8 item 3): nothing under src/emulator may import a
 * value from the rest of the product, only core *types*. Its own copies of the facts it checks
 * must still say what the product says, or one of the two has drifted from the documentation.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SUPPORTED_REGIONS } from '../../src/core/zones';
import { isMaxComputeManagedGroupName, maxComputeManagedGroupNames } from '../../src/core/model';
import { NETWORK_LINK_ROLE_NAME as CORE_ROLE_NAME } from '../../src/core/networkLinkConsole';
import { formatCidr, parseCidr } from '../../src/core/cidr';
import { isManagedGroupName, LINK_ZONES, managedGroupNames, NETWORK_LINK_ROLE_NAME } from '../../src/emulator/facts';
import { formatAddress, parseBlock } from '../../src/emulator/cidr';

const EMULATOR_DIR = path.join(__dirname, '..', '..', 'src', 'emulator');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file loads, with whether the statement is type-only. */
export function moduleReferences(source: string): Array<{ specifier: string; typeOnly: boolean; statement: string }> {
  const found: Array<{ specifier: string; typeOnly: boolean; statement: string }> = [];
  // import … from '…' / export … from '…' (possibly spanning lines), and bare import '…'.
  const fromClause = /\b(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(fromClause)) found.push({ specifier: m[4]!, typeOnly: m[2] !== undefined, statement: m[0] });
  for (const m of source.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)) found.push({ specifier: m[1]!, typeOnly: false, statement: m[0] });
  // Dynamic loading cannot be type-only.
  for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1]!, typeOnly: false, statement: m[0] });
  return found;
}

/** The non-type references of a file that leave src/emulator (packages and node: builtins are fine). */
function foreignValueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return moduleReferences(source)
    .filter((ref) => ref.specifier.startsWith('.') && !ref.typeOnly)
    .filter((ref) => {
      const target = path.resolve(path.dirname(file), ref.specifier);
      return target !== EMULATOR_DIR && !target.startsWith(EMULATOR_DIR + path.sep);
    })
    .map((ref) => `${path.relative(EMULATOR_DIR, file)}: ${ref.statement.replace(/\s+/g, ' ')}`);
}

describe('emulator independence', () => {
  it('no file under src/emulator imports a value from outside src/emulator', () => {
    const files = sourceFiles(EMULATOR_DIR);
    assert.ok(files.length > 20, `expected the emulator's files, found ${files.length}`);
    assert.deepEqual(files.flatMap(foreignValueImports), []);
  });

  it('the import scan sees value imports, re-exports and dynamic loads, and lets type-only imports pass', () => {
    const refs = moduleReferences([
      "import { parseCidr } from '../core/cidr';",
      "import type { Vpc } from '../core/model';",
      "import {\n  a,\n  b,\n} from '../../core/zones';",
      "export { x } from '../core/x';",
      "export type { Y } from '../core/y';",
      "import '../core/sideEffect';",
      "const z = require('../core/z');",
      "import * as os from 'node:os';",
    ].join('\n'));
    const values = refs.filter((r) => !r.typeOnly).map((r) => r.specifier);
    assert.deepEqual(values.sort(), ['../../core/zones', '../core/cidr', '../core/sideEffect', '../core/x', '../core/z', 'node:os'].sort());
    assert.deepEqual(refs.filter((r) => r.typeOnly).map((r) => r.specifier).sort(), ['../core/model', '../core/y']);
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
    for (const text of ['10.0.0.0/8', '192.168.1.77/24', '0.0.0.0/0', '255.255.255.255', '1.2.3.4/32', '10.0.0.0/33', '256.1.1.1', '1.2.3', '1.2.3.4/x', '01.2.3.4', ' 10.1.0.0/16 ']) {
      const core = parseCidr(text);
      const own = parseBlock(text);
      assert.equal(own === undefined ? undefined : `${formatAddress(own.network)}/${own.prefix}`, core === undefined ? undefined : formatCidr(core), text);
    }
  });
});
