/**
 * Using a link from code, in the real extension host: the demo's .sql and spark-defaults.conf
 * copied into the test workspace with its spec, completion and diagnostics there, every kind of
 * quick fix applied through VS Code's own code-action command, and the insert commands.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { waitFor } from '../harness/poll';
import { activatedExtension } from './extension';

const LINK = 'warehouse_link';
const VPC = 'vpc-bp1w4g8ykeud64dultaii';
const ENABLE = 'spark.hadoop.odps.cupid.eni.enable';
const INFO = 'spark.hadoop.odps.cupid.eni.info';

async function folder(): Promise<vscode.Uri> {
  const root = vscode.workspace.workspaceFolders?.[0];
  assert.ok(root, 'the runner opens a workspace folder');
  return root.uri;
}

/** Copies a file of the repository's demo/ into the test workspace. */
async function copyDemo(extensionUri: vscode.Uri, path: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(await folder(), 'usage-demo', path);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'demo', path), target, { overwrite: true });
  return target;
}

/** The mcvpc diagnostics of a document once they satisfy `ready`. */
async function diagnosticsOf(uri: vscode.Uri, ready: (codes: string[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcvpc');
      return ready(found.map((d) => String(d.code))) ? found : undefined;
    },
    { timeoutMs: 15_000, what },
  );
}

/** A new untitled document in the active editor; waits until it is the active one (a close of the previous test's editor may still be settling). */
async function openText(language: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return waitFor(
    async () => {
      const editor = await vscode.window.showTextDocument(document);
      return vscode.window.activeTextEditor?.document === document && document.getText() === content ? editor : undefined;
    },
    { timeoutMs: 10_000, what: `the ${language} document to be the active editor` },
  );
}

