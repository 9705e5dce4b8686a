import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layering, enforced: each folder gets only its own globals and may import only what its layer may.
// shared/   pure code both processes run: no Node, Electron, DOM, or runtime code of another folder.
// renderer/ the page: browser globals; types (never runtime code) from db/ and electron/.
// db/       SQL and the project file: Node; never electron/.
// electron/hosts/ transports: dispatch and the protocol only, no services, queries or handlers.
// Bare module names are matched exactly (`paths`); folders by pattern, so `../electron/x` is not `electron`.
const NODE = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads', 'stream'];
const nodeAndNative = (message) => ({
  paths: [...NODE, 'electron', 'better-sqlite3'].map((name) => ({ name, message })),
  patterns: [{ group: ['node:*'], message }],
});
const restrict = (...rules) => ['error', { paths: rules.flatMap((r) => r.paths ?? []), patterns: rules.flatMap((r) => r.patterns ?? []) }];
const noRuntimeFrom = (group, message) => ({ patterns: [{ group, message, allowTypeImports: true }] });
const never = (group, message) => ({ patterns: [{ group, message }] });

export const LAYERS = {
  shared: restrict(
    nodeAndNative('shared/ runs in both processes: no Node or Electron modules.'),
    never(['**/db/**', '**/electron/**', '**/renderer/**', 'react', 'react-dom', 'lexical'], 'shared/ imports nothing outside shared/.'),
  ),
  renderer: restrict(
    nodeAndNative('The renderer is a web page: no Node or Electron modules (go through the API).'),
    noRuntimeFrom(
      ['**/db/**', '**/electron/**'],
      'The renderer may import only types from db/ and electron/; shared code lives in shared/.',
    ),
  ),
  db: restrict(never(['**/electron/**', '**/renderer/**'], 'db/ never imports electron/ or the renderer.'), {
    paths: [{ name: 'electron', message: 'db/ never imports Electron.' }],
  }),
  hosts: restrict(
    never(
      ['**/services/**', '**/handlers/**', '**/db/**', '**/methods'],
      'A host is a transport: it reaches the API through dispatch and the protocol only.',
    ),
  ),
};

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', '.test-output/', 'resources/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // typescript-eslint switches this off (the compiler sees every global); on, it holds each folder to its own.
      'no-undef': 'error',
    },
  },
  {
    files: ['electron/**', 'db/**', 'bench/**', 'scripts/**', 'bin/**', 'tests/**', '*.js', '*.ts'],
    languageOptions: { globals: { ...globals.node, NodeJS: 'readonly' } },
  },
  // End-to-end tests and benches hand functions to the page (page.evaluate): they see both worlds.
  { files: ['tests/e2e/**', 'bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser, NodeJS: 'readonly' } } },
  { files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  { files: ['shared/**'], languageOptions: { globals: {} } },
  { files: ['shared/**'], rules: { '@typescript-eslint/no-restricted-imports': LAYERS.shared } },
  { files: ['renderer/**'], rules: { '@typescript-eslint/no-restricted-imports': LAYERS.renderer } },
  { files: ['db/**'], rules: { '@typescript-eslint/no-restricted-imports': LAYERS.db } },
  { files: ['electron/hosts/**'], rules: { '@typescript-eslint/no-restricted-imports': LAYERS.hosts } },
  {
    // Test doubles of Electron's objects are loosely typed on purpose.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
