/**
 * The documentation each rule's help links to: every id a SARIF log can name (the policy rules and
 * the other families) has its section in docs/rules.md, and the links are package.json's
 * repository plus the file's path in this repository, with that section's anchor.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_RULES, RULES_DOC_PATH, RULES_DOC_URL, ruleAnchor } from '../../src/core/policy';
import { OTHER_RULE_FAMILIES, sarifLog } from '../../src/cli/sarif';

const ROOT = join(__dirname, '..', '..');

/** The text of each `<a id>` section of docs/rules.md, by anchor. */
function sections(): Map<string, string> {
  const text = readFileSync(join(ROOT, RULES_DOC_PATH), 'utf8');
  const found = new Map<string, string>();
  for (const part of text.split(/(?=<a id=")/).slice(1)) found.set(/^<a id="([^"]+)"><\/a>/.exec(part)![1]!, part);
  return found;
}

describe('rule documentation', () => {
  it("links docs/rules.md at package.json's repository, by a path that exists here", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository?: { url?: string } };
    const repository = pkg.repository?.url?.replace(/\.git$/, '');
    assert.ok(repository !== undefined && /^https:\/\//.test(repository), 'package.json names its repository');
    assert.equal(RULES_DOC_URL, `${repository}/blob/HEAD/${RULES_DOC_PATH}`);
    assert.ok(existsSync(join(ROOT, RULES_DOC_PATH)));
  });

  it('has a section for every policy rule, headed by its id and name, saying its default severity', () => {
    const docs = sections();
    for (const rule of POLICY_RULES) {
      const section = docs.get(ruleAnchor(rule.id));
      assert.ok(section !== undefined, `docs/rules.md has no section for ${rule.id}`);
      assert.match(section, new RegExp(`^<a id="[^"]+"></a>\\n## ${rule.id} ${rule.name} \\(default: ${rule.defaults.severity}`), rule.id);
    }
  });

  it('has a section for every other family a SARIF log can name', () => {
    const docs = sections();
    for (const family of OTHER_RULE_FAMILIES) assert.ok(docs.has(ruleAnchor(family)), `docs/rules.md has no section for ${family}`);
  });

  it('every rule of a SARIF log links its own section', () => {
    const findings = [...POLICY_RULES.map((r) => r.id), ...OTHER_RULE_FAMILIES.map((f) => `${f}/some-code`)].map((ruleId) => ({
      ruleId,
      severity: 'warning' as const,
      message: 'm',
      file: 'x.mcvpc.yaml',
    }));
    const log = sarifLog('check', '0.1.0', findings, () => undefined) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } } }>;
    };
    const docs = sections();
    const rules = log.runs[0]!.tool.driver.rules;
    assert.equal(rules.length, POLICY_RULES.length + OTHER_RULE_FAMILIES.length);
    for (const r of rules) {
      const [url, anchor] = r.helpUri.split('#');
      assert.equal(url, RULES_DOC_URL, r.id);
      assert.ok(docs.has(anchor!), `${r.id} links #${anchor}, which docs/rules.md does not have`);
    }
  });
});
