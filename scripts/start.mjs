#!/usr/bin/env node
// `npm start`: build, then open the Electron app on the embedded sandbox. Where the Electron runtime cannot
// be obtained, say why and serve the same console through the web host instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findElectron } from './electron-runtime.mjs';
import { buildOrExit, root, runUntilExit, webHostArgs } from './launch.mjs';

buildOrExit('npm start');

const electron = findElectron(root);
if (electron.path) {
  runUntilExit(electron.path, ['.']);
} else {
  const { devDependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  console.log(`
The Electron runtime is not available on this machine, so the desktop window cannot open:
${electron.missing}. Electron downloads its runtime from GitHub on first use; where that is blocked,
point ELECTRON_MIRROR at a reachable mirror (for example ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/)
and run npm start again, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron ${devDependencies.electron} build.
Meanwhile the same console is served to your browser by the web host (same engine, same sandbox).
Open the address below; stop the server with Ctrl+C.
`);
  runUntilExit(process.execPath, webHostArgs());
}
