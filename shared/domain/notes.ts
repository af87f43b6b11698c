/**
 * The XOi notes, with their exact names (domain.md, W2). Site History and Workflow are internal notes that follow
 * the job's creation; Resolution is a regular note that follows completion; transcripts come hours later, up to three.
 */
export const XOI_NOTE_NAMES = [
  'XOi Site History',
  'XOi Workflow',
  'XOi Resolution',
  'XOi Transcript',
  'XOi Transcript 2',
  'XOi Transcript 3',
] as const;

export type XoiNoteName = (typeof XOI_NOTE_NAMES)[number];

export type XoiNoteKind = 'site-history' | 'workflow' | 'resolution' | 'transcript';

export interface XoiNoteInfo {
  name: XoiNoteName;
  kind: XoiNoteKind;
  internal: boolean;
  onSummaryReport: boolean;
  holds: string;
}

export const XOI_NOTES: readonly XoiNoteInfo[] = [
  {
    name: 'XOi Site History',
    kind: 'site-history',
    internal: true,
    onSummaryReport: false,
    holds: 'a link to the Job Activity in Vision',
  },
  {
    name: 'XOi Workflow',
    kind: 'workflow',
    internal: true,
    onSummaryReport: false,
    holds: 'a link to the job in Vision',
  },
  {
    name: 'XOi Resolution',
    kind: 'resolution',
    internal: false,
    onSummaryReport: true,
    holds: "the URL of the job's photos and videos on the Vision website",
  },
  {
    name: 'XOi Transcript',
    kind: 'transcript',
    internal: false,
    onSummaryReport: false,
    holds: "Vision's transcription of the job's videos",
  },
  {
    name: 'XOi Transcript 2',
    kind: 'transcript',
    internal: false,
    onSummaryReport: false,
    holds: "Vision's transcription of the job's videos",
  },
  {
    name: 'XOi Transcript 3',
    kind: 'transcript',
    internal: false,
    onSummaryReport: false,
    holds: "Vision's transcription of the job's videos",
  },
];

export const TRANSCRIPT_NOTE_NAMES: readonly XoiNoteName[] = ['XOi Transcript', 'XOi Transcript 2', 'XOi Transcript 3'];
export const MAX_TRANSCRIPTS = 3;

export function isXoiNoteName(name: string): name is XoiNoteName {
  return (XOI_NOTE_NAMES as readonly string[]).includes(name);
}
