/** How a link's configuration is said in refusals (apply's NetworkLinkConflict, plan's link-other-config). */
import { strict as assert } from 'node:assert';
import { linkConfigurationText } from '../../src/core/networkLinkApi';

describe('core: a network link configuration in words', () => {
  it('names the VPC, vSwitch and group of a PASSTHROUGH link', () => {
    assert.equal(
      linkConfigurationText({ type: 'PASSTHROUGH', vpcId: 'vpc-1', vSwitchId: 'vsw-1', securityGroupId: 'sg-1' }),
      'VPC vpc-1, vSwitch vsw-1, security group sg-1',
    );
  });

  it('says which fields GetNetworkLink left out instead of printing blanks', () => {
    assert.equal(linkConfigurationText({ type: 'PASSTHROUGH', vpcId: '' }), 'VPC (VPC not given), vSwitch ?, security group ?');
    assert.equal(linkConfigurationText({ type: '', vpcId: 'vpc-1' }), '(type not given) in vpc-1');
    assert.equal(
      linkConfigurationText({ type: 'REVERSEACCESS', vpcId: 'vpc-1', reverseTargets: 'x', zoneId: 'cn-hangzhou-h' }),
      'REVERSEACCESS in vpc-1 to x (zone cn-hangzhou-h)',
    );
  });
});
