import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { makeTempDir } from '../support/temp-dir';

const ROUNDS = 200;
const READERS = 3;

/** Runs one side of the race in its own thread, as the sync worker and the query worker do. */
function side(script: string, file: string, role: 'writer' | 'reader'): Promise<string> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { file, role } });
    worker.once('message', (result: string) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => resolve(`CRASH: ${error.message}`));
  });
}

describe('opening a fresh mirror from several threads at once', () => {
  const temp = makeTempDir('xoi-open-race-');
  let script = '';

  beforeAll(async () => {
    // Bundled inside the project, so the worker finds better-sqlite3 in node_modules as the real workers do.
    script = path.join(repoRoot, 'dist', 'test', 'open-race-worker.cjs');
    await build({
      entryPoints: [path.join(repoRoot, 'test', 'support', 'open-race-worker.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      logLevel: 'warning',
    });
  });
  afterAll(() => temp.remove());

  it(`never fails: the writer creates and migrates it while readers wait for it (${ROUNDS} rounds)`, async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const file = path.join(temp.dir, `round-${round}.db`);
      // Readers start first in odd rounds and last in even ones, so every interleaving gets its turn.
      const readers = () => Array.from({ length: READERS }, () => side(script, file, 'reader'));
      const results = await Promise.all(
        round % 2 === 0 ? [side(script, file, 'writer'), ...readers()] : [...readers(), side(script, file, 'writer')],
      );
      for (const result of results) if (result !== 'ok') failures.push(`round ${round}: ${result}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
