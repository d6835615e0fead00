/**
 * `npm run generate:snippets`: writes snippets/*.json from the usage generator
 * (src/core/usage/snippets.ts). Tests never write these files; they fail when the committed ones fall behind.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippetFileText, usageSnippets } from '../src/core/usage/snippets';

const root = join(__dirname, '..');
for (const [path, snippets] of Object.entries(usageSnippets())) {
  writeFileSync(join(root, path), snippetFileText(snippets));
  console.log(`wrote ${path}`);
}
