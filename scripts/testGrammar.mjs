// `npm run test:grammar`: the TextMate grammars (syntaxes/) against the scope assertions in
// test/grammar, through vscode-tmgrammar-test (vscode-textmate + oniguruma, as VS Code runs them).
// Our grammars and the injection come from package.json; the SQL, Python, Java and shell grammars
// they inject into are VS Code's own, taken from the code-server install (`npm run install:code-server`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, root } from './lib/prepare.mjs';

// On a fresh clone the grammars come with the code-server install (once, cached in .cache/).
ensureCodeServer();
const builtins = join(root, '.cache', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');
const hostGrammars = [
  'sql/syntaxes/sql.tmLanguage.json',
  'python/syntaxes/MagicPython.tmLanguage.json',
  'java/syntaxes/java.tmLanguage.json',
  'shellscript/syntaxes/shell-unix-bash.tmLanguage.json',
].map((g) => join(builtins, g));
const missing = hostGrammars.filter((g) => !existsSync(g));
if (missing.length > 0) {
  console.error(`[test:grammar] VS Code's built-in grammars are missing (run npm run install:code-server):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
const cli = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const run = spawnSync(process.execPath, [cli, ...hostGrammars.flatMap((g) => ['-g', g]), 'test/grammar/*.test.*'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
