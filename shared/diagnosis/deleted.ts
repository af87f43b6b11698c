import { CODES } from './codes';
import { formatInstant } from './format';
import type { Evidence, Verdict } from './types';

/** What the mirror kept of an appointment Schedule deleted after XOi had made its Vision job. */
export interface DeletedFacts {
  key: string;
  deletedAt: string;
  jobId: string | null;
  jobMadeAt: string;
}

/**
 * The verdict of an appointment Schedule deleted after XOi made its job (domain.md: XOi makes one Vision job per
 * appointment and writes its notes back onto it; deleting the appointment in Schedule does not delete the job). The
 * job is orphaned: the administrator cleans it up in Vision.
 */
export function diagnoseDeleted(facts: DeletedFacts): Verdict {
  const info = CODES.DELETED_AFTER_JOB;
  const job = facts.jobId ? `Vision job ${facts.jobId}` : 'its Vision job';
  const evidence: Evidence[] = [
    { label: 'Deleted in Schedule', value: formatInstant(facts.deletedAt), at: facts.deletedAt },
    { label: 'XOi made the job', value: formatInstant(facts.jobMadeAt), at: facts.jobMadeAt },
    { label: 'Vision job', value: facts.jobId ?? 'not named in its notes' },
  ];
  return {
    key: facts.key,
    state: info.state,
    codes: ['DELETED_AFTER_JOB'],
    inferred: [],
    summary: `Deleted in Schedule on ${formatInstant(facts.deletedAt)}, after XOi made ${job}: the job is still in Vision.`,
    evidence,
    nextStep: info.nextStep,
  };
}
