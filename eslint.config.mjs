// Lint for the whole project, including the boundary rules that keep each file in its own runtime and layer:
//   engine, sandbox, cli, web, compose  never import `electron`   (they run under plain Node)
//   shared                              imports only zod and itself; no Node, no DOM globals
//   renderer                            never imports electron/ code (but the preload's types) or Node built-ins
//   engine                              never imports sandbox/, web/, cli/, compose/ or main/
//   engine/store                        never imports sync/, service/, queries/ or diagnosis/
//   sandbox                             imports from the engine only the published Schedule contract
// The layer rules resolve every import (relative or aliased) to its file: scripts/eslint-layers.mjs.
// test/unit/lint-boundaries.test.ts proves each rule bites.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslint-layers.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Globals that exist only in a browser or only in Node; shared/ must use neither. */
const universal = new Set([
  'console',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'structuredClone',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'Intl',
  'atob',
  'btoa',
  'crypto',
  'performance',
  'Event',
  'EventTarget',
  'DOMException',
]);
const esGlobals = new Set(Object.keys(globals.es2024));
const hostOnlyGlobals = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)])]
  .filter((name) => !universal.has(name) && !esGlobals.has(name))
  .map((name) => ({ name, message: 'shared/ runs in every host: no DOM or Node globals here.' }));

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
  patterns: [
    {
      group: ['electron/*', 'electron-log/main', 'electron-log/renderer'],
      message: 'Only electron/main and electron/preload may import Electron.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, __XOI_VERSION__: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/**', 'shared/**', 'renderer/**'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/boundaries': 'error' },
  },
  {
    files: ['test/**'],
    ignores: ['test/e2e/**'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/entry-points': 'error' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/engine/**', 'electron/sandbox/**', 'electron/cli/**', 'electron/web/**', 'electron/compose/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: { __XOI_VERSION__: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in every host: no Node built-ins.' })),
          patterns: [{ regex: '^(?!\\.|zod$|zod/)', message: 'shared/ may import only zod and its own files.' }],
        },
      ],
      'no-restricted-globals': ['error', ...hostOnlyGlobals],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser, __XOI_VERSION__: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer runs sandboxed: no Node built-ins.' })),
          patterns: [
            {
              regex: '(^|/)electron(/(?!preload/api$)|$)',
              message: 'The renderer talks to the engine only through renderer/api.',
            },
            { regex: '^electron', message: 'The renderer never imports Electron.' },
          ],
        },
      ],
    },
  },
);
