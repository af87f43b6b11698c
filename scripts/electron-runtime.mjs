// Finds the Electron runtime for `npm start`, fetching it on first use like `npx electron` does.
// Returns { path } or { missing: "one-line reason" }; never prints a stack.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findElectron(root) {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed (run npm install)' };
  const binaryName = () => {
    const pathFile = path.join(pkg, 'path.txt');
    return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  };
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      binaryName() ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
    return existsSync(candidate)
      ? { path: candidate }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH does not contain an Electron executable (${candidate})` };
  }
  const installed = () => {
    const name = binaryName();
    const candidate = name ? path.join(pkg, 'dist', name) : null;
    return candidate && existsSync(candidate) ? candidate : null;
  };
  const ready = installed();
  if (ready) return { path: ready };
  const download = spawnSync(process.execPath, [path.join(pkg, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  const fetched = installed();
  if (download.status === 0 && fetched) return { path: fetched };
  const firstLine =
    `${download.stderr ?? ''}${download.stdout ?? ''}`.split('\n').find((line) => line.trim()) ?? 'no output';
  // The installer's own error line, without its JavaScript error class ("TypeError: fetch failed" reads "fetch failed").
  const reason = firstLine
    .trim()
    .replace(/^(?:\w*Error|Error \[[A-Z_]+\]):\s*/, '')
    .slice(0, 200);
  return { missing: `downloading it failed (${reason || 'no reason given'})` };
}
