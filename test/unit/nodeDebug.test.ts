/** NODE_DEBUG sections that print request headers are removed at start-up (CLI: cli.debug.test.ts runs it). */
import { strict as assert } from 'node:assert';
import { nodeDebugWithoutLeaks } from '../../src/core/nodeDebug';
import { clearLeakyNodeDebug } from '../../src/ui/shell/model/nodeDebug';

describe('NODE_DEBUG: the sections that print credentials', () => {
  const table: Array<[string | undefined, string | undefined, string[]]> = [
    // [NODE_DEBUG, what is kept, what is removed]
    [undefined, undefined, []],
    ['', '', []],
    ['fs', 'fs', []],
    ['http', undefined, ['http']],
    ['HTTP', undefined, ['HTTP']],
    ['fs,https, net  tls', 'fs', ['https', 'net', 'tls']],
    ['http2,module', 'module', ['http2']],
    ['*', undefined, ['*']],
    ['ht*,fs', 'fs', ['ht*']],
    ['t*', undefined, ['t*']],
    ['timer,worker', 'timer,worker', []],
  ];
  for (const [value, kept, removed] of table) {
    it(`${JSON.stringify(value)} keeps ${JSON.stringify(kept)}`, () => {
      assert.deepEqual(nodeDebugWithoutLeaks(value), { value: kept, removed });
    });
  }

  it('the extension clears them from the environment of what it starts, with a one-line notice', () => {
    const env: NodeJS.ProcessEnv = { NODE_DEBUG: 'fs,http,tls', PATH: '/bin' };
    const notice = clearLeakyNodeDebug(env);
    assert.deepEqual(env, { NODE_DEBUG: 'fs', PATH: '/bin' });
    assert.equal(notice?.split('\n').length, 1);
    assert.match(
      notice!,
      /^NODE_DEBUG=http,tls makes Node print request headers \(credentials among them\); cleared for the processes MaxCompute VPC Connect starts/,
    );
    const alone: NodeJS.ProcessEnv = { NODE_DEBUG: 'https' };
    clearLeakyNodeDebug(alone);
    assert.equal('NODE_DEBUG' in alone, false);
    assert.equal(clearLeakyNodeDebug({ NODE_DEBUG: 'fs' }), undefined);
  });
});
