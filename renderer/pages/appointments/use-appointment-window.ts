import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, AppointmentFilter, AppointmentRow } from '../../../shared/contract';
import { api } from '../../api/client';

export const PAGE_SIZE = 200;

export interface WindowState {
  total: number;
  counts: { ok: number; waiting: number; 'needs-action': number; blocked: number };
  computedAt: string | null;
  error: AppError | null;
  loaded: boolean;
}

/**
 * The list's rows, fetched a page at a time as the table scrolls, so 100,000 appointments cost only what is on
 * screen. Changing the filter or a new set of verdicts starts over.
 */
export function useAppointmentWindow(
  filter: AppointmentFilter,
  sort: { field: 'taskDate' | 'key' | 'state' | 'technician' | 'customer'; direction: 'asc' | 'desc' },
  generation: number,
) {
  const pages = useRef(new Map<number, AppointmentRow[]>());
  const pending = useRef(new Set<number>());
  const [, setTick] = useState(0);
  const [state, setState] = useState<WindowState>({
    total: 0,
    counts: { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 },
    computedAt: null,
    error: null,
    loaded: false,
  });
  const key = JSON.stringify({ filter, sort, generation });
  const currentKey = useRef(key);

  const loadPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const requestedFor = currentKey.current;
      void api
        .call('appointments.query', { filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (requestedFor !== currentKey.current) return;
          pending.current.delete(page);
          if (!result.ok) {
            setState((current) => ({ ...current, error: result.error, loaded: true }));
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
      // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures filter and sort
    },
    [key],
  );

  useEffect(() => {
    currentKey.current = key;
    pages.current = new Map();
    pending.current = new Set();
    loadPage(0);
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
