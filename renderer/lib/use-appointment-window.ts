import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, AppointmentFilter, AppointmentRow, AppointmentSort } from '../../shared/contract';
import { api } from '../api/client';
import { useMirrorVersion } from './use-mirror';

export const PAGE_SIZE = 200;

export interface WindowState {
  total: number;
  counts: { ok: number; waiting: number; 'needs-action': number; blocked: number };
  computedAt: string | null;
  error: AppError | null;
  loaded: boolean;
}

const EMPTY_STATE: WindowState = {
  total: 0,
  counts: { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 },
  computedAt: null,
  error: null,
  loaded: false,
};

/**
 * The list's rows, fetched a page at a time as the table scrolls, so 100,000 appointments cost only what is on
 * screen. A new filter, a new sort or a changed mirror starts over (`query` is null: nothing is asked).
 */
export function useAppointmentWindow(query: { filter: AppointmentFilter; sort: AppointmentSort } | null) {
  const version = useMirrorVersion();
  const pages = useRef(new Map<number, AppointmentRow[]>());
  const pending = useRef(new Set<number>());
  const [, setTick] = useState(0);
  const [state, setState] = useState<WindowState>(EMPTY_STATE);
  const key = JSON.stringify({ query, version });
  const current = useRef<{ key: string; query: typeof query }>({ key: '', query: null });

  const loadPage = useCallback((page: number) => {
    const { key: requestedFor, query: asked } = current.current;
    if (!asked || pages.current.has(page) || pending.current.has(page)) return;
    pending.current.add(page);
    void api.call('appointments.query', { ...asked, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
      if (requestedFor !== current.current.key) return;
      pending.current.delete(page);
      if (!result.ok) {
        setState((previous) => ({ ...previous, error: result.error, loaded: true }));
        return;
      }
      pages.current.set(page, result.value.rows);
      setState({
        total: result.value.total,
        counts: result.value.counts,
        computedAt: result.value.computedAt,
        error: null,
        loaded: true,
      });
      setTick((value) => value + 1);
    });
  }, []);

  useEffect(() => {
    current.current = { key, query };
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
