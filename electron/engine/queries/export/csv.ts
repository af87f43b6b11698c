import type { AppointmentRow } from '../../../../shared/contract/appointments';
import { localIsoWithOffset } from '../../../../shared/time/local-time';
import { EXPORT_COLUMNS, type ExportColumn } from './columns';

/** What a spreadsheet reads as the start of a formula: = + - @, their full-width forms, and tab, CR or LF. */
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
/** What a spreadsheet may skip before it: spaces, no-break spaces and zero-width characters. */
const SKIPPED_LEAD = /^(?:[ \u00a0\u2000-\u200b\u2060\u3000\ufeff]|\u200c|\u200d)+/;
/** A key a spreadsheet would read as a number (and lose its leading zeros, or turn into a date or 1E+05). */
const NUMBER_LIKE = /^[\d.,/:eE ]+$/;

/** Whether a cell's text could be run as a formula by Excel, LibreOffice or Google Sheets. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(text.replace(SKIPPED_LEAD, ''));
}

const quoted = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A CSV cell: quoted when needed, and anything a spreadsheet could run as a formula neutralised with a leading '. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return quoted(text);
}

/**
 * A key cell: a key that looks like a number is written as the text formula ="007", the one form every spreadsheet
 * opens as text (keeping leading zeros). The value is ours to quote: it cannot leave the string literal.
 */
export function csvKeyCell(value: string): string {
  if (!NUMBER_LIKE.test(value)) return csvCell(value);
  return quoted(`="${value.replace(/"/g, '""')}"`);
}

function cell(column: ExportColumn, row: AppointmentRow): string {
  const value = column.value(row);
  if (column.kind === 'key') return csvKeyCell(value ?? '');
  if (column.kind === 'instant') return csvCell(localIsoWithOffset(value));
  return csvCell(value);
}

export function csvLine(row: AppointmentRow): string {
  return EXPORT_COLUMNS.map((column) => cell(column, row)).join(',');
}

/** The CSV of the rows, with a byte-order mark so Excel reads it as UTF-8, and CRLF line ends. */
export function toCsv(rows: Iterable<AppointmentRow>): { csv: string; count: number } {
  const lines = [EXPORT_COLUMNS.map((column) => csvCell(column.header)).join(',')];
  let count = 0;
  for (const row of rows) {
    lines.push(csvLine(row));
    count++;
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, count };
}
