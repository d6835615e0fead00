/** The progress line: rewritten in place on a terminal, cleared at the end, silent without one. */
import { strict as assert } from 'node:assert';
import { progressLine } from '../../src/cli/progressLine';

describe('progressLine', () => {
  it('rewrites one line in place, cut to the terminal width, and clears it when done', () => {
    const written: string[] = [];
    const line = progressLine({ columns: 20, write: (t) => written.push(t) > 0 });
    line.update('reading the cloud: 1/50 links');
    line.update('reading the cloud: 2/50 links');
    line.done();
    line.done();
    assert.deepEqual(written, ['\rreading the cloud: \u001b[K', '\rreading the cloud: \u001b[K', '\r\u001b[K']);
  });
});
