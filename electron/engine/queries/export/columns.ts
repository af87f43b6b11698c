import type { AppointmentRow } from '../../../../shared/contract/appointments';
import { STATE_LABELS } from '../../../../shared/diagnosis/codes';

/** What one exported column holds: text that must stay text (keys), an instant, or plain text. */
export type ColumnKind = 'key' | 'instant' | 'text';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters (the Excel export). */
  width: number;
  value: (row: AppointmentRow) => string | null;
}

const yesNo = (present: boolean) => (present ? 'yes' : 'no');

/** The exported columns, the same for CSV and Excel. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Company', kind: 'key', width: 10, value: (row) => row.company },
  { header: 'Service Call', kind: 'key', width: 14, value: (row) => row.serviceCall },
  { header: 'Appointment', kind: 'key', width: 12, value: (row) => row.appointment },
  { header: 'Customer', kind: 'text', width: 28, value: (row) => row.customer },
  { header: 'Status', kind: 'text', width: 12, value: (row) => row.status },
  { header: 'Technician', kind: 'text', width: 20, value: (row) => row.technicianName ?? row.technicianId },
  { header: 'Task Date', kind: 'instant', width: 18, value: (row) => row.taskDate },
  { header: 'Completed', kind: 'instant', width: 18, value: (row) => row.completedAt },
  { header: 'State', kind: 'text', width: 13, value: (row) => STATE_LABELS[row.state] },
  { header: 'Reasons', kind: 'text', width: 24, value: (row) => row.codes.join(' ') },
  { header: 'Summary', kind: 'text', width: 60, value: (row) => row.summary },
  { header: 'XOi Site History', kind: 'text', width: 8, value: (row) => yesNo((row.notesMask & 1) !== 0) },
  { header: 'XOi Workflow', kind: 'text', width: 8, value: (row) => yesNo((row.notesMask & 2) !== 0) },
  { header: 'XOi Resolution', kind: 'text', width: 8, value: (row) => yesNo((row.notesMask & 4) !== 0) },
  { header: 'XOi Transcripts', kind: 'text', width: 8, value: (row) => `${row.transcripts} of 3` },
  { header: 'Deleted in Schedule', kind: 'instant', width: 18, value: (row) => row.deletedAt },
  { header: 'Vision Job', kind: 'text', width: 16, value: (row) => row.jobId },
];
