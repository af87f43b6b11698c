import type { HealthFacts } from '../../../shared/health/assess';
import { SHARED_CAUSE_MIN } from '../../../shared/health/assess';
import type { ActivityFacts, IntegrationFacts, SystemFacts } from '../../../shared/diagnosis/types';
import { statement, type ReadHandle } from '../store/handles';
import { HELD_BY_COMPANY, HELD_BY_TECHNICIAN, readListCounts } from '../store/tables/appointment-list';
import { readSnapshot } from '../store/tables/snapshots';
import { lastSuccessfulRun, readRecentRuns } from '../store/tables/sync-runs';

/** What the mirror file alone says about the integration's health (the live parts are added by the engine). */
export type MirrorHealthFacts = { serverOffsetMs: number } & Pick<
  HealthFacts,
  | 'runs'
  | 'lastSuccessAt'
  | 'appointments'
  | 'system'
  | 'integration'
  | 'activity'
  | 'codeCounts'
  | 'heldByTechnician'
  | 'heldByCompany'
>;

/** Who holds many appointments back for the same reason, from the kept counts (a few rows, however large the list). */
export const HELD_BY_TECHNICIAN_SQL = `SELECT h.holder AS technicianId, coalesce(t.name, h.holder) AS name, h.code AS code,
     h.n AS count
   FROM list_held h LEFT JOIN technicians t ON t.id = h.holder
   WHERE h.code IN (${HELD_BY_TECHNICIAN.map(() => '?').join(', ')}) AND h.n >= ?
   ORDER BY h.n DESC, h.holder, h.code LIMIT 20`;
export const HELD_BY_COMPANY_SQL = `SELECT h.holder AS companyId, coalesce(co.name, h.holder) AS name, h.n AS count
   FROM list_held h LEFT JOIN companies co ON co.id = h.holder
   WHERE h.code = ? AND h.n >= ? ORDER BY h.n DESC, h.holder LIMIT 20`;

export function readHealthFacts(handle: ReadHandle): MirrorHealthFacts {
  const codeCounts: Record<string, number> = Object.fromEntries(readListCounts(handle, true, 'code'));
  const heldByTechnician = statement(handle, HELD_BY_TECHNICIAN_SQL).all(
    ...HELD_BY_TECHNICIAN,
    SHARED_CAUSE_MIN,
  ) as MirrorHealthFacts['heldByTechnician'];
  const heldByCompany = statement(handle, HELD_BY_COMPANY_SQL).all(
    HELD_BY_COMPANY,
    SHARED_CAUSE_MIN,
  ) as MirrorHealthFacts['heldByCompany'];
  const system = readSnapshot<SystemFacts & { serverTime?: string }>(handle, 'system');
  const serverAt = system?.value.serverTime ? Date.parse(system.value.serverTime) : NaN;
  const fetchedAt = system ? Date.parse(system.fetchedAt) : NaN;
  return {
    // How far the Schedule server's clock is from this computer's, as measured at the last pass.
    serverOffsetMs: Number.isNaN(serverAt) || Number.isNaN(fetchedAt) ? 0 : serverAt - fetchedAt,
    runs: readRecentRuns(handle, 20),
    lastSuccessAt: lastSuccessfulRun(handle)?.endedAt ?? null,
    appointments: (statement(handle, 'SELECT count(*) AS n FROM appointments').get() as { n: number }).n,
    system: system?.value ?? null,
    integration: readSnapshot<IntegrationFacts>(handle, 'integration')?.value ?? null,
    activity: readSnapshot<ActivityFacts>(handle, 'activity')?.value ?? null,
    codeCounts,
    heldByTechnician,
    heldByCompany,
  };
}
