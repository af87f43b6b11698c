// Shared by `npm start` and `npm run web`: build first, then run one child and mirror its exit.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildOrExit(commandName) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status === 0) return;
  console.error(`${commandName}: the build failed; the messages above say where.`);
  process.exit(1);
}

/** The console served to a browser by the web host, with the caller's own flags passed through. */
export function webHostArgs() {
  return ['dist/cli/xoi-console.cjs', 'web', ...process.argv.slice(2)];
}

export function runUntilExit(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
