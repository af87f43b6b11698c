import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '../support/fixtures';
// @ts-expect-error: a plain .mjs script of the repository, without types.
import { findElectron } from '../../scripts/electron-runtime.mjs';

describe('finding the Electron runtime for npm start', () => {
  it("says why a download failed in words, without the installer's JavaScript error class", ({ defer }) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'xoi-electron-'));
    defer(() => rmSync(root, { recursive: true, force: true }));
    const pkg = path.join(root, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    // An installer that fails the way a blocked download does.
    writeFileSync(path.join(pkg, 'install.js'), "console.error('TypeError: fetch failed'); process.exit(1);\n");
    const found = findElectron(root) as { path?: string; missing?: string };
    expect(found.path).toBeUndefined();
    expect(found.missing).toBe('downloading it failed (fetch failed)');
  });
});
