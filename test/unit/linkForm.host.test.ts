import { strict as assert } from 'node:assert';
import { contentSecurityPolicy, formPage } from '../../src/ui/linkForm/model/html';
import { parseWebviewMessage } from '../../src/ui/linkForm/model/messages';

describe("the form's host side", () => {
  describe('inbound messages', () => {
    const accepted: unknown[] = [
      { type: 'ready' },
      { type: 'setField', field: 'name', value: 'orders_rds' },
      { type: 'setTarget', key: 'rds:rm-1', selected: true },
      { type: 'setTargetPort', key: 'emr:c-1', port: 9866, selected: false },
      { type: 'setTargetAccess', key: 'rds:rm-1', access: 'securityGroup' },
      { type: 'confirmWholeInternet', confirmed: true },
      { type: 'action', action: 'apply' },
      { type: 'copy', value: 'SET odps.session.networklink=x;' },
    ];
    for (const message of accepted) {
      it(`accepts ${JSON.stringify(message)}`, () => assert.deepEqual(parseWebviewMessage(message), { message }));
    }
    const refused: Array<[unknown, RegExp]> = [
      [null, /not an object/],
      ['ready', /not an object/],
      [[{ type: 'ready' }], /not an object/],
      [{ type: 'rm -rf' }, /unknown message type/],
      [{ type: 'setField', field: 'password', value: 'x' }, /unknown field/],
      [{ type: 'setField', field: 'name', value: 42 }, /value is not a string/],
      [{ type: 'setField', field: 'name', value: 'x'.repeat(1001) }, /at most 1000/],
      [{ type: 'setTarget', key: 'rds:rm-1', selected: 'yes' }, /selected is not a boolean/],
      [{ type: 'setTargetPort', key: 'emr:c-1', port: 70000, selected: true }, /port or selected/],
      [{ type: 'setTargetPort', key: 'emr:c-1', port: 1.5, selected: true }, /port or selected/],
      [{ type: 'setTargetAccess', key: 'rds:rm-1', access: 'Cover' }, /neither whitelist nor securityGroup/],
      [{ type: 'action', action: 'deleteEverything' }, /unknown action/],
      [{ type: 'copy' }, /value is not a string/],
    ];
    for (const [message, why] of refused) {
      it(`refuses ${JSON.stringify(message)?.slice(0, 60)}`, () => {
        const parsed = parseWebviewMessage(message);
        assert.ok('problem' in parsed, 'refused');
        assert.match(parsed.problem, why);
      });
    }
  });

  describe('the page', () => {
    const page = formPage({
      cspSource: 'https://x.vscode-cdn.net',
      nonce: 'abc123',
      scriptUri: 'https://x.vscode-cdn.net/dist/webview/linkForm.js',
      styleUri: 'https://x.vscode-cdn.net/dist/webview/linkForm.css',
      title: 'Create <Network> Link',
    });

    it('has a strict CSP: nothing by default, scripts only by nonce, styles and fonts from the extension, no inline or eval', () => {
      const csp = contentSecurityPolicy({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123' });
      assert.equal(
        csp,
        "default-src 'none'; script-src 'nonce-abc123'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net",
      );
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
      assert.ok(page.includes(`content="default-src &#39;none&#39;; script-src &#39;nonce-abc123&#39;`));
    });

    it('loads one script, with the nonce, and no inline script or style', () => {
      assert.equal(page.match(/<script/g)?.length, 1);
      assert.match(page, /<script type="module" nonce="abc123" src="https:\/\/x\.vscode-cdn\.net\/dist\/webview\/linkForm\.js"><\/script>/);
      assert.doesNotMatch(page, /<style|\sstyle="|\son[a-z]+="/);
      assert.match(page, /<title>Create &lt;Network&gt; Link<\/title>/);
    });
  });
});
