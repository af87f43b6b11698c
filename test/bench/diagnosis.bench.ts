import path from 'node:path';
import { DEFAULT_PROFILE_SETTINGS, EMPTY_APPOINTMENT_FILTER } from '../../shared/contract';
import { diagnoseAppointment } from '../../shared/diagnosis';
import { buildContext, loadMirrorFacts, verdictSettingsFrom } from '../../electron/engine/diagnosis';
import { QueryClient } from '../../electron/engine/queries';
import { openMirrorForReading, QUICK_COUNTS, type ReadHandle } from '../../electron/engine/store';
import { createRng } from '../../electron/sandbox';
import { repoRoot } from '../support/paths';
import { percentile, timed, type Figure } from './bench-utils';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);

/** A hundred appointments drawn at random (reproducibly), by row id: no list of every key is held. */
function randomKeys(handle: ReadHandle, count: number): string[] {
  const span = handle.db.prepare('SELECT min(rowid) AS low, max(rowid) AS high FROM appointments').get() as {
    low: number;
    high: number;
  };
  const next = handle.db.prepare('SELECT key FROM appointments WHERE rowid >= ? ORDER BY rowid LIMIT 1').pluck();
  const rng = createRng(3);
  return Array.from({ length: count }, () => next.get(rng.int(span.low, span.high)) as string);
}

/**
 * What an administrator waits for on the screens (one appointment's detail, searches, a deep window), asked the way
 * the screens ask: through the console's reader workers (dist/electron/query-worker.cjs), each a thread with a heap
 * of its own. Asked in this process they paid for its heap instead (at a million appointments, gigabytes of facts
 * held for the pure rules below): each young-generation collection there took 15 ms or more.
 */
async function interactiveFigures(dbFile: string, keys: readonly string[], group: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const readers = new QueryClient(path.join(repoRoot, 'dist', 'electron', 'query-worker.cjs'), dbFile);
  try {
    const one: number[] = [];
    for (const key of keys)
      one.push(
        (
          await timed(() =>
            readers.query('appointments.detail', { key, localNow: Date.now(), settings, trustedHosts: [] }),
          )
        ).ms,
      );
    figures.push({
      group,
      name: 'one appointment, diagnosed live (detail view), median',
      value: Number(percentile(one, 50).toFixed(1)),
      unit: 'ms',
      note: "through the console's reader worker",
    });
    figures.push({
      group,
      name: 'one appointment, diagnosed live, p95',
      value: Number(percentile(one, 95).toFixed(1)),
      unit: 'ms',
    });

    const words = [
      'lakeside',
      'sc1005',
      'harbor',
      'ana',
      'two/sc10',
      'elm court',
      'marina',
      'priya',
      'warehouse',
      '001',
    ];
    // As the list asks: the first window with quick counts (estimated for a broad search), then, only when they were
    // estimated, the exact counts in a second request.
    const searches: number[] = [];
    const exactAfter: number[] = [];
    let estimated = 0;
    for (let round = 0; round < 20; round++) {
      for (const word of words) {
        const query = {
          filter: { ...EMPTY_APPOINTMENT_FILTER, search: word },
          sort: { field: 'taskDate', direction: 'desc' } as const,
          offset: 0,
          limit: 100,
        };
        const first = await timed(() => readers.query('appointments.page', { ...query, counts: 'quick' }));
        searches.push(first.ms);
        if (first.value.counted !== 'estimate') continue;
        if (round === 0) estimated++;
        exactAfter.push(
          (await timed(() => readers.query('appointments.page', { ...query, limit: 1, counts: 'exact' }))).ms,
        );
      }
    }
    figures.push({
      group,
      name: 'search (first 100 rows, total, counts), median',
      value: Number(percentile(searches, 50).toFixed(1)),
      unit: 'ms',
      note: `through the console's reader worker; counts estimated for ${estimated} of ${words.length} searches (more than ${QUICK_COUNTS.exactUpTo.toLocaleString('en-US')} matches)`,
    });
    figures.push({ group, name: 'search p95', value: Number(percentile(searches, 95).toFixed(1)), unit: 'ms' });
    figures.push({
      group,
      name: 'exact counts after an estimate (second request), median',
      value: Number(percentile(exactAfter, 50).toFixed(1)),
      unit: 'ms',
      note: exactAfter.length === 0 ? 'no search was estimated' : `${exactAfter.length} requests`,
    });
    figures.push({
      group,
      name: 'exact counts after an estimate, p95',
      value: Number(percentile(exactAfter, 95).toFixed(1)),
      unit: 'ms',
    });
    const page = await timed(() =>
      readers.query('appointments.page', {
        filter: { ...EMPTY_APPOINTMENT_FILTER, states: ['needs-action'] },
        sort: { field: 'taskDate', direction: 'desc' },
        offset: 50_000,
        limit: 200,
      }),
    );
    figures.push({
      group,
      name: 'a deep window (offset 50,000) filtered by state',
      value: Number(page.ms.toFixed(1)),
      unit: 'ms',
    });
  } finally {
    await readers.close();
  }
  return figures;
}

/** The pure rules over every appointment's facts, held at once (the console's own recompute reads them in slices). */
async function pureRuleFigures(handle: ReadHandle, group: string): Promise<Figure[]> {
  const now = Date.now();
  const load = await timed(() => loadMirrorFacts(handle));
  const facts = load.value;
  const context = buildContext(handle, facts, now, settings);
  const all = await timed(() => {
    let count = 0;
    for (const appointment of facts.appointments) {
      diagnoseAppointment(
        {
          appointment,
          notes: facts.notesByKey.get(appointment.key) ?? [],
          history: facts.historyByKey.get(appointment.key) ?? [],
        },
        context,
      );
      count++;
    }
    return count;
  });
  return [
    { group, name: 'load the facts (three queries)', value: Math.round(load.ms), unit: 'ms' },
    { group, name: 'diagnose all (pure rules)', value: Math.round(all.ms), unit: 'ms' },
    { group, name: 'per appointment', value: Number(((all.ms * 1000) / all.value).toFixed(1)), unit: 'µs' },
  ];
}

/** Diagnosing all, one, and searching, on the mirror the mirror benchmark left behind. */
export async function diagnosisBench(dbFile: string): Promise<Figure[]> {
  const handle = openMirrorForReading(dbFile);
  try {
    const { n } = handle.db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number };
    const group = `diagnosis (${n.toLocaleString('en-US')} appointments)`;
    // The screens' figures first, so the facts the pure rules hold are not yet on any heap.
    const interactive = await interactiveFigures(dbFile, randomKeys(handle, 100), group);
    const pure = await pureRuleFigures(handle, group);
    return [...pure, ...interactive];
  } finally {
    handle.db.close();
  }
}
