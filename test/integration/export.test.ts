import ExcelJS from 'exceljs';
import { diagnosedMirror } from '../support/diagnosed-mirror';
import { describe, expect, test } from '../support/fixtures';
import { QUERIES } from '../../electron/engine/queries';
import { EMPTY_APPOINTMENT_FILTER } from '../../shared/contract';

describe('exporting the appointment list', () => {
  test('writes an Excel workbook with text keys, dates as dates, a frozen header and the list order', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { sandbox, handle } = await diagnosedMirror({ openSandbox, openMirror, defer }, 120);
    const args = {
      filter: EMPTY_APPOINTMENT_FILTER,
      sort: { field: 'key' as const, direction: 'asc' as const },
    };
    const xlsx = await QUERIES['appointments.export'](handle, { ...args, format: 'xlsx' });
    const csv = await QUERIES['appointments.export'](handle, { ...args, format: 'csv' });
    expect(xlsx.count).toBe(sandbox.world.appointments.size);
    expect(csv.count).toBe(xlsx.count);

    const workbook = new ExcelJS.Workbook();
    const file = Buffer.from(xlsx.data, 'base64');
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Appointments');
    if (!sheet) throw new Error('no Appointments sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Company');
    expect(sheet.rowCount).toBe(xlsx.count + 1);
    const keys: string[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const [company, serviceCall, appointment] = [1, 2, 3].map((column) => row.getCell(column).value);
      for (const part of [company, serviceCall, appointment]) expect(typeof part).toBe('string');
      keys.push(`${String(company)}/${String(serviceCall)}/${String(appointment)}`);
      const taskDate = row.getCell(7).value;
      if (taskDate !== null && taskDate !== '') expect(taskDate).toBeInstanceOf(Date);
      expect(['OK', 'Waiting', 'Needs action', 'Blocked']).toContain(row.getCell(9).value);
    });
    expect(keys).toEqual([...keys].sort());
    expect(keys.some((key) => /\/0\d+$/.test(key))).toBe(true);
    // The CSV says the same rows, in the same order.
    const csvLines = csv.data
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csvLines).toHaveLength(xlsx.count + 1);
  });
});
