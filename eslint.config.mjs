// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers that must stay free of 'vscode' so they run in plain Node and in the CLI. */
const pureLayers = ['src/core/**', 'src/cloud/**', 'src/emulator/**', 'src/spec/**', 'src/cli/**', 'src/shared/**', 'src/engine/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'media/vendor/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: pureLayers,
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Pure layers (core, cloud, emulator, spec, cli, shared, engine) must not import vscode: see HOUSE_STYLE.md.' }],
      }],
    },
  },
  {
    // Browser code of the forms: talks to the host only through src/shared/protocol.ts.
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'webview/ runs in the browser: it has no vscode module.' }],
        patterns: [{ group: ['../src/*', '!../src/shared', '../src/shared/*', '!../src/shared/protocol'], message: 'webview/ imports only src/shared/protocol.ts from the extension (HOUSE_STYLE.md § Webview).' }],
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'eslint.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'readonly' } },
  },
);
