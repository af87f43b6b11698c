import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AppError,
  AppointmentFilter,
  AppointmentPage,
  AppointmentRow,
  AppointmentSort,
} from '../../shared/contract';
import { api } from '../api/client';
import { useMirrorVersion } from './use-mirror';

export const PAGE_SIZE = 200;

export interface WindowState {
  total: number;
  counts: { ok: number; waiting: number; 'needs-action': number; blocked: number };
  /** The total and counts are an estimate (a broad search); the exact ones follow. */
  estimated: boolean;
  computedAt: string | null;
  error: AppError | null;
  loaded: boolean;
}

const EMPTY_STATE: WindowState = {
  total: 0,
  counts: { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 },
  estimated: false,
  computedAt: null,
  error: null,
  loaded: false,
};

/**
 * The list's rows, fetched a page at a time as the table scrolls, so 100,000 appointments cost only what is on
 * screen. A new filter, a new sort or a changed mirror starts over (`query` is null: nothing is asked). The first page
 * comes with quick counts (estimated for a broad search, so its rows show at once), then the exact counts are asked
 * for; further pages are not counted again.
 */
export function useAppointmentWindow(query: { filter: AppointmentFilter; sort: AppointmentSort } | null) {
  const version = useMirrorVersion();
  const pages = useRef(new Map<number, AppointmentRow[]>());
  const pending = useRef(new Set<number>());
  const [, setTick] = useState(0);
  const [state, setState] = useState<WindowState>(EMPTY_STATE);
  const key = JSON.stringify({ query, version });
  const current = useRef<{ key: string; query: typeof query; total: number }>({ key: '', query: null, total: 0 });

  const counted = useCallback((page: AppointmentPage) => {
    current.current.total = page.total;
    setState({
      total: page.total,
      counts: page.counts ?? EMPTY_STATE.counts,
      estimated: page.counted === 'estimate',
      computedAt: page.computedAt,
      error: null,
      loaded: true,
    });
  }, []);

  const loadPage = useCallback(
    (page: number) => {
      const { key: requestedFor, query: asked, total } = current.current;
      const failed = (error: AppError) => setState((previous) => ({ ...previous, error, loaded: true }));
      if (!asked || pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const window = { ...asked, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      const counting = page === 0 ? { counts: 'quick' as const } : { counts: 'none' as const, total };
      void api.call('appointments.query', { ...window, ...counting }).then((result) => {
        if (requestedFor !== current.current.key) return;
        pending.current.delete(page);
        if (!result.ok) return failed(result.error);
        pages.current.set(page, result.value.rows);
        if (result.value.counted !== 'none') counted(result.value);
        setTick((value) => value + 1);
        if (result.value.counted === 'estimate') {
          void api.call('appointments.query', { ...asked, offset: 0, limit: 1, counts: 'exact' }).then((exact) => {
            if (requestedFor !== current.current.key) return;
            if (exact.ok) counted(exact.value);
            else failed(exact.error);
          });
        }
      });
    },
    [counted],
  );

  useEffect(() => {
    current.current = { key, query, total: 0 };
    pages.current = new Map();
    pending.current = new Set();
    loadPage(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the query and the mirror's version
  }, [key, loadPage]);

  const rowAt = (index: number): AppointmentRow | undefined =>
    pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  /** Called by the table for the rows it shows; fetches the pages they are on. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) loadPage(page);
    },
    [loadPage],
  );

  return { ...state, rowAt, ensureRange };
}
