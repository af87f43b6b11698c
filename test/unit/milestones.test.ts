import { describe, expect, it } from 'vitest';
import { milestonesOf, type HistoryFacts, type NoteFacts } from '../../shared/diagnosis';

const categoryOf = (status: string): 'unassigned' | 'scheduled' | null =>
  status === 'Unassigned' ? 'unassigned' : status === 'Dispatched' ? 'scheduled' : null;

const appointment = {
  key: 'TWO/C-1/001',
  company: 'TWO',
  serviceCall: 'C-1',
  appointment: '001',
  customer: 'Lakeside Medical Center',
  status: 'Dispatched',
  technician: 'T101',
  taskDate: '2026-03-01T08:00:00Z',
  completedAt: null,
  createdIn: 'Schedule',
  createdAt: '2026-02-26T12:00:00Z',
  modifiedAt: '2026-03-01T09:30:00Z',
};

const row = (modifiedAt: string, technician: string | null, status: string): HistoryFacts => ({
  action: modifiedAt === '2026-02-26T12:00:00Z' ? 'Insert' : 'Update',
  technician,
  status,
  taskDate: '2026-03-01T08:00:00Z',
  completedAt: null,
  modifiedAt,
});

// Unassigned, then dispatched to T100 (eligible from 06:00), XOi's job at 06:05, handed to T101 at 09:00.
const history = [
  row('2026-02-26T12:00:00Z', null, 'Unassigned'),
  row('2026-03-01T06:00:00Z', 'T100', 'Dispatched'),
  row('2026-03-01T09:00:00Z', 'T101', 'Dispatched'),
];

const note = (name: string, createdAt: string, readOnly = true): NoteFacts => ({ name, createdAt, readOnly });
const notes = [
  note('XOi Workflow', '2026-03-01T06:07:00Z'),
  note('XOi Site History', '2026-03-01T06:30:00Z'),
  note('XOi Site History', '2026-03-01T06:05:00Z'),
  note('XOi Resolution', '2026-03-01T05:00:00Z', false),
  note('XOi Transcript', '2026-03-01T07:00:00Z'),
  note('Dispatcher note', '2026-03-01T05:30:00Z', false),
];

describe("an appointment's milestones, read once for its verdict and the summaries", () => {
  it('finds when it became eligible and who held it when XOi made the job, from its history in time order', () => {
    const milestones = milestonesOf({ appointment, notes, history }, categoryOf);
    expect(milestones.category).toBe('scheduled');
    expect(milestones.eligibleSince).toBe('2026-03-01T06:00:00Z');
    expect(milestones.jobNote?.createdAt).toBe('2026-03-01T06:05:00Z');
    expect(milestones.technicianAtJob).toEqual({ known: true, technician: 'T100' });
  });

  it('reads the history the same whatever order its rows come in', () => {
    const inOrder = milestonesOf({ appointment, notes, history }, categoryOf);
    for (const shuffled of [[...history].reverse(), [history[1], history[2], history[0]] as HistoryFacts[]]) {
      const milestones = milestonesOf({ appointment, notes, history: shuffled }, categoryOf);
      expect(milestones.eligibleSince).toBe(inOrder.eligibleSince);
      expect(milestones.technicianAtJob).toEqual(inOrder.technicianAtJob);
    }
  });

  it("keeps XOi's own notes, the first of each name, and names the look-alikes a person typed", () => {
    const milestones = milestonesOf({ appointment, notes, history }, categoryOf);
    expect(milestones.siteHistory?.createdAt).toBe('2026-03-01T06:05:00Z');
    expect(milestones.workflow?.createdAt).toBe('2026-03-01T06:07:00Z');
    expect(milestones.resolution).toBeUndefined();
    expect(milestones.transcripts.map((item) => item.name)).toEqual(['XOi Transcript']);
    expect(milestones.lookalikes.map((item) => item.name)).toEqual(['XOi Resolution']);
  });

  it('has no technician at the job without a job note, and no eligibility once unassigned', () => {
    const unassigned = { ...appointment, status: 'Unassigned', technician: null };
    const milestones = milestonesOf({ appointment: unassigned, notes: [], history }, categoryOf);
    expect(milestones.jobNote).toBeUndefined();
    expect(milestones.technicianAtJob).toBeNull();
    expect(milestones.eligibleSince).toBeNull();
  });
});
