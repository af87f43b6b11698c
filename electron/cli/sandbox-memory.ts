import { getHeapStatistics } from 'node:v8';
import { UsageError } from './usage-error';

/**
 * What a generated sandbox world costs on the heap per appointment: about 4,000 bytes at rest (its appointments, notes
 * and history as objects; measured at 50,000 and 200,000), with a quarter more for the pages it writes while it serves
 * a first mirror. The console's own memory is measured in the bench, with the sandbox in a process of its own.
 */
const WORLD_BYTES_PER_APPOINTMENT = 5_000;
const BASE_BYTES = 256 * 2 ** 20;

const inGb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * A generated world larger than this process may hold would build for minutes and then end it with an out-of-memory
 * crash: refused at once instead, saying what fits and how to allow more.
 */
export function checkWorldFits(
  flag: string,
  appointments: number | undefined,
  heapLimit = getHeapStatistics().heap_size_limit,
): void {
  if (appointments === undefined) return;
  const needed = BASE_BYTES + appointments * WORLD_BYTES_PER_APPOINTMENT;
  if (needed <= heapLimit) return;
  const fits = Math.max(0, Math.floor((heapLimit - BASE_BYTES) / WORLD_BYTES_PER_APPOINTMENT / 1_000) * 1_000);
  const megabytes = Math.ceil(needed / 2 ** 20 / 1_024) * 1_024;
  throw new UsageError(
    `--${flag}: a world of ${appointments.toLocaleString('en-US')} appointments needs about ${inGb(needed)} of memory, ` +
      `more than this Node.js process may use (${inGb(heapLimit)}). Use at most ${fits.toLocaleString('en-US')}, ` +
      `or allow more: NODE_OPTIONS=--max-old-space-size=${megabytes}.`,
  );
}
