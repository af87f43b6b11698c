import { parentPort, workerData } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import {
  openMirrorForReading,
  openMirrorForReadingWhenReady,
  openMirrorForWritingWhenFree,
} from '../../electron/engine/store';

/**
 * One side of the open race (bundled by test/integration/open-race.test.ts): the writer creates and migrates a fresh
 * mirror, or a reader opens it as soon as it is ready and reads from it. Reports "ok" or the error's code and message.
 */
const { file, role } = workerData as { file: string; role: 'writer' | 'reader' };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main(): Promise<string> {
  if (role === 'writer') {
    const store = await openMirrorForWritingWhenFree(file, sleep);
    store.db.prepare("INSERT INTO cursors (feed, cursor, updated_at) VALUES ('appointments', 'x', 'now')").run();
    store.db.close();
    return 'ok';
  }
  // A reader that already has the new file open (as a screen's reader may) while the writer sets it up.
  for (let poke = 0; poke < 200; poke++) {
    if (!existsSync(file)) continue;
    try {
      const early = openMirrorForReading(file);
      early.db.pragma('user_version', { simple: true });
      early.db.close();
    } catch {
      // Not a database yet: what the early reader sees is not the point; the writer must not fail because of it.
    }
  }
  const reader = await openMirrorForReadingWhenReady(file, sleep);
  reader.db.prepare('SELECT count(*) FROM appointments').get();
  reader.db.close();
  return 'ok';
}

main().then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) =>
    parentPort?.postMessage(
      `${(error as { code?: string }).code ?? 'ERROR'}: ${(error as Error).message ?? String(error)}`,
    ),
);
