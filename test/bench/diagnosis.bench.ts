import { DEFAULT_PROFILE_SETTINGS, EMPTY_APPOINTMENT_FILTER } from '../../shared/contract';
import { diagnoseAppointment } from '../../shared/diagnosis';
import { buildContext, loadMirrorFacts, verdictSettingsFrom } from '../../electron/engine/diagnosis';
import { appointmentDetail, queryAppointmentPage } from '../../electron/engine/queries';
import { openMirrorForReading, QUICK_COUNTS } from '../../electron/engine/store';
import { createRng } from '../../electron/sandbox';
import { percentile, timed, type Figure } from './bench-utils';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);

/** Diagnosing all, one, and searching, on the mirror the mirror benchmark left behind. */
export async function diagnosisBench(dbFile: string): Promise<Figure[]> {
  const handle = openMirrorForReading(dbFile);
  const figures: Figure[] = [];
  try {
    const now = Date.now();
    const load = await timed(() => loadMirrorFacts(handle));
    const facts = load.value;
    const group = `diagnosis (${facts.appointments.length.toLocaleString('en-US')} appointments)`;
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
    figures.push({ group, name: 'load the facts (three queries)', value: Math.round(load.ms), unit: 'ms' });
    figures.push({ group, name: 'diagnose all (pure rules)', value: Math.round(all.ms), unit: 'ms' });
    figures.push({
      group,
      name: 'per appointment',
      value: Number(((all.ms * 1000) / all.value).toFixed(1)),
      unit: 'µs',
    });

    const rng = createRng(3);
    const keys = Array.from(
      { length: 100 },
      () => facts.appointments[rng.int(0, facts.appointments.length - 1)]?.key ?? '',
    );
    const one: number[] = [];
    for (const key of keys) one.push((await timed(() => appointmentDetail(handle, key, now, settings, []))).ms);
    figures.push({
      group,
      name: 'one appointment, diagnosed live (detail view), median',
      value: Number(percentile(one, 50).toFixed(1)),
      unit: 'ms',
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
        const first = await timed(() => queryAppointmentPage(handle, { ...query, counts: 'quick' }));
        searches.push(first.ms);
        if (first.value.counted !== 'estimate') continue;
        if (round === 0) estimated++;
        exactAfter.push((await timed(() => queryAppointmentPage(handle, { ...query, limit: 1, counts: 'exact' }))).ms);
      }
    }
    figures.push({
      group,
      name: 'search (first 100 rows, total, counts), median',
      value: Number(percentile(searches, 50).toFixed(1)),
      unit: 'ms',
      note: `counts estimated for ${estimated} of ${words.length} searches (more than ${QUICK_COUNTS.exactUpTo.toLocaleString('en-US')} matches)`,
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
      queryAppointmentPage(handle, {
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
    handle.db.close();
  }
  return figures;
}
