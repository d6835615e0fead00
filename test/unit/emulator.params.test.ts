import { strict as assert } from 'node:assert';
import OpenApiUtil from '@alicloud/openapi-util';
import { flattenObject, Params, parseUrlEncoded } from '../../src/emulator/params';
import { percentEncode } from '../../src/emulator/signature';

describe('emulator: parameter un-flattening', () => {
  const flat = OpenApiUtil.query({
    RegionId: 'cn-hangzhou',
    Permissions: Array.from({ length: 12 }, (_, i) => ({ IpProtocol: 'TCP', PortRange: `${i + 1}/${i + 1}`, Priority: i + 1 })),
    SecurityGroupRuleId: ['sgr-a', 'sgr-b'],
    Tag: [{ Key: 'k', Value: 'v' }],
  }) as Record<string, string>;
  const params = new Params(flat);

  it('rebuilds Name.N.Field records in numeric index order (10 after 9, not after 1)', () => {
    const permissions = params.objects('Permissions');
    assert.equal(permissions.length, 12);
    assert.deepEqual(
      permissions.map((p) => p.PortRange),
      Array.from({ length: 12 }, (_, i) => `${i + 1}/${i + 1}`),
    );
    assert.deepEqual(permissions[9], { IpProtocol: 'TCP', PortRange: '10/10', Priority: '10' });
  });

  it('rebuilds Name.N lists and ignores other names sharing a prefix', () => {
    assert.deepEqual(params.list('SecurityGroupRuleId'), ['sgr-a', 'sgr-b']);
    assert.deepEqual(params.objects('Tag'), [{ Key: 'k', Value: 'v' }]);
    assert.deepEqual(new Params({ 'PermissionsX.1.A': 'x' }).objects('Permissions'), []);
  });

  it('reads integers and booleans strictly, naming the parameter', () => {
    const p = new Params({ PageSize: '5', Bad: '5x', Flag: 'TRUE' });
    assert.equal(p.integer('PageSize', 10, 1, 50), 5);
    assert.equal(p.integer('Missing', 10, 1, 50), 10);
    assert.throws(() => p.integer('Bad', 10, 1, 50), /"Bad".*not an integer/);
    assert.throws(() => new Params({ PageSize: '51' }).integer('PageSize', 10, 1, 50), /between 1 and 50/);
    assert.equal(p.boolean('Flag'), true);
    assert.throws(() => p.required('Nope'), /"Nope" that is mandatory/);
  });

  it("decodes what Node's querystring (the client's encoder) produces, including + and %20", () => {
    const pairs = parseUrlEncoded("VpcName=a%20b*(x)!~'&Other=1%2B1&Plus=a+b&Empty=");
    assert.deepEqual(pairs, [
      ['VpcName', "a b*(x)!~'"],
      ['Other', '1+1'],
      ['Plus', 'a b'],
      ['Empty', ''],
    ]);
    assert.throws(() => parseUrlEncoded('Bad=%E0%A4%A'), /percent-encoding/);
  });

  it('flattens JSON bodies exactly like OpenApiUtil.query', () => {
    const value = { A: [{ B: 1, C: [true, null, 'x'] }], D: 'e' };
    assert.deepEqual(flattenObject(value), OpenApiUtil.query(value));
  });

  it("encodes like the client: !'()* escaped, ~ kept, space as %20", () => {
    assert.equal(percentEncode("a b!'()*~"), 'a%20b%21%27%28%29%2A~');
  });
});
