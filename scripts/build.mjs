#!/usr/bin/env node
// Builds everything `npm start`, the tests and packaging need into dist/:
//   dist/renderer   the React app (Vite)
//   dist/electron   main.cjs and the one-file sandboxed preload.cjs (esbuild)
//   dist/cli        the xoi-console command (esbuild)
// Usage: node scripts/build.mjs [--node-only | --renderer-only]
import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const args = new Set(process.argv.slice(2));

/** Native and Electron modules stay outside the bundles; electron-builder packs them. */
const external = ['electron', 'better-sqlite3', 'keytar', 'electron-log', 'electron-log/*'];

export const nodeEntries = [
  { in: 'electron/main/index.ts', out: 'electron/main' },
  { in: 'electron/preload/index.ts', out: 'electron/preload' },
  { in: 'electron/engine/sync/sync-worker.ts', out: 'electron/sync-worker' },
  { in: 'electron/engine/queries/query-worker.ts', out: 'electron/query-worker' },
  { in: 'electron/compose/sandbox-thread.ts', out: 'electron/sandbox-thread' },
  { in: 'electron/cli/entry.ts', out: 'cli/xoi-console' },
];

export async function buildNode() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: path.join(root, 'dist'),
    outExtension: { '.js': '.cjs' },
    external,
    define: { __XOI_VERSION__: JSON.stringify(version) },
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
  };
  await esbuild({ ...common, entryPoints: nodeEntries });
  // The one call to shell.openExternal, bundled alone so its Electronegativity justification covers nothing else.
  await esbuild({
    ...common,
    entryPoints: [{ in: 'electron/main/system-browser.ts', out: 'electron/system-browser' }],
    banner: {
      js: '/* eng-disable OPEN_EXTERNAL_JS_CHECK */ // Only URLs accepted by checkExternalUrl reach this file (see electron/main/system-browser.ts).',
    },
  });
  const cli = path.join(root, 'dist/cli/xoi-console.cjs');
  const text = readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
  }
  chmodSync(cli, 0o755);
  // The window and tray icon travel with the main bundle.
  copyFileSync(path.join(root, 'build', 'icon.png'), path.join(root, 'dist', 'electron', 'icon.png'));
}

export async function buildRenderer() {
  const { build } = await import('vite');
  // What ships is a production build, whatever NODE_ENV the caller has (Vitest sets "test"): Vite keeps a NODE_ENV it
  // finds, and with anything but "production" bundles React's development build, slower and holding the absolute
  // paths of the source files on the machine that built it.
  const callers = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (callers === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callers;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  if (!args.has('--renderer-only')) await buildNode();
  if (!args.has('--node-only')) await buildRenderer();
  console.error(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
