// Lint: TypeScript rules plus the layer rule of docs/architecture.md — each layer may import only
// the layers it is allowed to see. Layers are folders; the rule is checked on relative import paths.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import svelteParser from 'svelte-eslint-parser';

const layer = (name) => [`**/${name}`, `**/${name}/**`];
const forbid = (names, why) => ({
  group: names.flatMap(layer),
  message: why,
});
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'net', 'url', 'stream', 'zlib']
  .flatMap((m) => [m, `node:${m}`])
  .map((name) => ({ name, message: 'This layer runs in a sandboxed renderer or anywhere: no Node built-ins.' }));
const electronOnly = [{ name: 'electron', message: 'Only src-main/app and src-main/preload may import electron.' }];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'tests/.generated/**', 'coverage/**', 'test-results/**'],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parser: svelteParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['src-main/common/**'],
    rules: restrict(
      [forbid(['core', 'worker', 'cli', 'host', 'app', 'preload'], 'common imports no other layer.')],
      [...nodeBuiltins, ...electronOnly],
    ),
  },
  {
    files: ['src-main/core/**'],
    rules: restrict([forbid(['worker', 'cli', 'host', 'app', 'preload'], 'core imports common only.')], electronOnly),
  },
  {
    files: ['src-main/worker/**', 'src-main/cli/**', 'src-main/host/**'],
    rules: restrict(
      [forbid(['app', 'preload'], 'worker, cli and host use core and common, never the Electron shell.')],
      electronOnly,
    ),
  },
  {
    files: ['src-main/app/**'],
    rules: restrict([forbid(['preload', 'cli', 'host'], 'app uses core, worker and common.')]),
  },
  {
    files: ['src-main/preload/**'],
    rules: restrict([forbid(['core', 'worker', 'cli', 'host', 'app'], 'preload sees only common.')], nodeBuiltins),
  },
  {
    files: ['src-renderer/**'],
    rules: restrict(
      [forbid(['core', 'worker', 'cli', 'host', 'app', 'preload'], 'the renderer sees only src-main/common (through lib/api.ts).')],
      [...nodeBuiltins, ...electronOnly],
    ),
  },
);
