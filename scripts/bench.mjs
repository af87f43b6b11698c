#!/usr/bin/env node
// `npm run bench [-- --appointments N]`: builds, then runs the benchmarks (test/bench) and prints figures and ratios.
// They are measurements, never pass/fail: these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/index.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
