#!/usr/bin/env node
// `npm run web`: build, then serve the console to a browser on 127.0.0.1 and print the address (with its token).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('npm run web: the build failed; the messages above say where.');
  process.exit(1);
}
const child = spawn(process.execPath, ['dist/cli/xoi-console.cjs', 'web', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
