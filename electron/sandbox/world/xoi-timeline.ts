import { TRANSCRIPT_NOTE_NAMES, MAX_TRANSCRIPTS, type XoiNoteName } from '../../../shared/domain/notes';
import { HOUR, MINUTE } from '../clock';
import type { Rng } from '../rng';
import type { Technician, XoiJob, XoiUser } from './types';

/**
 * How the simulated XOi behaves (domain.md, W2; the timeline is our reading, kept in one place): it polls every
 * few minutes; a job and its XOi Site History and XOi Workflow notes follow the first poll that sees an eligible
 * appointment; XOi Resolution follows the first poll after completion; one transcript per video (up to three)
 * arrives hours after completion, when Vision has processed the audio.
 */
export const XOI_POLL_INTERVAL_MS = 5 * MINUTE;
export const TRANSCRIPT_MIN_DELAY_MS = 1 * HOUR;
export const TRANSCRIPT_MAX_DELAY_MS = 8 * HOUR;
export const XOI_AUTHOR = 'XOi Vision';
export { JOB_NAMESPACE } from '../../../shared/links/deep-link';

/** Shaped like XOi's job ids, e.g. cjob-830517ba-7603-44136fa3-62374c4389f7-C112-781a49102793. */
export function makeJobId(rng: Rng): string {
  return `cjob-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(8)}-${rng.hex(12)}-C${rng.int(100, 999)}-${rng.hex(12)}`;
}

export function planVideos(rng: Rng): Pick<XoiJob, 'videoCount' | 'transcriptDelaysMs'> {
  const roll = rng.next();
  const videoCount = roll < 0.2 ? 0 : roll < 0.5 ? 1 : roll < 0.75 ? 2 : roll < 0.9 ? 3 : rng.int(4, 6);
  const transcriptDelaysMs = Array.from({ length: Math.min(videoCount, MAX_TRANSCRIPTS) }, () =>
    Math.round(rng.between(TRANSCRIPT_MIN_DELAY_MS, TRANSCRIPT_MAX_DELAY_MS)),
  ).sort((a, b) => a - b);
  return { videoCount, transcriptDelaysMs };
}

/** The XOi user a technician's email matches: XOi compares the email exactly, and only enabled users count. */
export function xoiUserForTechnician(
  technician: Technician | undefined,
  users: readonly XoiUser[],
): XoiUser | undefined {
  const email = technician?.email;
  if (!email) return undefined;
  return users.find((user) => user.enabled && user.email === email);
}

export interface PlannedNote {
  name: XoiNoteName;
  text: string;
  url: string | null;
  internal: boolean;
}

const TRANSCRIPT_LINES = [
  'Replaced the contactor on the condensing unit; compressor amps back within spec.',
  'Found a clogged condensate line, flushed it and added a tablet. Customer shown the filter location.',
  'Thermostat wiring loose at the R terminal; re-terminated and tested heating and cooling.',
  'Capacitor reading low, swapped with a 45/5 dual run cap. Unit running normally.',
  'Belt worn on the air handler, replaced and tensioned. Recommended quarterly maintenance.',
];

export function jobNotes(job: XoiJob): PlannedNote[] {
  return [
    {
      name: 'XOi Site History',
      text: `Site history for this location in XOi Vision: https://vision.xoi.io/jobactivity/${job.id}`,
      url: `https://vision.xoi.io/jobactivity/${job.id}`,
      internal: true,
    },
    {
      name: 'XOi Workflow',
      text: `Open the XOi Vision workflow for this job: https://vision.xoi.io/jobs/${job.id}`,
      url: `https://vision.xoi.io/jobs/${job.id}`,
      internal: true,
    },
  ];
}

export function resolutionNote(job: XoiJob): PlannedNote {
  const share = job.id.slice(5, 21).replace(/-/g, '');
  return {
    name: 'XOi Resolution',
    text: `Photos and videos of this job: https://share.xoi.io/s/${share}`,
    url: `https://share.xoi.io/s/${share}`,
    internal: false,
  };
}

export function transcriptNote(job: XoiJob, index: number): PlannedNote {
  const name = TRANSCRIPT_NOTE_NAMES[index] ?? 'XOi Transcript';
  const line = TRANSCRIPT_LINES[(job.id.charCodeAt(6) + index) % TRANSCRIPT_LINES.length] ?? '';
  return { name, text: `Video ${index + 1} transcript: ${line}`, url: null, internal: false };
}
