import { strict as assert } from 'node:assert';
import { cursorContext } from '../../src/ui/specEditor/model/specCursor';

/** A document with `|` marking the cursor. */
function at(marked: string): ReturnType<typeof cursorContext> {
  const offset = marked.indexOf('|');
  return cursorContext(marked.replace('|', ''), offset);
}

const HEAD = 'version: mcvpc/v1\nkind: NetworkLink\nregion: cn-hangzhou\n';

describe('spec editor: cursor context', () => {
  const table: Array<[string, string, 'key' | 'value', Array<string | number>, string, Record<string, string>?]> = [
    ['top-level value', `${HEAD}vpc: |\n`, 'value', ['vpc'], ''],
    ['top-level value typed', `${HEAD}vSwitch: vsw-b|p1\n`, 'value', ['vSwitch'], 'vsw-b'],
    ['top-level key', `${HEAD}vS|\n`, 'key', [], 'vS'],
    ['nested key', `${HEAD}securityGroup:\n  |\n`, 'key', ['securityGroup'], ''],
    ['nested value', `${HEAD}securityGroup:\n  id: |\n`, 'value', ['securityGroup', 'id'], ''],
    ['deeper value', `${HEAD}securityGroup:\n  create:\n    inboundSource: |\n`, 'value', ['securityGroup', 'create', 'inboundSource'], ''],
    ['target item first key', `${HEAD}targets:\n  - kind: |\n`, 'value', ['targets', 0, 'kind'], ''],
    [
      'second target id',
      `${HEAD}targets:\n  - kind: rds\n    instance: rm-1\n  - kind: hbase\n    cluster: |\n`,
      'value',
      ['targets', 1, 'cluster'],
      '',
      { kind: 'hbase' },
    ],
    ['unindented list', `${HEAD}targets:\n- kind: emr\n  cluster: c|\n`, 'value', ['targets', 0, 'cluster'], 'c', { kind: 'emr' }],
    ['key in a target', `${HEAD}targets:\n  - kind: rds\n    |\n`, 'key', ['targets', 0], '', { kind: 'rds' }],
    ['after a nested block', `${HEAD}securityGroup:\n  create:\n    name: x\nvpc: |\n`, 'value', ['vpc'], ''],
    [
      'second document',
      `${HEAD}---\n${HEAD}targets:\n  - kind: rds\n    instance: |  # orders\n`,
      'value',
      ['targets', 0, 'instance'],
      '',
      { kind: 'rds' },
    ],
  ];
  for (const [name, doc, mode, path, prefix, siblings] of table) {
    it(name, () => {
      const ctx = at(doc);
      assert.ok(ctx, 'a context');
      assert.equal(ctx.mode, mode);
      assert.deepEqual(ctx.path, path);
      assert.equal(ctx.prefix, prefix);
      if (siblings) for (const [k, v] of Object.entries(siblings)) assert.equal(ctx.siblings[k], v);
    });
  }

  it('replaces the whole value but not a trailing comment', () => {
    const text = `${HEAD}vpc: vpc-old   # mcvpc-app\n`;
    const offset = text.indexOf('vpc-old') + 3;
    const ctx = cursorContext(text, offset)!;
    assert.equal(text.slice(ctx.replaceStart, ctx.replaceEnd), 'vpc-old');
  });

  it('offers nothing inside a comment', () => {
    assert.equal(at(`${HEAD}# a note |\n`), undefined);
  });
});
