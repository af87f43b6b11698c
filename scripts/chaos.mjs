#!/usr/bin/env node
// `npm run chaos -- --runs N --seed S`: the seeded fault run (test/chaos). Builds the CLI first (the runs kill real
// mirror processes).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (spawnSync(process.execPath, ['scripts/build.mjs', '--node-only'], { cwd: root, stdio: 'inherit' }).status !== 0)
  process.exit(1);
const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/chaos/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
