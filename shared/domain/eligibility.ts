import type { StatusCategory } from './statuses';

/**
 * XOi picks up appointments that are scheduled and assigned, or completed, for a technician whose email is an XOi user
 * (domain.md, W2): a completed appointment with no technician is held like an unassigned one. An appointment in
 * progress is still scheduled and assigned. Closed ones are finished business and no longer polled.
 */
export interface EligibilityInput {
  category: StatusCategory | null;
  technicianId: string | null;
  taskDate: string | null;
}

export type EligibilityBlocker = 'unknown-status' | 'not-assigned' | 'not-scheduled' | 'closed';

export function eligibilityBlocker(input: EligibilityInput): EligibilityBlocker | null {
  if (input.category === null) return 'unknown-status';
  if (input.category === 'closed') return 'closed';
  // XOi needs a technician whose email is an XOi user, completed or not.
  if (input.technicianId === null || input.category === 'unassigned') return 'not-assigned';
  if (input.category === 'completed') return null;
  if (input.taskDate === null || input.category === 'unscheduled') return 'not-scheduled';
  return null;
}

export function isEligibleForXoi(input: EligibilityInput): boolean {
  return eligibilityBlocker(input) === null;
}
