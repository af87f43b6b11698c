import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('boundary lint rules', () => {
  it.each([
    'electron/engine/bad.ts',
    'electron/sandbox/bad.ts',
    'electron/cli/bad.ts',
    'electron/web/bad.ts',
    'electron/compose/bad.ts',
  ])('%s may not import electron', async (file) => {
    expect(await ruleIdsFor(file, "import { app } from 'electron';\nexport const x = app;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('lets electron/main import electron', async () => {
    expect(
      await ruleIdsFor('electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).not.toContain('no-restricted-imports');
  });

  it.each([
    ["import fs from 'node:fs';\nexport const x = fs;\n"],
    ["import path from 'path';\nexport const x = path;\n"],
    ["import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ["import { app } from 'electron';\nexport const x = app;\n"],
  ])('shared/ may not import Node built-ins or packages: %s', async (code) => {
    expect(await ruleIdsFor('shared/bad.ts', code)).toContain('no-restricted-imports');
  });

  it.each(['document.title', 'window.location', 'localStorage.getItem("x")', 'process.env.HOME', 'Buffer.from("x")'])(
    'shared/ may not use the host global in %s',
    async (expression) => {
      expect(await ruleIdsFor('shared/bad.ts', `export const x = ${expression};\n`)).toContain('no-restricted-globals');
    },
  );

  it('lets shared/ import zod and its own files', async () => {
    const ids = await ruleIdsFor(
      'shared/ok.ts',
      "import { z } from 'zod';\nimport { ok } from './contract/result';\nexport const x = [z, ok];\n",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });

  it.each([
    ["import { createService } from '../electron/engine/service';\nexport const x = createService;\n"],
    ["import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ["import fs from 'node:fs';\nexport const x = fs;\n"],
  ])('the renderer may not import electron/ code, Electron or Node: %s', async (code) => {
    expect(await ruleIdsFor('renderer/bad.ts', code)).toContain('no-restricted-imports');
  });

  it('lets the renderer import the preload type declarations', async () => {
    const ids = await ruleIdsFor(
      'renderer/ok.ts',
      "import type { PreloadApi } from '../electron/preload/api';\nexport type X = PreloadApi;\n",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });

  const layerCases: Array<[string, string, string]> = [
    ['electron/engine/sync/bad.ts', '../../sandbox/sandbox', 'the engine importing the sandbox'],
    ['electron/engine/service/bad.ts', '../../web/server', 'the engine importing the web host'],
    ['electron/engine/bad.ts', '../cli/main', 'the engine importing the CLI'],
    ['electron/engine/bad.ts', '../compose/open-console', 'the engine importing the composition root'],
    ['electron/engine/queries/bad.ts', '../../main/window-registry', 'the engine importing the shell'],
    ['electron/engine/sync/bad.ts', '@/electron/sandbox/world/world', 'the engine, by an @/ alias'],
    ['electron/engine/sync/bad.ts', 'electron/sandbox/world/world', 'the engine, by a path from the root'],
    ['electron/engine/sync/bad.ts', '../sync/../../sandbox/rng', 'the engine, by a winding relative path'],
    ['electron/engine/store/tables/bad.ts', '../../sync/sync-pass', 'the store importing sync/'],
    ['electron/engine/store/bad.ts', '../service/context', 'the store importing service/'],
    ['electron/engine/store/bad.ts', '../queries/registry', 'the store importing queries/'],
    [
      'electron/engine/store/bad.ts',
      '~/electron/engine/diagnosis/aggregates',
      'the store importing diagnosis/, aliased',
    ],
    ['electron/sandbox/bad.ts', '../engine/schedule/client', "the sandbox importing the console's client"],
    ['electron/sandbox/world/bad.ts', '../../engine/store/open', 'the sandbox importing the store'],
    ['renderer/pages/bad.ts', '../../electron/engine/service', 'the renderer importing the engine'],
    ['renderer/bad.ts', '/electron/preload/preload', 'the renderer importing the preload itself'],
    ['shared/bad.ts', '../electron/engine/store/open', 'shared importing the engine'],
    ['shared/domain/bad.ts', '../../renderer/app/format', 'shared importing the renderer'],
  ];

  it.each(layerCases)('%s may not import %s (%s)', async (file, specifier) => {
    const code = `import * as imported from '${specifier}';\nexport const x = imported;\n`;
    expect(await ruleIdsFor(file, code)).toContain('layers/boundaries');
  });

  it.each([
    ['electron/engine/store/tables/ok.ts', '../handles'],
    ['electron/engine/store/ok.ts', '../../../shared/domain/appointment-key'],
    ['electron/engine/sync/ok.ts', '../store/open'],
    ['electron/sandbox/server/ok.ts', '../../engine/schedule/contract'],
    ['electron/compose/ok.ts', '../sandbox/sandbox'],
    ['renderer/ok.ts', '../electron/preload/api'],
  ])('lets %s import %s', async (file, specifier) => {
    const code = `import * as imported from '${specifier}';\nexport const x = imported;\n`;
    expect(await ruleIdsFor(file, code)).not.toContain('layers/boundaries');
  });

  it('catches re-exports, dynamic imports and require as well', async () => {
    const file = 'electron/engine/bad.ts';
    for (const code of [
      "export { startSandbox } from '../sandbox/sandbox';\n",
      "export const later = () => import('../sandbox/sandbox');\n",
      "export const now = require('../sandbox/sandbox');\n",
    ])
      expect(await ruleIdsFor(file, code)).toContain('layers/boundaries');
  });
});

describe("tests import a folder's modules through its entry point", () => {
  it.each([
    ['test/integration/bad.test.ts', '../../electron/engine/store/open'],
    ['test/integration/bad.test.ts', '../../electron/engine/store/tables/appointments'],
    ['test/unit/bad.test.ts', '../../electron/sandbox/world/scenario'],
    ['test/unit/bad.test.ts', '../../shared/contract/profiles'],
    ['test/unit/bad.test.ts', '@/shared/domain/statuses'],
    ['test/support/bad.ts', '../../electron/engine/dispatch/../sync/poller'],
  ])('%s may not import %s', async (file, specifier) => {
    const code = `import * as imported from '${specifier}';\nexport const x = imported;\n`;
    expect(await ruleIdsFor(file, code)).toContain('layers/entry-points');
  });

  it.each([
    ['test/integration/ok.test.ts', '../../electron/engine/store'],
    ['test/integration/ok.test.ts', '../../electron/engine'],
    ['test/unit/ok.test.ts', '../../shared'],
    ['test/unit/ok.test.ts', '../../shared/contract'],
    // The shell's, the preload's and the renderer's index is the program itself: their tests import the module.
    ['test/unit/ok.test.ts', '../../electron/main/window-state'],
    ['test/unit/ok.test.ts', '../../renderer/lib/chart-ticks'],
    ['test/integration/ok.test.ts', '../support/fixtures'],
  ])('lets %s import %s', async (file, specifier) => {
    const code = `import * as imported from '${specifier}';\nexport const x = imported;\n`;
    expect(await ruleIdsFor(file, code)).not.toContain('layers/entry-points');
  });

  it.each([
    ["export { openMirrorForWriting } from '../../electron/engine/store/open';\n"],
    ["export const open = require('../../electron/engine/store/open');\n"],
    ["export const open = () => import('../../electron/engine/store/open');\n"],
  ])('sees a deep path however it is reached: %s', async (code) => {
    expect(await ruleIdsFor('test/integration/bad.test.ts', code)).toContain('layers/entry-points');
  });
});
