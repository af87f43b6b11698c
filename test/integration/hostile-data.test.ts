import { describe, expect, test } from '../support/fixtures';
import { recomputeAllVerdicts, verdictSettingsFrom } from '../../electron/engine/diagnosis';
import { readAppointment, readNotesOf, readRejected, readRecentRuns } from '../../electron/engine/store';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/contract';
import { mirrorHarness } from '../support/mirror-harness';
import { checkMirrorInvariants } from '../support/mirror-invariants';
import { FIXED_NOW, testSandbox } from '../support/sandbox';

const MEGABYTE_OF_TEXT = `${'Lorem ipsum dolor sit amet. '.repeat(37_450)}end`;
const HOSTILE_TEXTS = [
  '<script>window.__xoiHacked = true</script><img src=x onerror="window.__xoiHacked=true">',
  '<a href="javascript:alert(1)">click</a> javascript:alert(document.cookie)',
  'مرحبا \u202eexe.txt\u202c with right-to-left override',
  'zero\u200bwidth\u200cjoiners\u200d and \ufeffBOM',
  'Emoji 🔧🧰❄️🔥 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  MEGABYTE_OF_TEXT,
];

describe('hostile data from the server', () => {
  test('stores odd but valid rows faithfully, rejects broken ones with a recorded reason, and mirrors the rest of the page', async ({
    defer,
  }) => {
    const sandbox = await testSandbox({ appointments: 30 });
    const world = sandbox.world;
    const base = [...world.appointments.values()][0];
    if (!base) throw new Error('empty world');
    const key = { company: base.company, serviceCall: base.serviceCall, appointment: base.appointment };
    HOSTILE_TEXTS.forEach((text, index) =>
      world.addNote({
        ...key,
        id: `HOSTILE-${index}`,
        name: 'Dispatcher note',
        text,
        url: index === 1 ? 'javascript:alert(1)' : null,
        internal: false,
        readOnly: false,
        createdAt: '2026-03-01T10:00:00Z',
        author: 'Zoë Ångström-Łukasz ﷽',
      }),
    );
    world.appointments.upsert('TWO/ODD-1/001', {
      ...base,
      serviceCall: 'ODD-1',
      status: 'Teleported',
      customer: 'Ünïcødé Ltd. 株式会社 \u0301',
      taskDate: '0001-01-01T00:00:00Z',
      completedAt: null,
      modifiedAt: '9999-12-31T23:59:59Z',
    });
    world.technicians.set('T-ODD', {
      id: 'T-ODD',
      name: 'Ｊöｈｎ 𝕯𝖔𝖊',
      email: 'jоhn@fabrikam.test',
      lastDeviceSyncAt: null,
    });
    // Broken rows, served as the server sent them.
    world.appointments.upsert('TWO/BAD-1/001', { ...base, serviceCall: 'BAD-1', status: undefined } as never);
    world.appointments.upsert('TWO/BAD-2/001', { ...base, serviceCall: 'BAD-2', estimatedHours: 'eight' } as never);
    world.appointments.upsert('TWO/BAD-3/001', { ...base, serviceCall: 'BAD-3', taskDate: 'next Tuesday' } as never);
    world.notes.upsert('BAD-NOTE', { ...key, id: 'BAD-NOTE', name: 42, text: 'x' } as never);
    world.appointments.upsert('TWO/EXTRA/001', {
      ...base,
      serviceCall: 'EXTRA',
      unexpected: { nested: true },
      anotherField: 'ignored',
    } as never);
    // The same note id offered twice: it ends as one row.
    world.addNote({
      ...key,
      id: 'DUP',
      name: 'Dispatcher note',
      text: 'first',
      url: null,
      internal: false,
      readOnly: false,
      createdAt: '2026-03-01T10:00:00Z',
      author: 'a',
    });
    world.addNote({
      ...key,
      id: 'DUP',
      name: 'Dispatcher note',
      text: 'second',
      url: null,
      internal: false,
      readOnly: false,
      createdAt: '2026-03-01T10:00:00Z',
      author: 'a',
    });

    const mirror = mirrorHarness(sandbox);
    defer(async () => {
      await mirror.close();
      await sandbox.close();
    });
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    const notes = readNotesOf(mirror.store, `${key.company}/${key.serviceCall}/${key.appointment}`);
    HOSTILE_TEXTS.forEach((text, index) =>
      expect(notes.find((note) => note.id === `HOSTILE-${index}`)?.text).toBe(text),
    );
    expect(notes.find((note) => note.id === 'HOSTILE-1')?.url).toBe('javascript:alert(1)');
    expect(notes.find((note) => note.id === 'HOSTILE-0')?.author).toBe('Zoë Ångström-Łukasz ﷽');
    expect(notes.filter((note) => note.id === 'DUP').map((note) => note.text)).toEqual(['second']);
    expect(readAppointment(mirror.store, 'TWO/ODD-1/001')).toMatchObject({
      status: 'Teleported',
      customer: 'Ünïcødé Ltd. 株式会社 \u0301',
      // The same instants, kept in the console's one form (UTC to the millisecond).
      taskDate: '0001-01-01T00:00:00.000Z',
      modifiedAt: '9999-12-31T23:59:59.000Z',
    });
    expect(readAppointment(mirror.store, 'TWO/EXTRA/001')).toBeDefined();
    for (const bad of ['TWO/BAD-1/001', 'TWO/BAD-2/001', 'TWO/BAD-3/001'])
      expect(readAppointment(mirror.store, bad)).toBeUndefined();
    const rejected = readRejected(mirror.store);
    expect(rejected.map((row) => row.item).sort()).toEqual(
      [
        'TWO/BAD-1/001',
        'TWO/BAD-2/001',
        'TWO/BAD-3/001',
        `${key.company}/${key.serviceCall}/${key.appointment} id BAD-NOTE`,
      ].sort(),
    );
    expect(rejected.find((row) => row.item === 'TWO/BAD-2/001')?.reason).toMatch(/estimatedHours/);
    expect(rejected.find((row) => row.item === 'TWO/BAD-3/001')?.reason).toMatch(
      /taskDate: expected an ISO 8601 date-time/,
    );
    expect(readRecentRuns(mirror.store, 1)[0]?.rows.appointments?.rejected).toBe(3);
    // The rest of every page is mirrored.
    expect(mirror.store.db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({
      n: world.appointments.size - 3,
    });

    recomputeAllVerdicts(mirror.store, FIXED_NOW, verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false));
    const odd = mirror.store.db
      .prepare("SELECT state, codes FROM appointment_list WHERE key = 'TWO/ODD-1/001'")
      .get() as { state: string; codes: string };
    expect(odd).toEqual({ state: 'needs-action', codes: 'UNKNOWN_STATUS' });
  });
});

describe('a full disk while writing', () => {
  test('fails the page cleanly (nothing half-written, cursor not moved), says so, and converges once there is room', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 200 });
    const mirror = openMirror(sandbox);
    // SQLite's own page limit stands in for the disk filling up: the same SQLITE_FULL error, on a real file.
    const pages = mirror.store.db.pragma('page_count', { simple: true }) as number;
    mirror.store.db.pragma(`max_page_count = ${pages + 8}`);
    const outcome = await mirror.poller.syncNow();
    expect(outcome).toEqual({ outcome: 'error', code: 'MIRROR_WRITE_FAILED' });
    const status = mirror.poller.status();
    expect(status).toMatchObject({
      state: 'error',
      message: 'The disk is full, so the mirror could not be written. Nothing was changed.',
    });
    // Whatever was committed is whole: exactly the rows up to each cursor, integrity intact.
    expect(checkMirrorInvariants(mirror.file, sandbox.world)).toEqual([]);
    mirror.store.db.pragma('max_page_count = 1073741823');
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(mirror.store.db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({
      n: sandbox.world.appointments.size,
    });
  });
});
