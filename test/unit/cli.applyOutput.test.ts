/** apply and destroy print through one module: the words differ (create or delete the link), the shape does not. */
import { strict as assert } from 'node:assert';
import { closingLine, progressLine, renderReport } from '../../src/cli/commands/applyOutput';
import type { PlanStep } from '../../src/core/plan';
import type { ApplyReport } from '../../src/engine';

const handover = { url: 'https://console.example/network', fields: [{ label: 'Connection Name', value: 'orders_link' }] };

function consoleStep(kind: 'await-network-link' | 'await-network-link-removal'): PlanStep {
  const range = { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 1, offset: 1 } };
  return {
    id: 'x',
    phase: 'network-link',
    action: 'manual',
    title: 'the console step',
    details: [],
    dependsOn: [],
    range,
    operation: { kind, vpcId: 'vpc-1', vSwitchId: 'vsw-1' },
    handover,
  };
}

const waiting: ApplyReport = {
  networkLinkName: 'orders_link',
  outcome: 'waiting-for-console',
  steps: [
    { stepId: 'target.0.rds', title: 'RDS rm-1: remove 192.168.1.0/24', status: 'done' },
    { stepId: 'x', title: 'the console step', status: 'waiting-for-console' },
  ],
  handover,
};

describe('apply and destroy output', () => {
  it('says "created" while apply waits and "deleted" while destroy waits', () => {
    const deadline = Date.now() + 30_000;
    assert.match(
      progressLine('orders_link', { type: 'waiting-for-console', step: consoleStep('await-network-link'), handover, deadline }) ?? '',
      /to be created in the MaxCompute console/,
    );
    assert.match(
      progressLine('orders_link', { type: 'waiting-for-console', step: consoleStep('await-network-link-removal'), handover, deadline }) ??
        '',
      /to be deleted in the MaxCompute console/,
    );
  });

  it('hands over with the verb of the command', () => {
    assert.match(renderReport(waiting, [], 'apply'), /^ {2}Create it in the MaxCompute console: https:\/\/console\.example\/network$/m);
    assert.match(renderReport(waiting, [], 'destroy'), /^ {2}Delete it in the MaxCompute console: https:\/\/console\.example\/network$/m);
    assert.match(renderReport(waiting, [], 'destroy'), /^ {4}Connection Name: orders_link$/m);
  });

  it('closes with the command to run again', () => {
    assert.equal(
      closingLine('f.yaml', [waiting], 'destroy'),
      'Destroy paused at the MaxCompute console step: 1 done, 0 already so, 0 failed, 0 not started. Delete the network link as shown, then run mcvpc destroy f.yaml again.',
    );
    assert.equal(
      closingLine('f.yaml', [{ ...waiting, outcome: 'failed' }], 'destroy'),
      'Destroy failed: 1 done, 0 already so, 0 failed, 0 not started. Fix the cause and run mcvpc destroy f.yaml again; nothing will be done twice.',
    );
    assert.equal(
      closingLine('f.yaml', [{ ...waiting, outcome: 'done' }]),
      'Apply complete: 1 done, 0 already so, 0 failed, 0 not started.',
    );
  });

  it("shows the server's error code, message and RequestId with control and bidi characters escaped", () => {
    const error = { action: 'ModifySecurityIps', code: 'Bad\u001b]0;owned\u0007', message: 'no\u001b[2J', requestId: 'R-1\r\u202e' };
    const failed: ApplyReport = {
      networkLinkName: 'orders_link',
      outcome: 'failed',
      steps: [{ stepId: 'target.0.rds', title: 'RDS rm-1: add 192.168.1.0/24', status: 'failed', error }],
    };
    const step = { ...consoleStep('await-network-link'), title: 'RDS rm-1: add 192.168.1.0/24' };
    const lines = [renderReport(failed, []), progressLine('orders_link', { type: 'step-finished', step, result: failed.steps[0]! })!];
    for (const text of lines) {
      // eslint-disable-next-line no-control-regex -- finding controls is the point
      assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      assert.match(text, /ModifySecurityIps:? Bad\\u001B\]0;owned\\u0007: no\\u001B\[2J \(RequestId: R-1\\u000D\\u202E\)/);
    }
  });
});
