/**
 * `npm run bench:concurrency`: the issue-9 experiments, re-run. Two applies of one spec at once
 * and two specs opening one HBase whitelist group at once, as two machines would run them (two
 * sessions, no shared lock), ten runs each at 50 ms and 200 ms latency, each run in a fresh
 * emulator. Prints duplicates (link groups beyond one) and lost whitelist entries per setting.
 */
import { startEmulator } from '../../src/emulator';
import { raceOneSpec, raceTwoSpecs } from '../unit/builders/races';

const RUNS = Number(process.env.MCVPC_BENCH_RUNS ?? 10);

async function main(): Promise<void> {
  for (const latencyMs of [50, 200]) {
    let duplicates = 0;
    let lost = 0;
    const unfinished: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const race of ['one-spec', 'two-specs'] as const) {
        const emu = await startEmulator({ port: 0 });
        try {
          if (race === 'one-spec') {
            const r = await raceOneSpec(emu, latencyMs);
            duplicates += Math.max(0, r.groups - 1);
            unfinished.push(...r.outcomes.filter((o) => o !== 'done'));
          } else {
            const r = await raceTwoSpecs(emu, latencyMs);
            lost += r.lost.length;
            unfinished.push(...r.outcomes.filter((o) => o !== 'done'));
          }
        } finally {
          await emu.close();
        }
      }
    }
    console.log(
      `latency ${latencyMs} ms, ${RUNS} runs each: one spec twice → ${duplicates} duplicate link groups; two specs on one HBase whitelist group → ${lost} lost entries; runs not finished: ${unfinished.length}${unfinished.length > 0 ? ` (${unfinished.join(', ')})` : ''}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
