import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { runCli } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

describe('xoi-console basics', () => {
  it.each([
    [['launch-rockets'], /Unknown command "launch-rockets"/],
    [['web', '--port', 'abc'], /--port must be a whole number from 0 to 65535/],
    [['web', '--port', '70000'], /--port must be from 0 to 65535/],
    [['web', '--frobnicate'], /Unknown option '--frobnicate'.*allowed: --port/],
  ])('a wrong call (%j) prints one clear line and exits 2', async (args, message) => {
    const outcome = await runCli(args);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its version', async () => {
    const outcome = await runCli(['--version']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('npm start without the Electron runtime', () => {
  it('explains why in one paragraph, then serves the console through the web host', async () => {
    const temp = makeTempDir();
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: temp.dir, XOI_CONSOLE_DATA_DIR: temp.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
        if (match) resolve(match[1] ?? '');
      });
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving: ${stdout}`)));
    });
    const address = new URL(url);
    const response = await fetch(new URL('/', address), {
      headers: { 'x-xoi-token': address.searchParams.get('token') ?? '' },
    });
    const page = await response.text();
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    temp.remove();
    expect(stdout).toMatch(/Electron runtime is not available/);
    expect(stdout).toMatch(/ELECTRON_MIRROR/);
    expect(stdout).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(stdout).toMatch(/stop the server with Ctrl\+C/);
    expect(stdout).not.toMatch(/\b\w*Error:/);
    expect(response.status).toBe(200);
    expect(page).toContain('<title>XOi Console</title>');
  });
});
