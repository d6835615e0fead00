import { strict as assert } from 'node:assert';
import { isZoneSupported, zoneSupportProblem, isRegionSupported } from '../../src/core/zones';

describe('supported zones', () => {
  it('accepts a listed zone and rejects an unlisted one', () => {
    assert.equal(isZoneSupported('cn-hangzhou', 'cn-hangzhou-h'), true);
    assert.equal(isZoneSupported('cn-hangzhou', 'cn-hangzhou-b'), false);
    assert.equal(isZoneSupported('ap-southeast-1', 'ap-southeast-1c'), true);
    assert.equal(isZoneSupported('cn-shanghai-finance-1', 'cn-shanghai-finance-1f'), true);
  });
  it('explains why a zone or region is unsupported', () => {
    assert.match(zoneSupportProblem('cn-hangzhou', 'cn-hangzhou-b') ?? '', /cn-hangzhou-h, cn-hangzhou-i/);
    assert.match(zoneSupportProblem('me-east-1', 'me-east-1a') ?? '', /not available in region me-east-1/);
    assert.equal(zoneSupportProblem('cn-beijing', 'cn-beijing-l'), undefined);
    assert.equal(isRegionSupported('me-east-1'), false);
  });
});
