import { diagnosedMirror } from '../../support/diagnosed-mirror';
import { NO_LIST_FILTER } from '../../support/list-filter';
import { describe, expect, test } from '../../support/fixtures';
import {
  countListByState,
  countListByStateQuickly,
  QUICK_COUNTS,
  readListWindow,
  searchPathFor,
} from '../../../electron/engine/store';

/**
 * A mirror of a 600-appointment sandbox, every verdict computed, open for reading as the screens read it. A test
 * names the fixtures in its own parameters (Vitest opens only those) and passes them on.
 */

describe('searching the read model', () => {
  test('reads a window from the matches when few, probes row by row when most rows match, else uses a set', () => {
    const window = { offset: 0, limit: 100 };
    expect(searchPathFor({ ...window }, 1_000_000)).toBe('set');
    expect(searchPathFor({ ...window, total: 2_000 }, 1_000_000)).toBe('matches');
    // 60% of a million rows match: the first 100 are found among some 170 rows of the sort order.
    expect(searchPathFor({ ...window, total: 600_000 }, 1_000_000)).toBe('probe');
    expect(searchPathFor({ ...window, total: 20_000 }, 1_000_000)).toBe('probe');
    // 0.5% match: probing would step over 20,000 rows to find 100; a set of 5,000 costs less.
    expect(searchPathFor({ ...window, total: 5_000 }, 1_000_000)).toBe('set');
    // Far down a broad search the walk grows with the offset, and the set wins again.
    expect(searchPathFor({ offset: 500_000, limit: 100, total: 600_000 }, 1_000_000)).toBe('set');
    expect(searchPathFor({ offset: 50_000, limit: 100, total: 600_000 }, 1_000_000)).toBe('probe');
  });

  test('counts and lists exactly the rows whose search text holds every word, however the search is read', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { handle } = await diagnosedMirror({ openSandbox, openMirror, defer }, 600);
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
      const counts = countListByState(handle, { ...NO_LIST_FILTER, search });
      const nonZero = new Map([...counts].filter(([, n]) => n > 0));
      expect({ search, counts: Object.fromEntries(nonZero) }).toEqual({
        search,
        counts: Object.fromEntries(byState),
      });
      // Each way of reading a search's window (from its matches, against a set of them, probing row by row) gives
      // the same rows, at the top and further down, in both directions.
      const keys = expected.map((row) => row.key).sort();
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { field: 'key' as const, direction };
        const inOrder = direction === 'asc' ? keys : [...keys].reverse();
        for (const offset of [0, 37]) {
          for (const path of ['matches', 'set', 'probe'] as const) {
            const window = readListWindow(handle, { ...NO_LIST_FILTER, search }, sort, {
              offset,
              limit: 50,
              search: path,
            });
            expect({ search, path, direction, offset, keys: window.map((entry) => entry.key) }).toEqual({
              search,
              path,
              direction,
              offset,
              keys: inOrder.slice(offset, offset + 50),
            });
          }
        }
      }
    }
  });

  test('counts quickly: exact for a narrow search, estimated from a sample for a broad one', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { handle } = await diagnosedMirror({ openSandbox, openMirror, defer }, 600);
    const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
    // Limits scaled to 600 rows the way the defaults are to 1,000,000: a sample of 8 stretches of 24 ids.
    const limits = { exactUpTo: 40, stretches: 8, stretchIds: 24 };

    for (const filter of [
      { ...NO_LIST_FILTER, search: '001' },
      { ...NO_LIST_FILTER, search: 'two/sc1' },
      { ...NO_LIST_FILTER, search: 'ana', states: ['ok'] },
      { ...NO_LIST_FILTER, search: '001', companies: ['TWO'] },
    ]) {
      const exact = countListByState(handle, filter);
      expect(total(exact), filter.search).toBeGreaterThan(limits.exactUpTo);
      const quick = countListByStateQuickly(handle, filter, limits);
      expect(quick.estimated).toBe(true);
      // 192 of 600 rows sampled: a broken scale or sample would be off by a factor, not by a sampling error.
      expect(Math.abs(total(quick.byState) / total(exact) - 1), JSON.stringify(filter)).toBeLessThan(0.35);
    }

    // Few matches, no words the index can find, or the defaults on a small list: exact, as countListByState gives.
    for (const [filter, given] of [
      [{ ...NO_LIST_FILTER, search: 'sc1005' }, limits],
      [{ ...NO_LIST_FILTER, search: 'ab' }, limits],
      [{ ...NO_LIST_FILTER, states: ['blocked'] }, limits],
      [{ ...NO_LIST_FILTER, search: '001' }, QUICK_COUNTS],
    ] as const) {
      const quick = countListByStateQuickly(handle, filter, given);
      expect({ filter, estimated: quick.estimated, counts: quick.byState }).toEqual({
        filter,
        estimated: false,
        counts: countListByState(handle, filter),
      });
    }
  });
});
