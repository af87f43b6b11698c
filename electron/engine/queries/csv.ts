import type { AppointmentRow } from '../../../shared/contract/appointments';

/** What a spreadsheet reads as the start of a formula: = + - @, their full-width forms, and tab, CR or LF. */
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
/** What a spreadsheet may skip before it: spaces, no-break spaces and zero-width characters. */
const SKIPPED_LEAD = /^(?:[ \u00a0\u2000-\u200b\u2060\u3000\ufeff]|\u200c|\u200d)+/;

/** Whether a cell's text could be run as a formula by Excel, LibreOffice or Google Sheets. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(text.replace(SKIPPED_LEAD, ''));
}

/** A CSV cell: quoted when needed, and anything a spreadsheet could run as a formula neutralised with a leading '. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = [
  'Company',
  'Service Call',
  'Appointment',
  'Customer',
  'Status',
  'Technician',
  'Task Date',
  'Completed',
  'State',
  'Codes',
  'Summary',
  'XOi Site History',
  'XOi Workflow',
  'XOi Resolution',
  'XOi Transcripts',
];

export function csvLine(row: AppointmentRow): string {
  return [
    row.company,
    row.serviceCall,
    row.appointment,
    row.customer,
    row.status,
    row.technicianName ?? row.technicianId ?? '',
    row.taskDate,
    row.completedAt,
    row.state,
    row.codes.join(' '),
    row.summary,
    row.notesMask & 1 ? 'yes' : 'no',
    row.notesMask & 2 ? 'yes' : 'no',
    row.notesMask & 4 ? 'yes' : 'no',
    `${row.transcripts} of 3`,
  ]
    .map(csvCell)
    .join(',');
}

export function toCsv(rows: Iterable<AppointmentRow>): { csv: string; count: number } {
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  let count = 0;
  for (const row of rows) {
    lines.push(csvLine(row));
    count++;
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, count };
}
