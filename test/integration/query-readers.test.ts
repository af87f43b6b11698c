import path from 'node:path';
import { QueryClient } from '../../electron/engine/queries';
import { EMPTY_APPOINTMENT_FILTER, appointmentQuerySchema } from '../../shared/contract';
import { diagnosedMirror } from '../support/diagnosed-mirror';
import { describe, expect, test } from '../support/fixtures';
import { repoRoot } from '../support/paths';

const readerScript = path.join(repoRoot, 'dist', 'electron', 'query-worker.cjs');

/** Starts a CSV export of every appointment (one synchronous read in its reader), then asks for the list's first rows: which comes back first. */
async function firstRowsDuringExport(readers: QueryClient) {
  const order: string[] = [];
  const exporting = readers
    .query('appointments.export', {
      filter: EMPTY_APPOINTMENT_FILTER,
      sort: { field: 'key', direction: 'asc' },
      format: 'csv',
    })
    .then((result) => {
      order.push('export');
      return result;
    });
  const loadWhileExporting = readers.load();
  const page = await readers.query('appointments.page', appointmentQuerySchema.parse({ counts: 'quick' }));
  order.push('first rows');
  const exported = await exporting;
  return { order, loadWhileExporting, page, exported };
}

describe('the mirror readers', () => {
  test('a long read (an export of every appointment) does not hold the list: the first rows come back first', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { handle } = await diagnosedMirror({ openSandbox, openMirror, defer }, 3_000);
    const readers = new QueryClient(readerScript, handle.db.name);
    defer(() => readers.close());
    // Both readers open the mirror first, so what is compared below is reading, not opening.
    await Promise.all([readers.query('dashboard.summary', undefined), readers.query('dashboard.summary', undefined)]);

    const { order, loadWhileExporting, page, exported } = await firstRowsDuringExport(readers);
    expect(loadWhileExporting).toEqual([1, 0]);
    expect(order).toEqual(['first rows', 'export']);
    expect(page.rows).toHaveLength(100);
    expect(page.total).toBe(exported.count);
    expect(readers.load()).toEqual([0, 0]);
  });

  test('with a single reader the same first rows wait for the export (what two readers are for)', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { handle } = await diagnosedMirror({ openSandbox, openMirror, defer }, 3_000);
    const single = new QueryClient(readerScript, handle.db.name, 1);
    defer(() => single.close());
    await single.query('dashboard.summary', undefined);

    const { order } = await firstRowsDuringExport(single);
    expect(order).toEqual(['export', 'first rows']);
  });
});
