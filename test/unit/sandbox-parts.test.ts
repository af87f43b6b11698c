import { describe, expect, it } from 'vitest';
import { ScaledClock, HOUR, FaultInjector, parseFaultSpec, FeedStore, parseScenario } from '../../electron/sandbox';

describe('FeedStore', () => {
  function store() {
    let version = 0;
    return new FeedStore<string>(() => ++version);
  }

  it('gives every item once, in its latest state, in version order', () => {
    const feed = store();
    feed.upsert('a', 'a1');
    feed.upsert('b', 'b1');
    feed.upsert('a', 'a2');
    feed.upsert('c', 'c1');
    const page = feed.page(0, 10);
    expect(page.entries.map((entry) => `${entry.id}=${entry.value}@${entry.version}`)).toEqual([
      'b=b1@2',
      'a=a2@3',
      'c=c1@4',
    ]);
    expect(page.hasMore).toBe(false);
  });

  it('pages with a limit and resumes after the last version', () => {
    const feed = store();
    for (const id of ['a', 'b', 'c', 'd', 'e']) feed.upsert(id, id);
    const first = feed.page(0, 2);
    expect(first.entries.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(first.hasMore).toBe(true);
    feed.upsert('a', 'a-again');
    const rest = feed.page(first.lastVersion, 10);
    expect(rest.entries.map((entry) => entry.id)).toEqual(['c', 'd', 'e', 'a']);
  });

  it('turns a deletion into a tombstone and deletes only what exists', () => {
    const feed = store();
    feed.upsert('a', 'a');
    expect(feed.delete('a')).toBe(2);
    expect(feed.delete('a')).toBeNull();
    expect(feed.delete('zzz')).toBeNull();
    expect(feed.page(0, 10).entries).toEqual([{ id: 'a', version: 2, value: null }]);
    expect(feed.size).toBe(0);
  });

  it('counts the live items as they come, go and come back', () => {
    const feed = store();
    for (const id of ['a', 'b', 'c']) feed.upsert(id, id);
    feed.upsert('b', 'b2');
    expect(feed.size).toBe(3);
    feed.delete('a');
    feed.delete('a');
    expect(feed.size).toBe(2);
    feed.upsert('a', 'a-back');
    expect(feed.size).toBe(3);
  });

  it('finds live items by their place, skipping tombstones', () => {
    const feed = store();
    for (const id of ['a', 'b', 'c', 'd']) feed.upsert(id, id);
    feed.delete('b');
    const ids = feed.idsAtPlaces(new Set([0, 1, 2, 7]));
    expect([...ids.entries()]).toEqual([
      [0, 'a'],
      [1, 'c'],
      [2, 'd'],
    ]);
  });
});

describe('fault specs', () => {
  it('reads rules, routes and every kind', () => {
    const rules = parseFaultSpec('5xx=0.1,latency=5-40;/v1/notes/changes:malformed=0.2,429date=0.5');
    expect(rules).toEqual([
      { route: '/', latency: [5, 40], rates: { '5xx': 0.1 } },
      { route: '/v1/notes/changes', latency: null, rates: { malformed: 0.2, '429date': 0.5 } },
    ]);
  });

  it.each([
    ['boom=0.1', /unknown fault "boom"/],
    ['5xx=2', /rate must be a number from 0 to 1/],
    ['5xx=', /rate must be a number from 0 to 1/],
    ['latency=abc', /latency must be milliseconds/],
    ['latency=50-10', /range must go up/],
  ])('refuses %s with a message naming the setting', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it('is reproducible for a seed', () => {
    const decisions = (seed: number) => {
      const injector = new FaultInjector('5xx=0.3,reset=0.2,latency=1-100', seed);
      return Array.from({ length: 50 }, () => injector.decide('/v1/system'));
    };
    expect(decisions(5)).toEqual(decisions(5));
    expect(decisions(5)).not.toEqual(decisions(6));
  });

  it('counts what it injected', () => {
    const injector = new FaultInjector('5xx=1', 1);
    injector.decide('/v1/system');
    injector.decide('/v1/system');
    expect(injector.injected['5xx']).toBe(2);
  });
});

describe('the scaled clock', () => {
  it('runs speed times faster than real time', () => {
    let real = 1_000;
    const clock = new ScaledClock(5_000_000, 60, () => real);
    real += 60_000;
    expect(clock.now()).toBe(5_000_000 + HOUR);
    expect(clock.realDelay(HOUR)).toBe(60_000);
  });
});

describe('scenario validation', () => {
  const minimal = {
    now: '2026-03-02T12:00:00Z',
    companies: [{ id: 'TWO', name: 'Fabrikam', active: true }],
    technicians: [{ id: 'T1', name: 'Ana', email: 'ana@x.test', lastDeviceSyncAt: null }],
    appointments: [
      {
        company: 'TWO',
        serviceCall: 'C1',
        appointment: '001',
        status: 'Dispatched',
        technician: 'T1',
        taskDate: '2026-03-02T08:00:00Z',
        completedAt: null,
        createdIn: 'Schedule',
        modifiedAt: '2026-03-02T07:00:00Z',
      },
    ],
  };
  const withAppointment = (changes: Record<string, unknown>) => ({
    ...minimal,
    appointments: [{ ...minimal.appointments[0], ...changes }],
  });

  it('accepts a minimal scenario', () => {
    expect(parseScenario(minimal).appointments).toHaveLength(1);
  });

  it.each([
    [{ ...minimal, now: 'yesterday' }, /scenario: now: expected an ISO 8601 date-time/],
    [{ ...minimal, technicans: [] }, /scenario: \(top level\): Unrecognized key: "technicans"/],
    [withAppointment({ technician: 'T999' }), /appointments\[0\]\.technician: unknown technician "T999"/],
    [withAppointment({ status: 'Teleported' }), /appointments\[0\]\.status: unknown status "Teleported"/],
    [withAppointment({ company: 'NOPE' }), /appointments\[0\]\.company: unknown company "NOPE"/],
    [withAppointment({ createdIn: 'Fax' }), /appointments\[0\]\.createdIn/],
    [withAppointment({ serviceCall: 'A/B' }), /appointments\[0\]\.serviceCall: must not contain "\/"/],
    [{ ...minimal, companies: [] }, /companies/],
    [
      { ...minimal, appointments: [minimal.appointments[0], minimal.appointments[0]] },
      /duplicate appointment TWO\/C1\/001/,
    ],
    [{ ...minimal, statuses: [{ name: 'X', category: 'floating' }] }, /statuses\[0\]\.category/],
  ])('refuses a bad scenario naming the path (%#)', (scenario, message) => {
    expect(() => parseScenario(scenario)).toThrow(message);
  });
});
