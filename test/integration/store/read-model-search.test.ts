import { describe, expect, test } from '../../support/fixtures';
import { recomputeAllVerdicts, verdictSettingsFrom } from '../../../electron/engine/diagnosis';
import {
  openMirrorForReading,
  countListByState,
  readListWindow,
  type ListFilter,
} from '../../../electron/engine/store';
import { DEFAULT_PROFILE_SETTINGS } from '../../../shared/contract';
import { FIXED_NOW } from '../../support/sandbox';

const NONE: ListFilter = {
  live: true,
  search: '',
  states: [],
  codes: [],
  companies: [],
  technicians: [],
  from: null,
  to: null,
};

describe('searching the read model', () => {
  test('counts and lists exactly the rows whose search text holds every word, however the search is read', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const sandbox = await openSandbox({ appointments: 600 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    recomputeAllVerdicts(mirror.store, FIXED_NOW, verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false));
    const handle = openMirrorForReading(mirror.file);
    defer(() => handle.db.close());
    const all = handle.db
      .prepare('SELECT key, state, search_text AS text, task_date AS taskDate FROM appointment_list WHERE live = 1')
      .all() as Array<{ key: string; state: string; text: string; taskDate: string | null }>;
    const searches = ['001', 'two/sc10', 'lakeside', 'ana', 'a 00', 'ZZZ-none', '\uE000e\uE000', 'Ana  Ruiz', 'o'];
    for (const search of searches) {
      const words = search
        .replace(/[\uE000-\uF8FF]/g, '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      const expected = all.filter((row) => words.every((word) => row.text.includes(word)));
      const byState = new Map<string, number>();
      for (const row of expected) byState.set(row.state, (byState.get(row.state) ?? 0) + 1);
      const counts = countListByState(handle, { ...NONE, search });
      const nonZero = new Map([...counts].filter(([, n]) => n > 0));
      expect({ search, counts: Object.fromEntries(nonZero) }).toEqual({
        search,
        counts: Object.fromEntries(byState),
      });
      // A window read from the matches (few) and from the sort index (many) gives the same rows.
      const sort = { field: 'key' as const, direction: 'asc' as const };
      const few = readListWindow(handle, { ...NONE, search }, sort, { offset: 0, limit: 50, total: 1 });
      const many = readListWindow(handle, { ...NONE, search }, sort, { offset: 0, limit: 50, total: 1_000_000 });
      const keys = expected
        .map((row) => row.key)
        .sort()
        .slice(0, 50);
      expect(few.map((entry) => entry.key)).toEqual(keys);
      expect(many.map((entry) => entry.key)).toEqual(keys);
    }
  });
});
