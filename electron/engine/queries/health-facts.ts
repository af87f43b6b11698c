import type { HealthFacts } from '../../../shared/health/assess';
import { SHARED_CAUSE_MIN } from '../../../shared/health/assess';
import type { ActivityFacts, IntegrationFacts, SystemFacts } from '../../../shared/diagnosis/types';
import { statement, type ReadHandle } from '../store/handles';
import { readListCounts } from '../store/tables/appointment-list';
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

const TECHNICIAN_CODES = ['TECH_NOT_XOI_USER', 'TECH_XOI_USER_DISABLED', 'TECH_EMAIL_MISMATCH', 'TECH_EMAIL_MISSING'];

export function readHealthFacts(handle: ReadHandle): MirrorHealthFacts {
  const codeCounts: Record<string, number> = Object.fromEntries(readListCounts(handle, true, 'code'));
  const heldByTechnician = statement(
    handle,
    `SELECT l.technician_id AS technicianId, coalesce(l.technician_name, l.technician_id) AS name, c.code AS code,
       count(*) AS count
     FROM list_codes c JOIN appointment_list l ON l.id = c.list_id
     WHERE c.live = 1 AND c.code IN (${TECHNICIAN_CODES.map(() => '?').join(', ')}) AND l.technician_id IS NOT NULL
     GROUP BY l.technician_id, c.code HAVING count(*) >= ? ORDER BY count(*) DESC LIMIT 20`,
  ).all(...TECHNICIAN_CODES, SHARED_CAUSE_MIN) as MirrorHealthFacts['heldByTechnician'];
  const heldByCompany = statement(
    handle,
    `SELECT l.company AS companyId, coalesce(co.name, l.company) AS name, count(*) AS count
     FROM list_codes c JOIN appointment_list l ON l.id = c.list_id LEFT JOIN companies co ON co.id = l.company
     WHERE c.live = 1 AND c.code = 'COMPANY_INACTIVE' GROUP BY l.company HAVING count(*) >= ?
     ORDER BY count(*) DESC LIMIT 20`,
  ).all(SHARED_CAUSE_MIN) as MirrorHealthFacts['heldByCompany'];
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
