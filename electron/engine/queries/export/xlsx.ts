import ExcelJS from 'exceljs';
import type { AppointmentRow } from '../../../../shared/contract/appointments';
import { localWallClock } from '../../../../shared/time/local-time';
import { EXPORT_COLUMNS } from './columns';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The rows as an Excel workbook: key columns typed as text (leading zeros kept), instants as dates in this computer's
 * local time, the header row frozen and filterable. Text cells are never formulas in a workbook, so nothing a
 * customer typed can run. Returns the file as base64 (it crosses the worker boundary and the HTTP transport as text).
 */
export async function toXlsx(rows: Iterable<AppointmentRow>): Promise<{ base64: string; count: number }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'XOi Console';
  const sheet = workbook.addWorksheet('Appointments', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.header,
    width: column.width,
    style: column.kind === 'key' ? { numFmt: '@' } : column.kind === 'instant' ? { numFmt: DATE_FORMAT } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for (const row of rows) {
    sheet.addRow(
      EXPORT_COLUMNS.map((column) => {
        const value = column.value(row);
        return column.kind === 'instant' ? localWallClock(value) : (value ?? '');
      }),
    );
    count++;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return { base64: Buffer.from(buffer).toString('base64'), count };
}
