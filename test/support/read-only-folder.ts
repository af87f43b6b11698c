import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { cliBundle } from './paths';
import { runCli, type CliOutcome } from './run-cli';
import { makeTempDir } from './temp-dir';

const isRoot = process.getuid?.() === 0;

/**
 * A folder this test can fill, then make read-only for the console, for real: a tmpfs remounted read-only when the
 * test runs as root and may mount (root ignores file modes), else a folder whose modes forbid writing to the user
 * the console runs as (the test's own user, or `nobody` when root may not mount).
 */
export function readOnlyFolder() {
  const temp = makeTempDir('xoi-readonly-');
  chmodSync(temp.dir, 0o755);
  const dir = path.join(temp.dir, 'data');
  mkdirSync(dir);
  const mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]).status === 0;
  const runAsNobody = isRoot && !mounted;
  return {
    dir,
    /** How it was made read-only, for the test's name in failure output. */
    kind: mounted ? 'read-only mount' : 'folder without write permission',
    /** Makes the folder (and what is in it) read-only for the console. */
    lock(): void {
      if (mounted) {
        const remount = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
        if (remount.status !== 0) throw new Error(`remount read-only failed: ${remount.stderr}`);
        return;
      }
      spawnSync('chmod', ['-R', 'a-w', dir]);
    },
    /** Runs the bundled command line as the user the folder is read-only for. */
    run(args: string[]): Promise<CliOutcome> {
      if (!runAsNobody) return runCli(args);
      return Promise.resolve(runAsNobodyUser(args));
    },
    remove(): void {
      if (mounted) spawnSync('umount', [dir]);
      spawnSync('chmod', ['-R', 'u+w', temp.dir]);
      temp.remove();
    },
  };
}

function runAsNobodyUser(args: string[]): CliOutcome {
  const result = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cliBundle, ...args],
    { encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } },
  );
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