/** Applies the quick fix titled `title` on the diagnostic with `code`; resolves to the document's text after it. */
async function applyFix(editor: vscode.TextEditor, code: string, title: string | RegExp): Promise<string> {
  const { document } = editor;
  const [diagnostic] = await diagnosticsOf(document.uri, (codes) => codes.includes(code), `the ${code} diagnostic`).then((ds) =>
    ds.filter((d) => d.code === code),
  );
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic!.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no quick fix "${String(title)}" among: ${actions.map((a) => a.title).join(' | ')}`);
  if (action.edit !== undefined) assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
  if (action.command !== undefined) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return document.getText();
}

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('using a link from code', function () {
  this.timeout(60_000);
  let extensionUri: vscode.Uri;

  before(async () => {
    const { extension } = await activatedExtension();
    extensionUri = extension.extensionUri;
    await copyDemo(extensionUri, 'warehouse.mcvpc.yaml');
  });
  // The editors stay open (dirty, untitled): closing them would free their untitled names for the
  // next test's documents while the close is still settling. This suite runs last in its host.

  it('the demo SQL is clean, and completion after networklink= offers the declared link', async () => {
    const uri = await copyDemo(extensionUri, 'jobs/nightly_orders.sql');
    const editor = await vscode.window.showTextDocument(uri);
    assert.equal(editor.document.languageId, 'sql');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('SET odps.session.networklink='));
    const labels = await waitFor(
      async () => {
        const found = await completionLabels(uri, new vscode.Position(line, 'SET odps.session.networklink='.length));
        return found.includes(LINK) ? found : undefined;
      },
      { timeoutMs: 15_000, what: 'the spec-declared link among the completions' },
    );
    assert.ok(labels.includes(LINK));
    // "Nothing to say" is also what a check that has not run yet shows: so a mistyped name goes in
    // and must be reported, and once it is taken out again the same text must have no diagnostic.
    const clean = editor.document.getText();
    const at = new vscode.Position(line, 'SET odps.session.networklink='.length);
    assert.ok(await editor.edit((b) => b.insert(at, 'x')));
    await diagnosticsOf(uri, (codes) => codes.includes('unknown-link'), 'the unknown-link diagnostic of the mistyped name');
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(at, at.translate(0, 1)))));
    assert.equal(editor.document.getText(), clean);
    await diagnosticsOf(uri, (codes) => codes.length === 0, 'no diagnostics for the demo SQL as shipped');
  });

  it('the demo spark-defaults.conf is a Spark properties file whose legacy keys migrate to ENI', async () => {
    const uri = await copyDemo(extensionUri, 'jobs/spark-defaults.conf');
    const editor = await vscode.window.showTextDocument(uri);
    assert.equal(editor.document.languageId, 'spark-properties');
    const diagnostics = await diagnosticsOf(
      uri,
      (codes) => codes.filter((c) => c === 'legacy-vpc-key').length === 2,
      'the two legacy-key diagnostics',
    );
    assert.match(
      diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Warning)!.message,
      new RegExp(`A network link reaches ${VPC} \\("${LINK}"\\)`),
    );
    const text = await applyFix(editor, 'legacy-vpc-key', `Migrate to ENI (cn-hangzhou:${VPC})`);
    assert.doesNotMatch(text, /domain\.list|smartnat/);
    assert.match(text, new RegExp(`^${ENABLE.replace(/\./g, '\\.')} true\\n${INFO.replace(/\./g, '\\.')} cn-hangzhou:${VPC}\\n`, 'm'));
    await diagnosticsOf(uri, (codes) => codes.length === 0, 'no diagnostics after the migration');
    const infoLine = text.split('\n').findIndex((l) => l.startsWith(INFO));
    assert.ok((await completionLabels(uri, new vscode.Position(infoLine, `${INFO} `.length))).includes(`cn-hangzhou:${VPC}`));
  });

  const FIXES: { what: string; language: string; text: string; code: string; title: string | RegExp; expected: string }[] = [
    {
      what: 'reversed eni.info',
      language: 'spark-properties',
      text: `${ENABLE}=true\n${INFO}=${VPC}:cn-hangzhou\n`,
      code: 'eni-info-format',
      title: `Change to cn-hangzhou:${VPC}`,
      expected: `${ENABLE}=true\n${INFO}=cn-hangzhou:${VPC}\n`,
    },
    {
      what: 'a zone for the region',
      language: 'spark-properties',
      text: `${ENABLE} true\n${INFO} cn-hangzhou-h:${VPC}\n`,
      code: 'eni-info-format',
      title: `Change to cn-hangzhou:${VPC}`,
      expected: `${ENABLE} true\n${INFO} cn-hangzhou:${VPC}\n`,
    },
    {
      what: 'eni.info without eni.enable',
      language: 'spark-properties',
      text: `${INFO}=cn-hangzhou:${VPC}\n`,
      code: 'eni-enable-missing',
      title: `Set ${ENABLE}=true`,
      expected: `${INFO}=cn-hangzhou:${VPC}\n${ENABLE}=true\n`,
    },
    {
      what: 'eni.enable without eni.info',
      language: 'shellscript',
      text: `spark-submit --conf ${ENABLE}=true app.jar\n`,
      code: 'eni-info-missing',
      title: new RegExp(`Add ${INFO.replace(/\./g, '\\.')}=cn-hangzhou:${VPC} \\(link "${LINK}"\\)`),
      expected: `spark-submit --conf ${ENABLE}=true --conf ${INFO}=cn-hangzhou:${VPC} app.jar\n`,
    },
    {
      what: 'an unknown link name',
      language: 'sql',
      text: `SET odps.session.networklink=warehouse_lnk;\nSELECT 1;\n`,
      code: 'unknown-link',
      title: `Use the network link "${LINK}"`,
      expected: `SET odps.session.networklink=${LINK};\nSELECT 1;\n`,
    },
    {
      what: 'a comment after SET',
      language: 'sql',
      text: `SET odps.session.networklink=${LINK}; -- nightly\nSELECT 1;\n`,
      code: 'comment-after-set',
      title: 'Move the comment above the SET',
      expected: `-- nightly\nSET odps.session.networklink=${LINK};\nSELECT 1;\n`,
    },
    {
      what: 'a Spark key in SQL',
      language: 'sql',
      text: `SET ${ENABLE}=true;\nSELECT 1;\n`,
      code: 'no-effect-in-sql',
      title: `Remove the ${ENABLE} setting`,
      expected: `SELECT 1;\n`,
    },
    {
      what: 'the SQL flag in Spark',
      language: 'spark-properties',
      text: `odps.session.networklink=${LINK}\n`,
      code: 'no-effect-in-spark',
      title: new RegExp(`Replace with the ENI settings of "${LINK}"`),
      expected: `${ENABLE}=true\n${INFO}=cn-hangzhou:${VPC}\n`,
    },
    {
      what: "a foreign table's old HBase handler",
      language: 'sql',
      text: `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (k STRING) STORED BY 'com.aliyun.odps.hbase.HBaseStorageHandler' TBLPROPERTIES ('networklink'='${LINK}');\n`,
      code: 'foreign-table-handler',
      title: 'Use org.apache.hadoop.hive.hbase.HBaseStorageHandler',
      expected: `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (k STRING) STORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler' TBLPROPERTIES ('networklink'='${LINK}');\n`,
    },
    {
      what: 'smartnat next to ENI',
      language: 'spark-properties',
      text: `${ENABLE}=true\n${INFO}=cn-hangzhou:${VPC}\nspark.hadoop.odps.cupid.smartnat.enable=true\n`,
      code: 'legacy-vpc-key',
      title: 'Remove spark.hadoop.odps.cupid.smartnat.enable (not needed with ENI)',
      expected: `${ENABLE}=true\n${INFO}=cn-hangzhou:${VPC}\n`,
    },
  ];
  for (const fix of FIXES) {
    it(`quick fix: ${fix.what}`, async () => {
      const editor = await openText(fix.language, fix.text);
      assert.equal(await applyFix(editor, fix.code, fix.title), fix.expected);
    });
  }

  it('offers the Create Network Link form, and a new connection spec, for a VPC no link reaches', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mcvpc.createNetworkLink'), 'the form is contributed');
    assert.ok(!commands.includes('mcvpc.newLinkSpec'), 'one "new spec" command, not two');
    const editor = await openText('spark-properties', `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1nolinkhere\n`);
    const [diagnostic] = (
      await diagnosticsOf(editor.document.uri, (codes) => codes.includes('eni-info-unlinked'), 'the eni-info-unlinked diagnostic')
    ).filter((d) => d.code === 'eni-info-unlinked');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      diagnostic!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const place = { regionId: 'cn-hangzhou', vpcId: 'vpc-bp1nolinkhere' };
    const offer = actions.find((a) => a.title === 'Create Network Link to vpc-bp1nolinkhere…');
    assert.ok(offer, actions.map((a) => a.title).join(' | '));
    assert.equal(offer.command?.command, 'mcvpc.createNetworkLink');
    assert.deepEqual(offer.command?.arguments, [place]);
    const spec = actions.find((a) => a.title === 'New Connection Spec for vpc-bp1nolinkhere…');
    assert.ok(spec, actions.map((a) => a.title).join(' | '));
    assert.equal(spec.command?.command, 'mcvpc.newSpecForVpc');
    assert.deepEqual(spec.command?.arguments, [place]);
  });

  describe('insert commands', () => {
    const node = { kind: 'networkLink', link: { name: LINK, regionId: 'cn-hangzhou', vpcId: VPC, state: 'connected' } };

    it('Insert Spark ENI Configuration writes the lines the file needs at the cursor, and refuses code', async () => {
      const conf = await openText('spark-properties', 'spark.executor.memory 4g\n');
      conf.selection = new vscode.Selection(1, 0, 1, 0);
      await vscode.commands.executeCommand('mcvpc.insertSparkEni', node);
      assert.equal(conf.document.getText(), `spark.executor.memory 4g\n${ENABLE}=true\n${INFO}=cn-hangzhou:${VPC}`);
      const shell = await openText('shellscript', 'spark-submit \\\n  app.jar\n');
      shell.selection = new vscode.Selection(1, 0, 1, 0);
      await vscode.commands.executeCommand('mcvpc.insertSparkEni', node);
      assert.equal(
        shell.document.getText(),
        `spark-submit \\\n--conf ${ENABLE}=true \\\n--conf ${INFO}=cn-hangzhou:${VPC} \\\n  app.jar\n`,
      );
      // Not into code: set there they may not take effect (Spark on MaxCompute FAQ); the file is left as it was.
      const py = await openText('python', 'spark = SparkSession.builder.getOrCreate()\n');
      assert.equal(await vscode.commands.executeCommand('mcvpc.insertSparkEni', node), undefined);
      assert.equal(py.document.getText(), 'spark = SparkSession.builder.getOrCreate()\n');
    });

    it('Insert SQL Network Link Statement writes a SET in SQL and hints in Python', async () => {
      const sql = await openText('sql', 'SELECT 1;\n');
      sql.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('mcvpc.insertSqlNetworkLink', node);
      assert.equal(sql.document.getText(), `SET odps.session.networklink=${LINK};\nSELECT 1;\n`);
      const py = await openText('python', "o.execute_sql('select 1', )\n");
      py.selection = new vscode.Selection(0, "o.execute_sql('select 1', ".length, 0, "o.execute_sql('select 1', ".length);
      await vscode.commands.executeCommand('mcvpc.insertSqlNetworkLink', node);
      assert.equal(py.document.getText(), `o.execute_sql('select 1', hints={'odps.session.networklink': '${LINK}'})\n`);
    });

    it('Insert Foreign Table writes a statement naming the link, and refuses a file that is not SQL', async () => {
      const sql = await openText('sql', '');
      await vscode.commands.executeCommand('mcvpc.insertForeignTable', node, 'rds');
      assert.match(sql.document.getText(), /^SET odps\.sql\.hive\.compatible=true;\nCREATE EXTERNAL TABLE IF NOT EXISTS mysql_orders \(/m);
      assert.match(sql.document.getText(), new RegExp(`'networklink'='${LINK}'`));
      const conf = await openText('spark-properties', '');
      assert.equal(await vscode.commands.executeCommand('mcvpc.insertForeignTable', node, 'hbase'), undefined);
      assert.equal(conf.document.getText(), '');
    });
  });
});
