/** The mcvpc options: util.parseArgs plus our strictness (values of flags, values that are flags, regions). */
import { strict as assert } from 'node:assert';
import { parseCommandLine } from '../../src/cli/args';
import { parseLinkArgs, UsageError } from '../../src/cli/linkArgs';

function usageError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => err instanceof UsageError && pattern.test(err.message));
}

describe('mcvpc link command options', () => {
  it('reads the file and every option, inline or separate', () => {
    assert.deepEqual(
      parseLinkArgs('apply', [
        'f.mcvpc.yaml',
        '--auto-approve',
        '--json',
        '--profile=dev',
        '--region',
        'cn-beijing',
        '--wait-for-console',
        '30',
        '--plan',
        'p.json',
        '--link-timeout=900',
      ]),
      {
        file: 'f.mcvpc.yaml',
        json: true,
        autoApprove: true,
        profile: 'dev',
        region: 'cn-beijing',
        out: undefined,
        force: false,
        plan: 'p.json',
        waitForConsoleSeconds: 30,
        linkTimeoutSeconds: 900,
      },
    );
    const plain = parseLinkArgs('plan', ['f.mcvpc.yaml']);
    assert.equal(plain.json, false);
    assert.equal(plain.autoApprove, false);
  });

  it('never takes --auto-approve=false or --json=no as "on"', () => {
    usageError(() => parseLinkArgs('apply', ['f', '--auto-approve=false']), /--auto-approve takes no value \(got "false"\)/);
    usageError(() => parseLinkArgs('plan', ['f', '--json=no']), /--json takes no value/);
    usageError(() => parseLinkArgs('plan', ['f', '--json=true']), /--json takes no value/);
  });

  it('refuses unknown flags, short flags and flags of another command', () => {
    usageError(
      () => parseLinkArgs('plan', ['f', '--forse']),
      /unknown option "--forse" for mcvpc plan \(known: --json, --profile, --region, --out, --force\)/,
    );
    usageError(() => parseLinkArgs('plan', ['f', '-y']), /unknown option "-y"/);
    usageError(() => parseLinkArgs('validate', ['f', '--auto-approve']), /unknown option "--auto-approve" for mcvpc validate/);
  });

  it('refuses a missing value, an empty one, and a flag taken for a value', () => {
    usageError(() => parseLinkArgs('plan', ['f', '--profile']), /--profile needs a value: --profile PROFILE/);
    usageError(() => parseLinkArgs('plan', ['f', '--profile=']), /--profile needs a value/);
    usageError(() => parseLinkArgs('plan', ['f', '--profile', '--json']), /--profile needs a value/);
    usageError(() => parseLinkArgs('apply', ['f', '--wait-for-console', '1.5']), /--wait-for-console needs a whole number, got "1\.5"/);
    usageError(() => parseLinkArgs('plan', ['f', '--json', '--json']), /--json is given more than once/);
  });

  it('checks --region against the region table, escaping what it echoes', () => {
    usageError(
      () => parseLinkArgs('plan', ['f', '--region', 'evil.example.com/x']),
      /--region "evil\.example\.com\/x" is not a region with MaxCompute network links; use one of cn-hangzhou, /,
    );
    usageError(() => parseLinkArgs('plan', ['f', '--region', 'cn-hangzhou\u202E']), /--region "cn-hangzhou\\u202E" is not a region/);
  });

  it('wants exactly one spec file; -- lets a file start with a dash', () => {
    usageError(() => parseLinkArgs('plan', []), /needs a spec file/);
    usageError(() => parseLinkArgs('plan', ['a', 'b']), /takes one spec file, got a, b/);
    assert.equal(parseLinkArgs('validate', ['--', '-odd.mcvpc.yaml']).file, '-odd.mcvpc.yaml');
  });

  it('collects an option given more than once when it says so, in order; others still refuse a second', () => {
    const options = {
      spec: { type: 'string', placeholder: 'FILE', multiple: true },
      profile: { type: 'string', placeholder: 'PROFILE' },
    } as const;
    assert.deepEqual(parseCommandLine('lint', ['a.sql', '--spec', 'x.yaml', '--spec=y.yaml', 'b.sql'], options), {
      values: { spec: ['x.yaml', 'y.yaml'] },
      positionals: ['a.sql', 'b.sql'],
    });
    assert.deepEqual(parseCommandLine('lint', ['--spec', 'x.yaml'], options).values, { spec: ['x.yaml'] });
    usageError(
      () => parseCommandLine('lint', ['--spec', 'x.yaml', '--spec', '--profile', 'p'], options),
      /--spec needs a value: --spec FILE/,
    );
    usageError(() => parseCommandLine('lint', ['--profile', 'a', '--profile', 'b'], options), /--profile is given more than once/);
  });
});
