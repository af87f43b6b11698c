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
});
