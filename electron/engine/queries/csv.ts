import type { AppointmentRow } from '../../../shared/contract/appointments';

/** A CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) neutralised so spreadsheets never run it. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
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
