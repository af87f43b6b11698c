#!/usr/bin/env node
// `npm run bench [-- --appointments N]`: builds, then runs the benchmarks (test/bench) and prints figures and ratios.
// They are measurements, never pass/fail: these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
// At a million appointments the raw-rate comparison holds every feed item in memory, and the sandbox its whole world:
// the bench and the processes it starts get a larger heap (this machine has 24 GB). The bench may collect its garbage
// between parts (--expose-gc; see test/bench/index.ts).
const index = process.argv.indexOf('--appointments');
const appointments = index >= 0 ? Number(process.argv[index + 1]) : 100_000;
const heap = appointments > 200_000 ? ['--max-old-space-size=14000'] : [];
const result = spawnSync(
  process.execPath,
  [...heap, '--expose-gc', '--import', 'tsx', 'test/bench/index.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env:
      heap.length > 0
        ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${heap[0]}`.trim() }
        : process.env,
  },
);
process.exit(result.status ?? 1);
