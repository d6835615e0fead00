/** Every sample spec, applied end to end against the emulator's default world it was written for. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planHasChanges } from '../../src/core/plan';
import { applyPlan, planSpec } from '../../src/engine';
import { hasErrors, parseSpecFile } from '../../src/connectionSpec';
import { cloudFor, emulator } from './cloud.harness';

const SAMPLES = join(__dirname, '..', '..', 'samples');

describe('engine: the samples apply cleanly to the default seed', function () {
  this.timeout(60_000);
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.mcvpc.yaml'));

  it('finds the samples', () => {
    assert.ok(files.length >= 4, `samples: ${files.join(', ')}`);
  });

  for (const file of files) {
    it(file, async () => {
      const { specs, problems } = parseSpecFile(readFileSync(join(SAMPLES, file), 'utf8'), file);
      assert.ok(!hasErrors(problems), problems.map((p) => p.message).join('\n'));
      const emu = await emulator();
      try {
        const cloud = await cloudFor(emu);
        for (const spec of specs) {
          const first = await planSpec(cloud, spec);
          assert.equal(first.plan.refused, false, first.plan.checks.map((c) => c.message).join('\n'));
          assert.equal(
            first.plan.steps.find((s) => s.id === 'network-link')?.action,
            'create',
            `${spec.networkLinkName}: the link is a planned step, not a hand-over`,
          );
          const report = await applyPlan(cloud, spec, first.plan, { pollInitialMs: 50, pollMaxMs: 200 });
          assert.equal(report.outcome, 'done', JSON.stringify(report.steps.filter((s) => s.status === 'failed')));
          const final = await planSpec(cloud, spec);
          assert.equal(planHasChanges(final.plan), false, `${spec.networkLinkName}: a further plan is all =`);
        }
      } finally {
        await emu.close();
      }
    });
  }
});
