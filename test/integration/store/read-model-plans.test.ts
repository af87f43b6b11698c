import { describe, expect, test } from '../../support/fixtures';
import { countSql, LIST_SORTS, windowIdsSql, type ListFilter, type SearchPath } from '../../../electron/engine/store';
import { HELD_BY_COMPANY_SQL, HELD_BY_TECHNICIAN_SQL } from '../../../electron/engine/queries';
import { diagnosedMirror } from '../../support/diagnosed-mirror';
import { NO_LIST_FILTER } from '../../support/list-filter';
import { queryPlan } from '../../support/schema-at';

const SEARCH_PATHS: SearchPath[] = ['matches', 'set', 'probe'];

/** The filters the screens send, one narrowing at a time and together. */
const FILTERS: Array<[string, ListFilter]> = [
  ['nothing', NO_LIST_FILTER],
  ['one state', { ...NO_LIST_FILTER, states: ['needs-action'] }],
  ['two states', { ...NO_LIST_FILTER, states: ['needs-action', 'blocked'] }],
  ['a search word', { ...NO_LIST_FILTER, search: 'lakeside' }],
  ['a short search word', { ...NO_LIST_FILTER, search: 'ab' }],
  ['a reason', { ...NO_LIST_FILTER, codes: ['JOB_NOTES_OVERDUE'] }],
  ['a company', { ...NO_LIST_FILTER, companies: ['TWO'] }],
  ['a technician', { ...NO_LIST_FILTER, technicians: ['T01'] }],
  ['a date range', { ...NO_LIST_FILTER, from: '2026-01-01', to: '2026-02-01' }],
  ['the deleted ones', { ...NO_LIST_FILTER, live: false }],
  [
    'everything at once',
    {
      ...NO_LIST_FILTER,
      states: ['waiting'],
      search: 'center',
      codes: ['AWAITING_XOI_POLL'],
      companies: ['TWO'],
      technicians: ['T01'],
      from: '2026-01-01',
      to: '2026-02-01',
    },
  ],
];

describe('the read model query plans', () => {
  test('never scan the whole list nor sort it, for any sort, direction and filter', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { handle } = await diagnosedMirror({ openSandbox, openMirror, defer }, 300);
    const plan = (sql: string, params: unknown[]) => queryPlan(handle.db, sql, ...params).join(' | ');
    const problems: string[] = [];
    const fullScan = /SCAN appointment_list(?! USING (COVERING )?INDEX)/;
    for (const [name, filter] of FILTERS) {
      // Narrowed by nothing but columns of the sort indexes: the window comes off an index in order, never sorted.
      const inOrder =
        filter.search === '' && filter.codes.length === 0 && filter.from === null && filter.states.length < 2;
      for (const field of LIST_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const path of SEARCH_PATHS) {
            const ids = windowIdsSql(filter, { field, direction }, path);
            const detail = plan(ids.sql, [...ids.params, 100, 50_000]);
            const where = `${name}, ${field} ${direction}, search read by ${path}`;
            if (fullScan.test(detail)) problems.push(`${where} scans: ${detail}`);
            if (inOrder && /TEMP B-TREE/.test(detail)) problems.push(`${where} sorts: ${detail}`);
          }
        }
      }
      const count = countSql(filter);
      const countPlan = plan(count.sql, count.params);
      if (fullScan.test(countPlan)) problems.push(`count, ${name}: ${countPlan}`);
    }
    expect(problems).toEqual([]);
  });

  test('the health check reads who holds appointments back from the kept counts, never from the rows', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { handle } = await diagnosedMirror({ openSandbox, openMirror, defer }, 300);
    const plan = (sql: string, params: unknown[]) =>
      queryPlan(handle.db, sql, ...params).filter((detail) => /^(?:SCAN|SEARCH)/.test(detail));
    // h is list_held, t the technicians and co the companies (for their names): neither list_codes nor the list.
    expect(plan(HELD_BY_TECHNICIAN_SQL, ['A', 'B', 'C', 'D', 5])).toEqual([
      'SEARCH h USING PRIMARY KEY (code=?)',
      'SEARCH t USING INDEX sqlite_autoindex_technicians_1 (id=?) LEFT-JOIN',
    ]);
    expect(plan(HELD_BY_COMPANY_SQL, ['COMPANY_INACTIVE', 5])).toEqual([
      'SEARCH h USING PRIMARY KEY (code=?)',
      'SEARCH co USING INDEX sqlite_autoindex_companies_1 (id=?) LEFT-JOIN',
    ]);
  });
});
