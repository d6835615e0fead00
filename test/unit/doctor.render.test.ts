import { strict as assert } from 'node:assert';
import { overallVerdict, renderReportMarkdown, renderReportText, usageHop, type DoctorReport, type Hop } from '../../src/core/doctor';
import { parseReportMessage, renderReportHtml } from '../../src/ui/reachability/model/reportHtml';

function hop(id: string, verdict: Hop['verdict'], reason = `${id} reason`): Hop {
  return { id, scope: { kind: 'link' }, title: `${id} title`, verdict, reason, evidence: [{ text: `evidence of ${id}`, ids: ['sg-1'] }] };
}

function report(hops: Hop[]): DoctorReport {
  const counts = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const h of hops) counts[h.verdict] += 1;
  return {
    formatVersion: 1,
    networkLinkName: 'l',
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-1',
    vSwitchId: 'vsw-1',
    verdict: overallVerdict(hops),
    hops,
    counts,
  };
}

describe('doctor: verdicts and the report in words', () => {
  it('the overall verdict: fail over unknown over warn over pass', () => {
    assert.equal(overallVerdict([hop('a', 'pass'), hop('b', 'warn')]), 'warn');
    assert.equal(overallVerdict([hop('a', 'warn'), hop('b', 'unknown')]), 'unknown');
    assert.equal(overallVerdict([hop('a', 'unknown'), hop('b', 'fail')]), 'fail');
    assert.equal(overallVerdict([]), 'pass');
  });

  it('Markdown: a table row per hop (pipes escaped), evidence and fixes below', () => {
    const failing = { ...hop('zone', 'fail', 'zone b | not supported'), fix: { kind: 'manual' as const, summary: 'use zone h' } };
    const md = renderReportMarkdown(report([hop('account', 'pass'), failing]));
    assert.match(md, /^## MaxCompute network link "l": ❌ fail$/m);
    assert.match(md, /\| ❌ fail \| link \| zone title \| zone b \\\| not supported \|/);
    assert.match(md, /^ {2}- Fix \(by hand\): use zone h$/m);
    assert.match(renderReportText(report([failing])), /^\[FAIL\] link: zone title: zone b \| not supported$/m);
  });

  it('HTML: cloud text escaped, fail rows open, nonce on the script and in the CSP', () => {
    const html = renderReportHtml(report([hop('x', 'fail', '<img src=x onerror=alert(1)>')]), {
      nonce: 'N0NCE',
      cspSource: 'vscode-resource:',
    });
    assert.ok(!html.includes('<img'), 'no markup from the data');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /<details class="hop fail" data-hop="x" open>/);
    assert.match(html, /script-src 'nonce-N0NCE'/);
    assert.match(html, /<script nonce="N0NCE">/);
  });

  it('only known messages from the page are acted on', () => {
    assert.deepEqual(parseReportMessage({ type: 'fix', hopId: 'target.0.access' }), { type: 'fix', hopId: 'target.0.access' });
    assert.deepEqual(parseReportMessage({ type: 'copy' }), { type: 'copy' });
    assert.equal(parseReportMessage({ type: 'fix' }), undefined);
    assert.equal(parseReportMessage({ type: 'run', command: 'rm -rf' }), undefined);
    assert.equal(parseReportMessage('copy'), undefined);
  });
});

describe('doctor: the workspace usage hop', () => {
  const spec = { networkLinkName: 'orders_link', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc' } as Parameters<typeof usageHop>[0];
  it('passes when the lines name this link and its VPC, warns on another VPC, and is absent without files', () => {
    const good = usageHop(spec, [{ path: 'job.sql', text: 'SET odps.session.networklink=orders_link;\nSELECT 1;\n', dialect: 'sql' }]);
    assert.equal(good?.verdict, 'pass', good?.reason);
    const wrong = usageHop(spec, [
      {
        path: 'spark-defaults.conf',
        text: 'spark.hadoop.odps.cupid.eni.enable=true\nspark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1other\n',
        dialect: 'sparkConf',
      },
    ]);
    assert.equal(wrong?.verdict, 'warn', wrong?.reason);
    assert.ok(
      wrong?.evidence.some((e) => e.text.startsWith('spark-defaults.conf:2:')),
      JSON.stringify(wrong?.evidence),
    );
    assert.equal(usageHop(spec, []), undefined);
  });
});
