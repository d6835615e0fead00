/**
 * DEBUG in the extension host's environment (the runner sets DEBUG=httpx:*) must not make the
 * extension print credentials: httpx logs request headers (Authorization with its Signature) and
 * bodies through `debug`, which the bundle replaces (scripts/lib/no-debug.mjs). Everything the
 * host writes to stdout and stderr during cloud calls is captured and searched.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { activatedExtension } from './extension';

describe('DEBUG in the extension host', () => {
  it('prints no AccessKey secret, Signature or Authorization while the extension calls the cloud', async () => {
    assert.ok((process.env.DEBUG ?? '') !== '', 'the runner sets DEBUG for this suite, or the test proves nothing');
    const config = JSON.parse(readFileSync(join(homedir(), '.aliyun', 'config.json'), 'utf8')) as { profiles: Array<{ access_key_secret: string }> };
    const secrets = config.profiles.map((p) => p.access_key_secret);
    const { api } = await activatedExtension();
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream): (() => void) => {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      return () => {
        stream.write = original as typeof stream.write;
      };
    };
    const restore = [capture(process.stderr), capture(process.stdout)];
    try {
      await api.getCallerIdentity();
      const [profile] = await api.getExplorerChildren();
      if (profile !== undefined) await api.getExplorerChildren(profile);
    } finally {
      for (const undo of restore) undo();
    }
    const leaks = written.join('').split('\n').filter((line) => secrets.some((s) => line.includes(s)) || /signature|authorization|x-acs-security-token/i.test(line));
    assert.deepEqual(leaks, []);
  });
});
