import type { VerdictCode } from './codes';
import { normalizeEmail, type DiagnosisContext } from './context';
import type { Evidence, TechnicianFacts } from './types';

export type TechnicianXoiState = 'ok' | 'no-email' | 'not-user' | 'disabled' | 'mismatch' | 'unknown';

export interface TechnicianXoiStatus {
  state: TechnicianXoiState;
  /** certain: from XOi's own user list; likely: inferred; unknown: no grounds either way. */
  certainty: 'certain' | 'likely' | 'unknown';
  /** Every cause that keeps XOi from matching this technician (fixing one alone may not be enough). */
  codes: VerdictCode[];
  xoiEmail: string | null;
  evidence: Evidence[];
}

/** At least this many overdue eligible appointments, none with job notes, while others get theirs: "likely not an XOi user". */
export const INFERENCE_MIN_APPOINTMENTS = 2;

type StatusContext = Pick<DiagnosisContext, 'xoiUsers' | 'tallies'>;

/**
 * The statuses already worked out, per tallies and technician: a full recompute asks once per appointment, and each
 * answer reads every technician's tally. Weak, so a finished recompute's entries go with its context.
 */
const known = new WeakMap<object, WeakMap<TechnicianFacts, { xoiUsers: unknown; status: TechnicianXoiStatus }>>();

/**
 * Is this technician an XOi user XOi will match? With XOi's user list the answer is certain (XOi compares the email
 * exactly, and the user must be enabled); without it, it is inferred from the notes XOi did or did not write. The
 * answer is shared between callers: read it, never change it.
 */
export function technicianXoiStatus(
  technician: TechnicianFacts | undefined,
  context: StatusContext,
): TechnicianXoiStatus {
  if (!technician) return { state: 'unknown', certainty: 'unknown', codes: [], xoiEmail: null, evidence: [] };
  let byTechnician = known.get(context.tallies);
  if (!byTechnician) known.set(context.tallies, (byTechnician = new WeakMap()));
  const hit = byTechnician.get(technician);
  if (hit && hit.xoiUsers === context.xoiUsers) return hit.status;
  const status = workOutStatus(technician, context);
  byTechnician.set(technician, { xoiUsers: context.xoiUsers, status });
  return status;
}

function workOutStatus(technician: TechnicianFacts, context: StatusContext): TechnicianXoiStatus {
  const email = technician.email;
  const shown = (value: string) => JSON.stringify(value);
  if (email === null || email.trim() === '') {
    return {
      state: 'no-email',
      certainty: 'certain',
      codes: ['TECH_EMAIL_MISSING'],
      xoiEmail: null,
      evidence: [{ label: 'MobileTech email', value: 'none' }],
    };
  }
  const mobileTech: Evidence = { label: 'MobileTech email', value: shown(email) };
  const directory = context.xoiUsers;
  if (directory) {
    const exact = directory.exact.get(email);
    if (exact) {
      return exact.enabled
        ? {
            state: 'ok',
            certainty: 'certain',
            codes: [],
            xoiEmail: exact.email,
            evidence: [mobileTech, { label: 'XOi user', value: `${shown(exact.email)}, enabled` }],
          }
        : {
            state: 'disabled',
            certainty: 'certain',
            codes: ['TECH_XOI_USER_DISABLED'],
            xoiEmail: exact.email,
            evidence: [mobileTech, { label: 'XOi user', value: `${shown(exact.email)}, disabled` }],
          };
    }
    const near = directory.normalized.get(normalizeEmail(email));
    if (near) {
      return {
        state: 'mismatch',
        certainty: 'certain',
        // The email must match exactly and the user must be enabled: both are reported when both are wrong.
        codes: near.enabled ? ['TECH_EMAIL_MISMATCH'] : ['TECH_EMAIL_MISMATCH', 'TECH_XOI_USER_DISABLED'],
        xoiEmail: near.email,
        evidence: [
          mobileTech,
          {
            label: 'XOi user email',
            value: `${shown(near.email)} (differs only by case or spaces)${near.enabled ? '' : ', and the user is disabled'}`,
          },
        ],
      };
    }
    return {
      state: 'not-user',
      certainty: 'certain',
      codes: ['TECH_NOT_XOI_USER'],
      xoiEmail: null,
      evidence: [mobileTech, { label: 'XOi users', value: 'none with this email' }],
    };
  }
  if (email !== email.trim()) {
    return {
      state: 'mismatch',
      certainty: 'likely',
      codes: ['TECH_EMAIL_MISMATCH'],
      xoiEmail: null,
      evidence: [
        mobileTech,
        { label: 'Inferred', value: 'the email has spaces around it, which no XOi user email has' },
      ],
    };
  }
  const tally = context.tallies.get(technician.id);
  let othersWithNotes = 0;
  for (const [id, other] of context.tallies) if (id !== technician.id) othersWithNotes += other.withJobNotes;
  if (tally && tally.dueForJobNotes >= INFERENCE_MIN_APPOINTMENTS && tally.withJobNotes === 0 && othersWithNotes > 0) {
    return {
      state: 'not-user',
      certainty: 'likely',
      codes: ['TECH_NOT_XOI_USER'],
      xoiEmail: null,
      evidence: [
        mobileTech,
        {
          label: 'Inferred',
          value: `none of this technician's ${tally.dueForJobNotes} eligible appointments got job notes, while other technicians' did (connect XOi's API in Settings to know for sure)`,
        },
      ],
    };
  }
  const seenWorking = tally !== undefined && tally.withJobNotes > 0;
  return {
    state: seenWorking ? 'ok' : 'unknown',
    certainty: seenWorking ? 'likely' : 'unknown',
    codes: [],
    xoiEmail: null,
    evidence: [mobileTech],
  };
}
