/**
 * `npm run bench:validate-keys`: `mcvpc validate` (the built CLI, bundled here the way
 * scripts/build.mjs bundles it) on specs of 5k, 10k, 20k and 70k plain top-level keys, the
 * shape a hostile repository can use to make parsing quadratic. Prints wall time, CPU time
 * (user + system of the child) and stderr lines per size, and the time ratio between sizes:
 * linear parsing keeps each ratio near the key ratio (2×, 3.5×); quadratic parsing squares it.
 * Pass sizes as arguments to run others (`… 5000 10000`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');
const DEFAULT_SIZES = [5_000, 10_000, 20_000, 70_000];

/** A spec whose root is `version`, `kind` and `keys` plain keys (`k00001: 1` …): one unknown property each. */
export function plainKeysSpec(keys: number): string {
  const lines = ['version: mcvpc/v1', 'kind: NetworkLink'];
  for (let i = 0; i < keys; i++) lines.push(`k${String(i).padStart(5, '0')}: 1`);
  return `${lines.join('\n')}\n`;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  stderrLines: number;
  exitCode: number | null;
}

/** Loaded into the CLI's process with `--require`: reports its own CPU time on fd 3 as it exits. */
const CPU_REPORTER = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(3, String((u.user + u.system) / 1000)); });`;

function runValidate(cli: string, reporter: string, file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', reporter, cli, 'validate', file], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderrLines = 0;
    let cpu = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 0x0a) stderrLines++;
    });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      cpu += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ wallMs: performance.now() - started, cpuMs: Number(cpu), stderrLines, exitCode }));
  });
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const dir = mkdtempSync(join(tmpdir(), 'mcvpc-bench-keys-'));
  try {
    const cli = join(dir, 'cli.js');
    const reporter = join(dir, 'cpuReporter.js');
    writeFileSync(reporter, CPU_REPORTER);
    await build({
      entryPoints: [join(root, 'src/cli/main.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      absWorkingDir: root,
    });
    const rows: Array<{ keys: number; bytes: number } & Run> = [];
    for (const keys of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
      const file = join(dir, `keys-${keys}.mcvpc.yaml`);
      const text = plainKeysSpec(keys);
      writeFileSync(file, text);
      const run = await runValidate(cli, reporter, file);
      rows.push({ keys, bytes: Buffer.byteLength(text), ...run });
      process.stderr.write(`${keys} keys: ${(run.cpuMs / 1000).toFixed(2)} s CPU\n`);
    }
    const header = '| keys | bytes | exit | stderr lines | wall s | CPU s | CPU × previous (keys ×) |';
    const table = [header, '|---:|---:|---:|---:|---:|---:|---:|'];
    rows.forEach((row, i) => {
      const previous = rows[i - 1];
      const ratio = previous ? `${(row.cpuMs / previous.cpuMs).toFixed(2)} (${(row.keys / previous.keys).toFixed(1)})` : '';
      table.push(
        `| ${row.keys} | ${row.bytes} | ${row.exitCode} | ${row.stderrLines} | ${(row.wallMs / 1000).toFixed(2)} | ${(row.cpuMs / 1000).toFixed(2)} | ${ratio} |`,
      );
    });
    process.stdout.write(`${table.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  });
}
