#!/usr/bin/env node
// `npm start`: build, then open the Electron app on the embedded sandbox. Where the Electron runtime cannot
// be obtained, say why and serve the same console through the web host instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('npm start: the build failed; the messages above say where.');
  process.exit(1);
}

const electron = findElectron(root);
let child;
if (electron.path) {
  child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' });
} else {
  console.log(`
The Electron runtime is not available on this machine, so the desktop window cannot open:
${electron.missing}. Electron downloads its runtime from GitHub on first use; where that is blocked,
point ELECTRON_MIRROR at a reachable mirror (for example ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/)
and run npm start again, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron ${'45'} build.
Meanwhile the same console is served to your browser by the web host (same engine, same sandbox):
`);
  child = spawn(process.execPath, ['dist/cli/xoi-console.cjs', 'web', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
