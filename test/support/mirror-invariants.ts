import Database from 'better-sqlite3';
import { type SandboxWorld, type FeedStore } from '../../electron/sandbox';

/**
 * What must hold after any crash: the file passes integrity_check, and for each feed the rows present are exactly
 * the server's rows up to the stored cursor (never a cursor ahead of its data, never data past its cursor).
 */
export function checkMirrorInvariants(file: string, world: SandboxWorld): string[] {
  const problems: string[] = [];
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const feeds: Array<[string, string, string, FeedStore<unknown>]> = [
      ['appointments', 'appointments', 'key', world.appointments as FeedStore<unknown>],
      ['notes', 'notes', 'id', world.notes as FeedStore<unknown>],
      ['history', 'history', 'id', world.history as FeedStore<unknown>],
    ];
    const hasCursors = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cursors'").get() as {
      n: number;
    };
    if (hasCursors.n === 0) return problems;
    for (const [feed, table, idColumn, store] of feeds) {
      const row = db.prepare('SELECT cursor FROM cursors WHERE feed = ?').get(feed) as { cursor: string } | undefined;
      const cursorVersion = row ? Number(row.cursor.split('.').pop()) : 0;
      const mirrored = new Map(
        (
          db.prepare(`SELECT ${idColumn} AS id, version FROM ${table}`).all() as Array<{ id: string; version: number }>
        ).map((r) => [r.id, r.version]),
      );
      for (const entry of store.entries()) {
        const expected = entry.version <= cursorVersion && entry.value !== null;
        const has = mirrored.get(entry.id);
        if (expected && has !== entry.version)
          problems.push(
            `${feed} ${entry.id}: server version ${entry.version} is under the cursor ${cursorVersion} but the mirror has ${has ?? 'nothing'}`,
          );
        if (!expected && has !== undefined && entry.version <= cursorVersion)
          problems.push(`${feed} ${entry.id}: deleted under the cursor yet still mirrored`);
      }
      for (const [id, version] of mirrored) {
        if (version > cursorVersion)
          problems.push(`${feed} ${id}: version ${version} is past the cursor ${cursorVersion}`);
      }
    }
  } finally {
    db.close();
  }
  return problems;
}
