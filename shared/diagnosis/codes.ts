/**
 * Every reason the console can give for an appointment's XOi notes, with its state and next step.
 * docs/diagnosis-codes.md maps each documented cause of domain.md to these codes.
 */
export const VERDICT_STATES = ['ok', 'waiting', 'needs-action', 'blocked'] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

export const STATE_RANK: Record<VerdictState, number> = { ok: 0, waiting: 1, 'needs-action': 2, blocked: 3 };

/** Each state's name as the screens, the printouts and the exports say it, and what it means (the legend). */
export const STATE_LABELS: Record<VerdictState, string> = {
  ok: 'OK',
  waiting: 'Waiting',
  'needs-action': 'Needs action',
  blocked: 'Blocked',
};
export const STATE_MEANINGS: Record<VerdictState, string> = {
  ok: 'Every XOi note expected by now is there.',
  waiting: 'Nothing is wrong yet: XOi or the technician still has time.',
  'needs-action': 'Someone must act before the notes can arrive; the row says who and what.',
  blocked: 'The notes cannot arrive until a setup problem is fixed; the row says which.',
};

export interface CodeInfo {
  state: VerdictState;
  level: 'integration' | 'appointment' | 'technician';
  title: string;
  nextStep: string;
}

export const CODES = {
  SEE_NOT_REGISTERED: {
    state: 'blocked',
    level: 'integration',
    title: 'The See feature is not registered for MobileTech',
    nextStep:
      'Register the See feature for MobileTech (WennSoft licensing); until then Schedule hides the XOi Integration Setup.',
  },
  XOI_NOT_ENABLED_IN_MOBILETECH: {
    state: 'blocked',
    level: 'integration',
    title: 'XOi Deep Linking is not enabled in MobileTech Admin',
    nextStep: 'Enable XOi Deep Linking in MobileTech Admin.',
  },
  UNSUPPORTED_VERSION: {
    state: 'blocked',
    level: 'integration',
    title: 'A product version is not supported by XOi',
    nextStep: 'Upgrade to MobileTech 8 or later, Signature 2016 or 2018, and Schedule 4.5 or later.',
  },
  INTEGRATION_NOT_CONFIGURED: {
    state: 'blocked',
    level: 'integration',
    title: 'The XOi Integration Setup has not been saved',
    nextStep: 'Run the XOi Integration Setup (Setup page), then send the setup sheet to XOi.',
  },
  XOI_AUTH_FAILING: {
    state: 'needs-action',
    level: 'integration',
    title: "XOi's calls to Schedule are being rejected",
    nextStep:
      'The integration password was probably changed and XOi was not told: send XOi the current password (or set a new one in Setup and send it).',
  },
  XOI_NOT_POLLING: {
    state: 'needs-action',
    level: 'integration',
    title: 'XOi has not called Schedule for much longer than its polling delay',
    nextStep:
      'Check that the Schedule API URL is reachable from the internet and ask XOi support whether the integration is active.',
  },
  COMPANY_INACTIVE: {
    state: 'blocked',
    level: 'appointment',
    title: "The appointment's company is not an active company set up with XOi",
    nextStep: 'Activate the company in Dynamics and include it in the setup sent to XOi.',
  },
  UNKNOWN_STATUS: {
    state: 'needs-action',
    level: 'appointment',
    title: 'The appointment status has no category',
    nextStep: 'Give this status a category in Settings > Status categories.',
  },
  NOT_ASSIGNED: {
    state: 'waiting',
    level: 'appointment',
    title: 'No technician is assigned',
    nextStep: 'Assign a technician; XOi picks the appointment up at its next poll.',
  },
  NOT_SCHEDULED: {
    state: 'waiting',
    level: 'appointment',
    title: 'The appointment is not scheduled',
    nextStep: 'Schedule the appointment; XOi picks it up at its next poll.',
  },
  CLOSED_WITHOUT_JOB: {
    state: 'blocked',
    level: 'appointment',
    title: 'The appointment was closed before XOi made a job',
    nextStep: 'XOi no longer polls closed appointments; reopen it if the notes are needed.',
  },
  TECH_EMAIL_MISSING: {
    state: 'needs-action',
    level: 'technician',
    title: "The technician's MobileTech user has no email",
    nextStep: "Give the technician's MobileTech user the email they use to sign in to XOi Vision.",
  },
  TECH_NOT_XOI_USER: {
    state: 'needs-action',
    level: 'technician',
    title: "The technician's email is not an XOi Vision user",
    nextStep: 'Add the technician to XOi Vision with this exact email, or correct the email in MobileTech.',
  },
  TECH_XOI_USER_DISABLED: {
    state: 'needs-action',
    level: 'technician',
    title: "The technician's XOi Vision user is disabled",
    nextStep: 'Enable the user in XOi Vision.',
  },
  TECH_EMAIL_MISMATCH: {
    state: 'needs-action',
    level: 'technician',
    title: "The technician's email differs from the XOi user's by case or spaces",
    nextStep: 'Make the MobileTech email exactly the same as the XOi user email (same case, no spaces).',
  },
  DEVICE_SYNC_STALE: {
    state: 'waiting',
    level: 'technician',
    title: "The technician's device has not synced for over a day",
    nextStep:
      'Ask the technician to sync MobileTech: appointments made on the device and XOi notes travel only when it syncs.',
  },
  AWAITING_XOI_POLL: {
    state: 'waiting',
    level: 'appointment',
    title: 'Waiting for XOi to poll',
    nextStep: 'Nothing to do: XOi picks the appointment up at its next poll.',
  },
  JOB_NOTES_OVERDUE: {
    state: 'needs-action',
    level: 'appointment',
    title: 'XOi Site History and XOi Workflow are overdue',
    nextStep:
      "Check the technician's XOi user and XOi's polling; if both are fine, contact XOi support with this report.",
  },
  AWAITING_RESOLUTION: {
    state: 'waiting',
    level: 'appointment',
    title: 'Waiting for XOi Resolution after completion',
    nextStep:
      'Nothing to do: XOi writes the Resolution at its next poll. Reprint the Call/Appointment Summary report after it arrives.',
  },
  RESOLUTION_OVERDUE: {
    state: 'needs-action',
    level: 'appointment',
    title: 'XOi Resolution is overdue',
    nextStep:
      'Check whether the job is still open in Vision (the technician must finish it); otherwise contact XOi support.',
  },
  TRANSCRIPT_PENDING: {
    state: 'waiting',
    level: 'appointment',
    title: 'Transcripts may still come',
    nextStep: 'Nothing to do: Vision writes transcripts hours after completion, once it has processed the videos.',
  },
  NO_TRANSCRIPTS: {
    state: 'ok',
    level: 'appointment',
    title: 'No transcript arrived within the transcript window',
    nextStep: 'Usually the job had no videos; nothing to do.',
  },
  NOTES_NOT_ON_DEVICE_YET: {
    state: 'waiting',
    level: 'appointment',
    title: "Notes were written after the technician's last device sync",
    nextStep: 'They reach the device at its next MobileTech sync.',
  },
  REASSIGNED_AFTER_JOB: {
    state: 'needs-action',
    level: 'appointment',
    title: 'The technician changed after XOi made the job',
    nextStep:
      'The Vision job still belongs to the first technician: reassign the job in XOi Vision, or ask XOi support.',
  },
  DELETED_AFTER_JOB: {
    state: 'needs-action',
    level: 'appointment',
    title: 'Schedule deleted the appointment after XOi made its Vision job',
    nextStep:
      'The job is still in XOi Vision, with nothing in Schedule behind it: open it in Vision and close or delete it there if the work was cancelled.',
  },
  NOTES_COMPLETE: {
    state: 'ok',
    level: 'appointment',
    title: 'All the XOi notes expected by now are present',
    nextStep: 'Nothing to do.',
  },
} as const satisfies Record<string, CodeInfo>;

export type VerdictCode = keyof typeof CODES;
export const VERDICT_CODES = Object.keys(CODES) as VerdictCode[];

export function isVerdictCode(value: string): value is VerdictCode {
  return Object.prototype.hasOwnProperty.call(CODES, value);
}
