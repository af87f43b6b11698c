import { describe, expect, it } from 'vitest';
import { csvKeyCell, csvLine } from '../../electron/engine/queries';
import { type AppointmentRow } from '../../shared/contract';
import { localIsoWithOffset, localWallClock } from '../../shared/time';

const ROW: AppointmentRow = {
  key: 'TWO/0042/001',
  company: 'TWO',
  serviceCall: '0042',
  appointment: '001',
  customer: '=HYPERLINK("http://x")',
  status: 'Dispatched',
  technicianId: 'T01',
  technicianName: 'Ana Ruiz',
  taskDate: '2026-03-02T13:00:00.000Z',
  completedAt: null,
  state: 'needs-action',
  codes: ['JOB_NOTES_OVERDUE'],
  summary: 'XOi Site History and XOi Workflow are late.',
  notesMask: 4,
  transcripts: 1,
  deletedAt: null,
  jobId: null,
};

describe('exported cells', () => {
  it('keeps number-like keys as text (leading zeros), and leaves other keys plain', () => {
    expect(csvKeyCell('001')).toBe('"=""001"""');
    expect(csvKeyCell('1E5')).toBe('"=""1E5"""');
    expect(csvKeyCell('SC-1001')).toBe('SC-1001');
    expect(csvKeyCell('=cmd')).toBe("'=cmd");
  });

  it('writes instants as local time with the offset', () => {
    expect(localIsoWithOffset('2026-03-02T13:00:00Z', 300)).toBe('2026-03-02T08:00:00-05:00');
    expect(localIsoWithOffset('2026-03-02T13:00:00Z', -330)).toBe('2026-03-02T18:30:00+05:30');
    expect(localIsoWithOffset('2026-03-02T13:00:00Z', 0)).toBe('2026-03-02T13:00:00+00:00');
    expect(localIsoWithOffset(null)).toBe('');
    expect(localWallClock('2026-03-02T13:00:00Z', 300)?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('writes a row with its state label, keys as text and formulas neutralised', () => {
    const cells = csvLine(ROW);
    expect(cells).toContain('"=""0042"""');
    expect(cells).toContain('"=""001"""');
    expect(cells).toContain(',Needs action,');
    expect(cells).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(cells).toMatch(/,2026-03-0[12]T\d\d:00:00[+-]\d\d:\d\d,/);
  });
});
