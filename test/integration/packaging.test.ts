import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fuses from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from '../support/fixtures';
import { repoRoot } from '../support/paths';
import { makeTempDir } from '../support/temp-dir';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(file: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};
const { FuseV1Options } = require('@electron/fuses') as typeof Fuses;
const { fuseConfig } = require('../../scripts/fuses.cjs') as { fuseConfig: Record<string | number, unknown> };

/**
 * electron-builder cannot download Electron here, so it packs against a placeholder "electron" file with
 * npmRebuild off: that validates electron-builder.yml and writes the real app.asar, which is what we inspect.
 */
describe('packaging (electron-builder.yml)', () => {
  const temp = makeTempDir('xoi-pack-');
  let entries: string[] = [];
  let unpacked: string[] = [];
  let archive = '';
  let output = '';

  beforeAll(() => {
    const fakeDist = path.join(temp.dir, 'electron-dist');
    mkdirSync(fakeDist);
    writeFileSync(path.join(fakeDist, 'electron'), 'placeholder standing in for the Electron binary', { mode: 0o755 });
    const out = path.join(temp.dir, 'out');
    const result = spawnSync(
      path.join(repoRoot, 'node_modules', '.bin', 'electron-builder'),
      ['--linux', 'dir', `-c.electronDist=${fakeDist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, XOI_SKIP_FUSES: '1' } },
    );
    output = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) throw new Error(`electron-builder failed:\n${output}`);
    archive = path.join(out, 'linux-unpacked', 'resources', 'app.asar');
    entries = asar.listPackage(archive);
    unpacked = spawnSync('find', [path.join(out, 'linux-unpacked', 'resources', 'app.asar.unpacked'), '-type', 'f'], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
  }, 120_000);

  afterAll(() => temp.remove());

  it('packs the built main, preload and renderer', () => {
    expect(entries).toContain('/dist/electron/main.cjs');
    expect(entries).toContain('/dist/electron/preload.cjs');
    expect(entries).toContain('/dist/renderer/index.html');
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
  });

  it("packs a production renderer: not React's development build, no path of the machine that built it", () => {
    // The tests build under NODE_ENV=test, which once gave a development bundle; what is packed must not be one.
    const scripts = entries.filter((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const text = asar.extractFile(archive, script.slice(1)).toString('utf8');
      expect({ script, development: text.includes('jsxDEV') }).toEqual({ script, development: false });
      expect({ script, buildPath: text.includes(repoRoot) }).toEqual({ script, buildPath: false });
    }
  });

  it('packs no sources, tests, source maps, databases, logs or secrets', () => {
    const offending = entries.filter(
      (entry) =>
        /\.(ts|tsx|map|db|sqlite|sqlite3|db-wal|log|pem|p12|env)$/.test(entry) ||
        /^\/(electron|renderer|shared|test|scripts|docs)\//.test(entry) ||
        /^\/dist\/cli\//.test(entry),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the worker scripts inside the integrity-checked archive, and only native modules outside it', () => {
    expect(entries).toContain('/dist/electron/sync-worker.cjs');
    expect(entries).toContain('/dist/electron/query-worker.cjs');
    expect(entries).toContain('/dist/electron/sandbox-thread.cjs');
    const outside = unpacked.filter((file) => !/\/node_modules\/(better-sqlite3|keytar)\//.test(file));
    expect(outside).toEqual([]);
  });

  it('refuses XOI_SKIP_FUSES for a real Electron binary, and a release build refuses it outright', async ({
    defer,
  }) => {
    const afterPack = require('../../scripts/after-pack-fuses.cjs') as (context: unknown) => Promise<void>;
    const outDir = path.join(temp.dir, 'fuse-check');
    mkdirSync(outDir);
    const context = {
      appOutDir: outDir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'XOi Console' }, executableName: 'xoi-console' },
    };
    const binary = path.join(outDir, 'xoi-console');
    const previous = process.env.XOI_SKIP_FUSES;
    process.env.XOI_SKIP_FUSES = '1';
    defer(() => {
      if (previous === undefined) delete process.env.XOI_SKIP_FUSES;
      else process.env.XOI_SKIP_FUSES = previous;
    });
    writeFileSync(binary, 'placeholder');
    await expect(afterPack(context)).resolves.toBeUndefined();
    writeFileSync(
      binary,
      Buffer.concat([Buffer.alloc(64), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.alloc(64)]),
    );
    await expect(afterPack(context)).rejects.toThrow(/real Electron binary/);
    const dist = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'dist.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, XOI_SKIP_FUSES: '1' },
    });
    expect(dist.status).toBe(2);
    expect(dist.stderr).toMatch(/never built without its fuses/);
  });

  it('keeps the native modules outside the archive so they can load', () => {
    expect(unpacked.some((file) => file.endsWith('better_sqlite3.node'))).toBe(true);
    expect(unpacked.some((file) => file.endsWith('keytar.node'))).toBe(true);
    expect(unpacked.some((file) => file.endsWith('sqlite3.c'))).toBe(false);
  });

  it('lists the runtime dependencies only, not the dev toolchain', () => {
    for (const devOnly of ['react', 'vite', 'vitest', 'electron-builder', 'typescript', 'zod']) {
      expect(entries.some((entry) => entry.startsWith(`/node_modules/${devOnly}/`))).toBe(false);
    }
  });

  it('flips the security fuses at packaging', () => {
    expect(fuseConfig[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuseConfig[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuseConfig[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });
});
