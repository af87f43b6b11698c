import { describe, expect, it } from 'vitest';
import {
  appointmentChangeSchema,
  historyChangeSchema,
  noteChangeSchema,
  type FeedName,
  certainlyValid,
  checkFeedItem,
} from '../../electron/engine/schedule';
import { createRng } from '../../electron/sandbox';

const SCHEMAS = { appointments: appointmentChangeSchema, notes: noteChangeSchema, history: historyChangeSchema };

const VALID: Record<FeedName, Record<string, unknown>[]> = {
  appointments: [
    {
      kind: 'upsert',
      version: 3,
      appointment: {
        company: 'TWO',
        serviceCall: 'SC100',
        appointment: '001',
        customer: 'Lakeside',
        status: 'Dispatched',
        technician: 'T01',
        taskDate: '2026-03-02T08:00:00Z',
        estimatedHours: 1.5,
        completedAt: null,
        createdIn: 'Schedule',
        createdAt: '2026-03-01T08:00:00.000Z',
        modifiedAt: '2026-03-01T09:00:00+01:00',
      },
    },
    { kind: 'delete', version: 4, key: { company: 'TWO', serviceCall: 'SC100', appointment: '001' } },
  ],
  notes: [
    {
      kind: 'upsert',
      version: 9,
      note: {
        id: 'N1',
        company: 'TWO',
        serviceCall: 'SC100',
        appointment: '001',
        name: 'XOi Site History',
        text: 'https://vision.xoi.io/jobactivity/abc12345',
        url: null,
        internal: true,
        readOnly: true,
        createdAt: '2026-03-02T09:00:00Z',
        author: 'xoi',
      },
    },
    { kind: 'delete', version: 10, id: 'N1' },
  ],
  history: [
    {
      kind: 'upsert',
      version: 2,
      entry: {
        id: 'H1',
        company: 'TWO',
        serviceCall: 'SC100',
        appointment: '001',
        action: 'Update',
        technician: null,
        taskDate: null,
        estimatedHours: null,
        status: 'Unassigned',
        completedAt: null,
        modifiedAt: '2026-03-02T09:00:00Z',
        modifiedBy: 'dispatcher',
      },
    },
  ],
};

/** Values that break one rule or another of some field. */
const BAD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'a/b',
  'x'.repeat(65),
  'x'.repeat(201),
  'x'.repeat(501),
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  10_001,
  2 ** 60,
  true,
  [],
  {},
  '2026-02-30T08:00:00Z',
  '2026-03-02 08:00:00Z',
  '2026-03-02T08:00:00',
  '2026-03-02T24:00:00Z',
  'Delete',
  'Elsewhere',
  'upsert',
];

function mutate(item: Record<string, unknown>, rng: ReturnType<typeof createRng>): unknown {
  const copy = structuredClone(item) as Record<string, unknown>;
  const inner = Object.values(copy).find((value) => typeof value === 'object' && value !== null) as
    Record<string, unknown> | undefined;
  const target = inner && rng.next() < 0.8 ? inner : copy;
  const fields = Object.keys(target);
  const field = fields[rng.int(0, fields.length - 1)] as string;
  const roll = rng.next();
  if (roll < 0.1) delete target[field];
  else target[field] = BAD_VALUES[rng.int(0, BAD_VALUES.length - 1)];
  return copy;
}

describe('the fast check of feed items', () => {
  it.each(Object.keys(VALID) as FeedName[])('vouches for well-formed %s items', (feed) => {
    for (const item of VALID[feed]) {
      expect(SCHEMAS[feed].safeParse(item).success).toBe(true);
      expect(certainlyValid(feed, item)).toBe(true);
    }
  });

  it.each(Object.keys(VALID) as FeedName[])(
    'never vouches for a %s item the schema rejects (3,000 mutations)',
    (feed) => {
      const rng = createRng(20261202);
      let rejected = 0;
      for (let round = 0; round < 3_000; round++) {
        const base = VALID[feed][rng.int(0, VALID[feed].length - 1)] as Record<string, unknown>;
        const item = mutate(base, rng);
        const schema = SCHEMAS[feed].safeParse(item).success;
        if (!schema) rejected++;
        if (certainlyValid(feed, item)) expect({ item, schema }).toEqual({ item, schema: true });
        // Whatever the fast path says, the answer given to the mirror is the schema's, instants converted alike.
        const checked = checkFeedItem(feed, structuredClone(item));
        expect(checked.success).toBe(schema);
        if (schema) expect(checked.data).toEqual(SCHEMAS[feed].safeParse(item).data);
      }
      expect(rejected).toBeGreaterThan(1_000);
    },
  );

  it('converts an instant in another offset or precision to UTC to the millisecond, on either path', () => {
    const base = VALID.appointments[0] as { appointment: Record<string, unknown> };
    const item = {
      ...base,
      appointment: {
        ...base.appointment,
        taskDate: '2026-03-02T03:00:00-05:00',
        createdAt: '2026-03-01T08:00:00Z',
        modifiedAt: '2026-03-01T09:00:00.123456+01:00',
      },
    };
    expect(certainlyValid('appointments', item)).toBe(true);
    const bySchema = SCHEMAS.appointments.safeParse(item);
    const checked = checkFeedItem('appointments', structuredClone(item));
    expect(checked).toEqual(bySchema);
    expect(checked.success).toBe(true);
    const appointment = checked.data?.kind === 'upsert' ? checked.data.appointment : null;
    expect(appointment?.taskDate).toBe('2026-03-02T08:00:00.000Z');
    expect(appointment?.createdAt).toBe('2026-03-01T08:00:00.000Z');
    expect(appointment?.modifiedAt).toBe('2026-03-01T08:00:00.123Z');
  });
});
