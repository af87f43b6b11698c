import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HealthReport } from '../../shared/contract';
import { api } from '../api/client';
import { useEvent } from './use-api';

const HealthContext = createContext<HealthReport | null>(null);

/** Holds the integration's health for the whole app: asked once, then kept current by `health.changed`. */
export function HealthProvider({ children }: { children: ReactNode }) {
  const [report, setReport] = useState<HealthReport | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('health.get', {}).then((result) => {
      if (live && result.ok) setReport((current) => current ?? result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  useEvent(
    'health.changed',
    useCallback((next: HealthReport) => setReport(next), []),
  );
  return <HealthContext.Provider value={report}>{children}</HealthContext.Provider>;
}

/** The integration's health: every condition, worst first (null until the first answer). */
export function useHealth(): HealthReport | null {
  return useContext(HealthContext);
}
