// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers that must stay free of 'vscode' so they run in plain Node and in the CLI. */
const pureLayers = [
  'src/core/**',
  'src/cloud/**',
  'src/emulator/**',
  'src/connectionSpec/**',
  'src/cli/**',
  'src/shared/**',
  'src/engine/**',
  'src/targets/**',
];

/**
 * The arrows of HOUSE_STYLE.md: ui → (cli, connectionSpec, engine, targets) → cloud → core, connectionSpec → targets,
 * cli → emulator (`mcvpc emulator`); nothing imports a folder that imports it back. Each layer
 * lists the folders it must not import; the emulator may take core's *types* only, so it stays an
 * independent oracle. (`src/shared/protocol.ts` imports nothing.)
 */
const FORBIDDEN_ARROWS = {
  core: ['cloud', 'targets', 'engine', 'connectionSpec', 'cli', 'ui', 'emulator', 'shared'],
  cloud: ['targets', 'engine', 'connectionSpec', 'cli', 'ui', 'emulator', 'shared'],
  targets: ['engine', 'connectionSpec', 'cli', 'ui', 'emulator', 'shared'],
  connectionSpec: ['engine', 'cli', 'ui', 'emulator', 'shared'],
  engine: ['connectionSpec', 'cli', 'ui', 'emulator', 'shared'],
  cli: ['ui', 'shared'],
  ui: ['cli', 'emulator'],
  shared: ['core', 'cloud', 'targets', 'engine', 'connectionSpec', 'cli', 'ui', 'emulator'],
};

/** An import of folder `name` from anywhere (`../cloud`, `../../cloud/reads`). */
const folderPatterns = (names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

/**
 * Layers the extension host loads at activation (directly or through the tree) take values from
 * src/cloud's own files, never from its index: the index brings the OpenAPI SDK (dist/sdk.js,
 * 1.3 MB) along, and one `import { CloudError } from '../../cloud'` in a target kind made
 * activation three times slower (48 → 150 ms, `npm run bench:activation`). Types are free.
 */
const CLOUD_INDEX_VALUES = ['targets', 'engine', 'connectionSpec', 'ui'];
const cloudIndexPattern = {
  regex: '^(\\.\\./)+cloud(/index)?$',
  allowTypeImports: true,
  message:
    'Import values from the file in src/cloud that defines them (errors, mappers, reads…), not from its index: the index loads the OpenAPI SDK at activation. `import type` is fine.',
};

/** The patterns of a layer's arrows (its forbidden folders, and the cloud index where it applies). */
const arrowPatterns = (layer) => [
  {
    group: folderPatterns(FORBIDDEN_ARROWS[layer]),
    message: `src/${layer} must not import ${FORBIDDEN_ARROWS[layer].join(', ')} (layer arrows: eslint.config.mjs, HOUSE_STYLE.md).`,
  },
  ...(CLOUD_INDEX_VALUES.includes(layer) ? [cloudIndexPattern] : []),
];

/**
 * src/ui's pure model files: everything under a room's `model/` folder (src/ui/README.md). They
 * import no 'vscode' (not even its types), so the unit tests load them in plain Node; and they
 * take values only from model files, because a value import of a room's other files would bring
 * 'vscode' along at run time. Types come from anywhere. From `src/ui/<room>/model/x.ts` the
 * pattern matches `../y` and `../commands/y` (the room outside model/) and `../../<room>/y`
 * (another room outside its model/), never `./y`, `../../<room>/model/y` or `../../../core/y`.
 */
const UI_MODEL_FILES = 'src/ui/*/model/**/*.ts';
const uiOutsideModelPattern = {
  regex: '^\\.\\./((?!\\.\\./|model/)|\\.\\./[^./][^/]*/(?!model/))',
  allowTypeImports: true,
  message:
    'A model file takes values only from model files (src/ui/*/model/, src/ui/README.md): the other files of a room import vscode. `import type` is fine.',
};

const arrowRules = [
  ...Object.keys(FORBIDDEN_ARROWS).map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/ui imports vscode: see HOUSE_STYLE.md.' }].filter(() => layer !== 'ui'),
          patterns: arrowPatterns(layer),
        },
      ],
    },
  })),
  {
    // Replaces the ui entry's options for model files (a later entry's options win), so it repeats ui's arrows.
    files: [UI_MODEL_FILES],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message:
                'A file under src/ui/<room>/model/ is pure: no vscode, not even its types (src/ui/README.md). Move the vscode part to the room, outside model/.',
            },
          ],
          patterns: [...arrowPatterns('ui'), uiOutsideModelPattern],
        },
      ],
    },
  },
  {
    files: ['src/emulator/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The emulator never imports vscode.' }],
          patterns: [
            {
              group: folderPatterns(['core', 'cloud', 'targets', 'engine', 'connectionSpec', 'cli', 'ui', 'shared']),
              allowTypeImports: true,
              message: 'The emulator takes nothing from the product but core types (import type): it is an independent oracle.',
            },
          ],
        },
      ],
      // import() is out of the rule above's sight (require() is refused by no-require-imports).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'The emulator loads no module at run time: a dynamic import() would pass the import rule above unseen.',
        },
      ],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Webview code runs in the browser: no vscode.' }],
          patterns: [
            {
              group: folderPatterns(['core', 'cloud', 'targets', 'engine', 'connectionSpec', 'cli', 'ui', 'emulator']),
              message: 'Webview code imports only src/shared.',
            },
          ],
        },
      ],
    },
  },
];

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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message:
                'Pure layers (core, cloud, emulator, spec, cli, shared, engine, targets) must not import vscode: see HOUSE_STYLE.md.',
            },
          ],
        },
      ],
    },
  },
  ...arrowRules,
  {
    // Browser code of the forms: talks to the host only through src/shared/protocol.ts.
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'webview/ runs in the browser: it has no vscode module.' }],
          patterns: [
            {
              group: ['../src/*', '!../src/shared', '../src/shared/*', '!../src/shared/protocol'],
              message: 'webview/ imports only src/shared/protocol.ts from the extension (HOUSE_STYLE.md § Webview).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'eslint.config.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'readonly',
      },
    },
  },
);
