#!/usr/bin/env node
// `npm run dist`: the installers, on a release machine with internet (see README, "Releasing").
// Builds dist/, then runs electron-builder, which rebuilds better-sqlite3 and keytar for Electron's ABI
// (only here, never in postinstall) and flips the fuses. Default targets: this platform's installer;
// pass --win or --mac (or both) to choose.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (process.env.XOI_SKIP_FUSES) {
  console.error('dist: XOI_SKIP_FUSES is set; a release is never built without its fuses. Unset it and run again.');
  process.exit(2);
}
if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
const requested = process.argv.slice(2).filter((arg) => arg === '--win' || arg === '--mac');
const targets = requested.length > 0 ? requested : [process.platform === 'darwin' ? '--mac' : '--win'];
process.exit(run(path.join(root, 'node_modules', '.bin', 'electron-builder'), [...targets, '--publish', 'never']));
