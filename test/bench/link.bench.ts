/**
 * `npm run bench:link`: a link from nothing to working in one run, as a person runs the CLI. In a
 * fresh emulator (default seed: its one console-made link aside, no link of the sample's) that
 * keeps a created link CREATING for MCVPC_BENCH_LINK_MS (default 3000, as MaxCompute takes a
 * while): `mcvpc apply samples/several.mcvpc.yaml --auto-approve` (the bundled CLI, as it ships),
 * then `mcvpc destroy` of the same file. Prints the exit codes, the wall time, the seconds from
 * each link's SUCCESS to the end of the run, the calls made per link (GetNetworkLink polls
 * included), and whether the world after destroy equals the one before apply (MaxCompute's own
 * return-traffic groups and whitelist groups that now admit no one excepted, as in the tests).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startEmulator, type Emulator } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator/seed';
import { bundleCli } from '../unit/builders/cliBundle';
import { linkFootprint } from '../unit/builders/engineHarness';
import { footprintAfterTeardown } from '../unit/builders/teardownHarness';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'samples', 'several.mcvpc.yaml');
const LINK_MS = Number(process.env.MCVPC_BENCH_LINK_MS ?? 3000);

interface Run {
  code: number;
  ms: number;
  /** Each stderr line with the milliseconds since the run began. */
  lines: Array<{ at: number; text: string }>;
}

function mcvpc(cli: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const lines: Run['lines'] = [];
    let rest = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const text of parts) lines.push({ at: Date.now() - began, text });
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 99, ms: Date.now() - began, lines }));
  });
}

function callsByAction(emu: Emulator, since: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of emu.requests().slice(since)) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  return counts;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mcvpc-bench-link-'));
  const emu = await startEmulator({ port: 0, faults: { networkLinkCreateMs: LINK_MS, networkLinkRemoveMs: LINK_MS / 2 } });
  try {
    const cli = join(dir, 'cli.js');
    await bundleCli(cli);
    const m = DEFAULT_SEED.main;
    const keep = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(ALIBABA_CLOUD_|ALIBABACLOUD_|ALICLOUD_|MCVPC_)/.test(k)),
    );
    const env = {
      ...keep,
      HOME: dir,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_ACCESS_KEY_ID: m.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: m.accessKeySecret,
      MCVPC_ENDPOINT: emu.endpoint,
      MCVPC_LOCK_DIR: join(dir, 'locks'),
    };
    const before = await linkFootprint(emu);

    const applyFrom = emu.requests().length;
    const apply = await mcvpc(cli, ['apply', SAMPLE, '--auto-approve'], env);
    const links = [...new Set(apply.lines.map((l) => /^\[(\w+)\] /.exec(l.text)?.[1]).filter((n): n is string => n !== undefined))];
    console.log(
      `mcvpc apply samples/several.mcvpc.yaml: exit ${apply.code} in ${(apply.ms / 1000).toFixed(1)} s (links stay CREATING ${LINK_MS} ms in the emulator)`,
    );
    for (const name of links) {
      const success = apply.lines.find((l) => l.text.startsWith(`[${name}] Network link status: SUCCESS`));
      const last = apply.lines.filter((l) => l.text.startsWith(`[${name}] `)).at(-1);
      const polls = emu
        .requests()
        .slice(applyFrom)
        .filter((r) => r.action === 'GetNetworkLink' && r.params.networkLinkName === name).length;
      console.log(
        `  ${name}: SUCCESS seen at ${success === undefined ? '—' : `${(success.at / 1000).toFixed(1)} s`}; its last step ended ${success === undefined || last === undefined ? '—' : `${((last.at - success.at) / 1000).toFixed(2)} s`} after SUCCESS; GetNetworkLink calls ${polls}`,
      );
    }
    const calls = callsByAction(emu, applyFrom);
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  calls: ${total} in all, ${(total / Math.max(1, links.length)).toFixed(1)} per link; ${[...calls]
        .sort((a, b) => b[1] - a[1])
        .map(([a, n]) => `${a} ${n}`)
        .join(', ')}`,
    );
    const lastLine = apply.lines.at(-1);
    console.log(
      `  seconds from the last link's SUCCESS to the end of the run: ${(() => {
        const successes = apply.lines.filter((l) => /Network link status: SUCCESS/.test(l.text)).map((l) => l.at);
        return successes.length === 0 || lastLine === undefined ? '—' : ((apply.ms - Math.max(...successes)) / 1000).toFixed(2);
      })()}`,
    );

    const destroyFrom = emu.requests().length;
    const destroy = await mcvpc(cli, ['destroy', SAMPLE, '--auto-approve'], env);
    const destroyCalls = callsByAction(emu, destroyFrom);
    console.log(
      `mcvpc destroy samples/several.mcvpc.yaml: exit ${destroy.code} in ${(destroy.ms / 1000).toFixed(1)} s; calls ${[...destroyCalls.values()].reduce((a, b) => a + b, 0)} (RemoveNetworkLink ${destroyCalls.get('RemoveNetworkLink') ?? 0}, GetNetworkLink ${destroyCalls.get('GetNetworkLink') ?? 0})`,
    );
    const after = await footprintAfterTeardown(emu, before);
    console.log(`  the world after destroy equals the one before apply: ${isDeepStrictEqual(after, before) ? 'yes' : 'NO'}`);
    if (!isDeepStrictEqual(after, before)) console.log(JSON.stringify({ before, after }, null, 1));
  } finally {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
