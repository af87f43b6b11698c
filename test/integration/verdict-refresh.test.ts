import { describe, expect, test, type Fixtures } from '../support/fixtures';
import {
  ALL_TOUCHED,
  planVerdictUpdate,
  recomputeAllVerdicts,
  refreshVerdicts,
  type PassChanges,
  verdictSettingsFrom,
} from '../../electron/engine/diagnosis';
import { appointmentDetail } from '../../electron/engine/queries';
import { deleteAllListEntries, stateMarker, type WriteHandle } from '../../electron/engine/store';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/contract';
import { createRng, mutateWorld, type SandboxWorld } from '../../electron/sandbox';
import { MirrorPipeline } from '../../electron/engine/sync';
import { diagnosedMirror } from '../support/diagnosed-mirror';
import { FIXED_NOW } from '../support/sandbox';
import { appointmentKeyString } from '../../shared/domain';
import { CODES } from '../../shared/diagnosis';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);
const NO_REFERENCES: PassChanges['references'] = { companies: [], technicians: [], statuses: false };

function listRows(store: WriteHandle) {
  return store.db
    .prepare(
      `SELECT key, live, technician_name, state, codes, summary, notes_mask, transcripts, deleted_at, job_id, search_text
       FROM appointment_list ORDER BY key`,
    )
    .all();
}

/** The kept counts against a count of the rows themselves: they must never drift. */
function expectCountsKept(store: WriteHandle) {
  const kept = keptCounts(store);
  const recounted = store.db
    .prepare(
      `SELECT live, 'code' AS kind, code AS name, count(*) AS n FROM list_codes GROUP BY live, code
       UNION ALL SELECT live, 'state', state, count(*) FROM appointment_list GROUP BY live, state
       ORDER BY 1, 2, 3`,
    )
    .all();
  expect(kept).toEqual(recounted);
  expect(kept.length).toBeGreaterThan(0);
  expect(keptHeld(store)).toEqual(recountedHeld(store));
  expect(markersIndexed(store)).toEqual(kept.filter((row) => (row as { kind: string }).kind === 'state'));
}

/** The rows the search index finds by each state's marker: a row removed with the wrong text would stay found. */
function markersIndexed(store: WriteHandle) {
  const count = store.db.prepare('SELECT count(*) FROM list_search WHERE list_search MATCH ?').pluck();
  return [0, 1].flatMap((live) =>
    ['blocked', 'needs-action', 'ok', 'waiting']
      .map((name) => ({ live, kind: 'state', name, n: count.get(`"${stateMarker(live === 1, name)}"`) as number }))
      .filter((row) => row.n !== 0),
  );
}

/** The kept counts per state and per reason code, of live rows and of tombstones. */
function keptCounts(store: WriteHandle) {
  return store.db.prepare('SELECT live, kind, name, n FROM list_counts WHERE n <> 0 ORDER BY live, kind, name').all();
}

/** The kept counts of appointments held back per technician and per company. */
function keptHeld(store: WriteHandle) {
  return store.db.prepare('SELECT code, holder, n FROM list_held WHERE n <> 0 ORDER BY code, holder').all();
}

/** The same, counted from the rows: each held code's technician or company, as the list row has it now. */
function recountedHeld(store: WriteHandle) {
  return store.db
    .prepare(
      `SELECT c.code, CASE c.code WHEN 'COMPANY_INACTIVE' THEN l.company ELSE l.technician_id END AS holder,
         count(*) AS n
       FROM list_codes c JOIN appointment_list l ON l.id = c.list_id
       WHERE c.live = 1 AND (c.code = 'COMPANY_INACTIVE' OR c.code LIKE 'TECH\\_%' ESCAPE '\\') AND holder IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
}

/** The same read model made from nothing by a full recompute. */
function fromScratch(store: WriteHandle, now: number) {
  deleteAllListEntries(store);
  recomputeAllVerdicts(store, now, settings);
  return listRows(store);
}

/**
 * A sandbox mirrored once with every verdict computed, and `nextPass`: sync again, then the changes the pass reported
 * and the partial refresh planned for them.
 */
async function recomputedMirror(
  { openSandbox, openMirror }: Pick<Fixtures, 'openSandbox' | 'openMirror'>,
  appointments: number,
) {
  const sandbox = await openSandbox({ appointments });
  let lastPass: PassChanges | null = null;
  const mirror = openMirror(sandbox, { afterPass: (pass) => void (lastPass = pass) });
  await mirror.poller.syncNow();
  const { cache } = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
  const nextPass = async () => {
    await mirror.poller.syncNow();
    const pass = lastPass as unknown as PassChanges;
    const plan = planVerdictUpdate(cache, mirror.store, FIXED_NOW, settings, pass);
    if (plan.kind !== 'some') throw new Error('expected a partial refresh');
    return { pass, plan, keys: plan.keys };
  };
  return { sandbox, mirror, cache, nextPass };
}

describe('refreshing only the verdicts a pass reached', () => {
  test('gives the same read model and counts as recomputing everything', async ({ openSandbox, openMirror }) => {
    const { sandbox, mirror, cache, nextPass } = await recomputedMirror({ openSandbox, openMirror }, 400);
    const changes = mutateWorld(sandbox.world, 60, createRng(4), FIXED_NOW);
    expect(changes.updated + changes.deleted + changes.notesAdded).toBe(60);
    const { pass, plan, keys } = await nextPass();
    expect(pass.references).toEqual(NO_REFERENCES);
    expect(pass.touched.size).toBeGreaterThan(0);
    expect(pass.touched.size).toBeLessThanOrEqual(60);
    expect([...keys].sort()).toEqual([...pass.touched].sort());
    const { refreshed } = refreshVerdicts(mirror.store, FIXED_NOW, settings, plan, cache);
    expect(refreshed).toBe(pass.touched.size - changes.deleted);
    expectCountsKept(mirror.store);
    const partial = listRows(mirror.store);
    expect(partial).toEqual(fromScratch(mirror.store, FIXED_NOW));
    expect(partial.length).toBeGreaterThanOrEqual(sandbox.world.appointments.size);
  });

  test('reaches the appointments of a technician whose details changed, and only those', async ({
    openSandbox,
    openMirror,
  }) => {
    const { sandbox, mirror, cache, nextPass } = await recomputedMirror({ openSandbox, openMirror }, 300);
    const technician = [...sandbox.world.technicians.values()].find((candidate) =>
      [...sandbox.world.appointments.values()].some((appointment) => appointment.technician === candidate.id),
    );
    if (!technician) throw new Error('the sandbox has no assigned technician');
    sandbox.world.technicians.set(technician.id, { ...technician, name: 'Renamed Technician', email: null });
    const { pass, plan, keys } = await nextPass();
    expect(pass.references).toEqual({ companies: [], technicians: [technician.id], statuses: false });
    expect(plan.referencesChanged).toBe(true);
    const theirs = [...sandbox.world.appointments.values()]
      .filter((appointment) => appointment.technician === technician.id)
      .map((appointment) => `${appointment.company}/${appointment.serviceCall}/${appointment.appointment}`);
    expect([...keys].sort()).toEqual(theirs.sort());
    refreshVerdicts(mirror.store, FIXED_NOW, settings, plan, cache);
    const names = mirror.store.db
      .prepare('SELECT DISTINCT technician_name AS name FROM appointment_list WHERE technician_id = ?')
      .all(technician.id);
    expect(names).toEqual([{ name: 'Renamed Technician' }]);
    // The search index follows: the new name finds exactly their appointments, the old one none of them.
    const found = (text: string) =>
      (
        mirror.store.db
          .prepare(
            'SELECT key FROM appointment_list WHERE id IN (SELECT rowid FROM list_search WHERE list_search MATCH ?)',
          )
          .all(`"${text}"`) as Array<{ key: string }>
      ).map((row) => row.key);
    expect(found('renamed technician').sort()).toEqual(theirs.sort());
    expect(found(technician.name.toLowerCase()).filter((key) => theirs.includes(key))).toEqual([]);
    expectCountsKept(mirror.store);
    const partial = listRows(mirror.store);
    expect(partial).toEqual(fromScratch(mirror.store, FIXED_NOW));
  });

  test('names the companies added, changed and removed, says when a status changed, and nothing for lists unchanged', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 100 });
    const passes: PassChanges[] = [];
    const mirror = openMirror(sandbox, { afterPass: (pass) => void passes.push(pass) });
    await mirror.poller.syncNow();
    const [changed, removed, ...others] = sandbox.world.companies;
    if (!changed || !removed) throw new Error('the sandbox has fewer than two companies');
    sandbox.world.companies = [
      { ...changed, active: !changed.active },
      { id: 'NEWCO', name: 'New Company', active: true },
      ...others,
    ];
    await mirror.poller.syncNow();
    expect(passes.at(-1)?.references).toEqual({
      companies: ['NEWCO', changed.id, removed.id].sort(),
      technicians: [],
      statuses: false,
    });
    const stored = mirror.store.db.prepare('SELECT id, active FROM companies ORDER BY id').all();
    const sent = sandbox.world.companies.map((company) => ({ id: company.id, active: company.active ? 1 : 0 }));
    expect(stored).toEqual(sent.sort((a, b) => (a.id < b.id ? -1 : 1)));

    const [status, ...rest] = sandbox.world.statuses;
    if (!status) throw new Error('the sandbox has no statuses');
    sandbox.world.statuses = [{ ...status, category: status.category === 'closed' ? 'completed' : 'closed' }, ...rest];
    await mirror.poller.syncNow();
    expect(passes.at(-1)?.references).toEqual({ ...NO_REFERENCES, statuses: true });
    await mirror.poller.syncNow();
    expect(passes.at(-1)?.references).toEqual(NO_REFERENCES);
    expect(mirror.store.db.prepare('SELECT id, active FROM companies ORDER BY id').all()).toEqual(stored);
  });

  test('an appointment moved to another technician held back for the same reason moves its held count', async ({
    openSandbox,
    openMirror,
  }) => {
    const { sandbox, mirror, cache, nextPass } = await recomputedMirror({ openSandbox, openMirror }, 400);
    const held = mirror.store.db
      .prepare(
        `SELECT l.key, l.technician_id AS technician, c.code, l.codes FROM list_codes c
         JOIN appointment_list l ON l.id = c.list_id WHERE c.live = 1 AND c.code LIKE 'TECH%' ORDER BY l.key`,
      )
      .all() as Array<{ key: string; technician: string; code: string; codes: string }>;
    const moved = held.find((row) =>
      held.some((other) => other.code === row.code && other.technician !== row.technician),
    );
    const target = held.find((other) => other.code === moved?.code && other.technician !== moved.technician);
    if (!moved || !target) throw new Error('the sandbox has no two technicians held back for the same reason');
    const countOf = (holder: string) =>
      (
        mirror.store.db.prepare('SELECT n FROM list_held WHERE code = ? AND holder = ?').get(moved.code, holder) as
          { n: number } | undefined
      )?.n ?? 0;
    const before = { from: countOf(moved.technician), to: countOf(target.technician) };

    sandbox.world.updateAppointment(moved.key, { technician: target.technician }, FIXED_NOW, 'test');
    const { plan } = await nextPass();
    refreshVerdicts(mirror.store, FIXED_NOW, settings, plan, cache);

    const row = mirror.store.db
      .prepare('SELECT technician_id, codes FROM appointment_list WHERE key = ?')
      .get(moved.key);
    expect(row).toEqual({ technician_id: target.technician, codes: moved.codes });
    expect({ from: countOf(moved.technician), to: countOf(target.technician) }).toEqual({
      from: before.from - 1,
      to: before.to + 1,
    });
    expectCountsKept(mirror.store);
  });

  test('recomputes everything when time has moved on, the settings or statuses changed, or much changed', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 50 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    const { cache } = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
    const small: PassChanges = { touched: new Set(['TWO/SC1/001']), references: NO_REFERENCES };
    const plan = (...args: Parameters<typeof planVerdictUpdate>) => planVerdictUpdate(...args).kind;
    expect(plan(cache, mirror.store, FIXED_NOW, settings, small)).toBe('some');
    expect(plan(cache, mirror.store, FIXED_NOW + 11 * 60_000, settings, small)).toBe('all');
    expect(plan(cache, mirror.store, FIXED_NOW, { ...settings, pollDelayMs: 1 }, small)).toBe('all');
    const many = { touched: new Set(Array.from({ length: 2001 }, (_, i) => `K/${i}/1`)), references: NO_REFERENCES };
    expect(plan(cache, mirror.store, FIXED_NOW, settings, many)).toBe('all');
    const statuses = { ...small, references: { ...NO_REFERENCES, statuses: true } };
    expect(plan(cache, mirror.store, FIXED_NOW, settings, statuses)).toBe('all');
    expect(plan(cache, mirror.store, FIXED_NOW, settings, { ...small, touched: new Set([ALL_TOUCHED]) })).toBe('all');
    expect(plan(null, mirror.store, FIXED_NOW, settings, small)).toBe('all');
  });

  test('a first pass reads every feed from its start: it reaches every appointment, listing none one by one', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 50 });
    const passes: PassChanges[] = [];
    const mirror = openMirror(sandbox, { afterPass: (pass) => void passes.push(pass) });
    await mirror.poller.syncNow();
    expect([...(passes[0]?.touched ?? [])]).toEqual([ALL_TOUCHED]);
    const { cache } = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
    expect(planVerdictUpdate(cache, mirror.store, FIXED_NOW, settings, passes[0] as PassChanges).kind).toBe('all');
    // The next pass starts from the stored cursors: it lists what it changed, one by one.
    mutateWorld(sandbox.world, 3, createRng(9), FIXED_NOW);
    await mirror.poller.syncNow();
    const next = passes[1]?.touched ?? new Set<string>();
    expect(next.has(ALL_TOUCHED)).toBe(false);
    expect(next.size).toBeGreaterThan(0);
  });
});

describe('filling an empty read model in bulk', () => {
  test('counts what the triggers count row by row, and leaves the indexes and triggers as the migrations made them', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 400 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    const { store } = mirror;
    const schema = () =>
      store.db
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
        .all();
    const counts = () => ({ kept: keptCounts(store), held: keptHeld(store) });
    const migrated = schema();

    // Row by row, through the triggers: one row already there makes the list not empty (swept at the end, no appointment).
    store.db
      .prepare(
        `INSERT INTO appointment_list (key, live, company, service_call, appointment, customer, status, state, state_rank,
           codes, summary, notes_mask, transcripts, search_text, signature)
         VALUES ('GONE/1/1', 1, 'GONE', '1', '1', '', 'Dispatched', 'ok', 0, '', '', 0, 0, '', '')`,
      )
      .run();
    recomputeAllVerdicts(store, FIXED_NOW, settings);
    const rowByRow = { rows: listRows(store), counts: counts() };
    expect(rowByRow.rows.some((row) => (row as { key: string }).key === 'GONE/1/1')).toBe(false);
    expect(rowByRow.counts.kept.some((row) => (row as { kind: string }).kind === 'code')).toBe(true);
    expect(rowByRow.counts.held.length).toBeGreaterThan(0);

    // In bulk, from empty.
    deleteAllListEntries(store);
    recomputeAllVerdicts(store, FIXED_NOW, settings);
    expect({ rows: listRows(store), counts: counts() }).toEqual(rowByRow);
    expect(schema()).toEqual(migrated);
    expectCountsKept(store);

    // The triggers are back: a change made after the fill is counted.
    const { cache } = recomputeAllVerdicts(store, FIXED_NOW, settings);
    mutateWorld(sandbox.world, 40, createRng(9), FIXED_NOW);
    await mirror.poller.syncNow();
    const keys = new Set(store.db.prepare('SELECT key FROM appointments').pluck().all() as string[]);
    refreshVerdicts(store, FIXED_NOW, settings, { keys, referencesChanged: false }, cache);
    expectCountsKept(store);
  });
});

/**
 * A sandbox mirrored once through the pipeline, wired as the command line wires it: told of each pass, good or failed,
 * and with no one listening for verdicts.
 */
async function pipelineMirror(
  { openSandbox, openMirror }: Pick<Fixtures, 'openSandbox' | 'openMirror'>,
  appointments: number,
) {
  const sandbox = await openSandbox({ appointments });
  let pipeline: MirrorPipeline | null = null;
  const mirror = openMirror(sandbox, {
    afterPass: (pass) => pipeline?.afterPass(pass),
    afterFailedPass: () => pipeline?.afterFailedPass(),
  });
  pipeline = new MirrorPipeline({ store: mirror.store, verdicts: settings, xoi: null, now: () => FIXED_NOW });
  await mirror.poller.syncNow();
  return { sandbox, mirror };
}

describe('the pipeline after each pass', () => {
  test('refreshes the changed appointments even with no one listening for verdicts (the command line)', async ({
    openSandbox,
    openMirror,
  }) => {
    const { sandbox, mirror } = await pipelineMirror({ openSandbox, openMirror }, 100);
    const key = mirror.store.db
      .prepare('SELECT key FROM appointment_list WHERE live = 1 LIMIT 1')
      .pluck()
      .get() as string;
    sandbox.world.updateAppointment(key, { customer: 'Renamed Customer' }, FIXED_NOW, 'test');
    await mirror.poller.syncNow();
    const customer = mirror.store.db.prepare('SELECT customer FROM appointment_list WHERE key = ?').pluck().get(key);
    expect(customer).toBe('Renamed Customer');
  });

  test('after a pass that failed having stored some pages, the next pass brings their verdicts up to date', async ({
    openSandbox,
    openMirror,
  }) => {
    const { sandbox, mirror } = await pipelineMirror({ openSandbox, openMirror }, 100);
    const target = [...sandbox.world.appointments.values()].find(
      (appointment) => !sandbox.world.notesOf(appointmentKeyString(appointment)).some((note) => note.readOnly),
    );
    if (!target) throw new Error('the sandbox has no appointment without XOi notes');
    const key = appointmentKeyString(target);
    const maskInList = () =>
      mirror.store.db.prepare('SELECT notes_mask FROM appointment_list WHERE key = ?').pluck().get(key);
    const maskBefore = maskInList();
    sandbox.world.addNote({
      ...{ company: target.company, serviceCall: target.serviceCall, appointment: target.appointment },
      name: 'XOi Workflow',
      text: 'Workflow summary',
      url: null,
      internal: false,
      readOnly: true,
      createdAt: new Date(FIXED_NOW).toISOString(),
      author: 'XOi Vision',
    });
    // The notes' page is stored, then the history feed fails: the pass fails with the new note in the mirror.
    sandbox.faults.configure('/v1/history/changes:5xx=1');
    expect((await mirror.poller.syncNow()).outcome).toBe('error');
    expect(mirror.store.db.prepare('SELECT count(*) FROM notes WHERE appointment_key = ?').pluck().get(key)).toBe(
      sandbox.world.notesOf(key).length,
    );
    expect(maskInList()).toBe(maskBefore);
    // The next pass reads no new note (nor anything else about it), and still brings the list row up to date.
    sandbox.faults.configure('');
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(maskInList()).not.toBe(maskBefore);
  });

  test('keeps the technicians it read again for the passes after, which change no reference list', async ({
    openSandbox,
    openMirror,
  }) => {
    const { sandbox, mirror } = await pipelineMirror({ openSandbox, openMirror }, 200);
    const appointments = [...sandbox.world.appointments.values()];
    const technician = [...sandbox.world.technicians.values()].find(
      (candidate) => appointments.filter((appointment) => appointment.technician === candidate.id).length >= 2,
    );
    if (!technician) throw new Error('the sandbox has no technician with two appointments');
    const [first, second] = appointments
      .filter((appointment) => appointment.technician === technician.id)
      .map((appointment) => `${appointment.company}/${appointment.serviceCall}/${appointment.appointment}`);
    const nameOf = (key: string | undefined) =>
      mirror.store.db.prepare('SELECT technician_name FROM appointment_list WHERE key = ?').pluck().get(key);

    sandbox.world.technicians.set(technician.id, { ...technician, name: 'Renamed Technician' });
    await mirror.poller.syncNow();
    expect(nameOf(first)).toBe('Renamed Technician');
    // A later pass changes one of their appointments and no list: the refresh uses the lists it read last time.
    sandbox.world.updateAppointment(second!, { customer: 'Another Customer' }, FIXED_NOW, 'test');
    await mirror.poller.syncNow();
    const row = mirror.store.db
      .prepare('SELECT customer, technician_name FROM appointment_list WHERE key = ?')
      .get(second);
    expect(row).toEqual({ customer: 'Another Customer', technician_name: 'Renamed Technician' });
  });
});

describe('verdicts that change with time alone', () => {
  /** The rows that name an instant their verdict changes at, earliest first. */
  function rowsWithInstant(store: WriteHandle) {
    return store.db
      .prepare(
        `SELECT key, state, codes, changes_at AS changesAt FROM appointment_list
         WHERE changes_at IS NOT NULL ORDER BY changes_at, key`,
      )
      .all() as Array<{ key: string; state: string; codes: string; changesAt: string }>;
  }

  /** A verdict's codes without the integration's (those change for every row at once: the plan recomputes all). */
  const ownCodes = (codes: readonly string[]) =>
    codes.filter((code) => CODES[code as keyof typeof CODES].level !== 'integration').join(' ');

  /**
   * An appointment completed five minutes before the clock, with its job notes and nothing after them: it waits for
   * XOi Resolution (until a poll delay after completion) and for transcripts (until the window closes).
   */
  function completedAwaitingResolution(world: SandboxWorld): string {
    const completed = world.statuses.find((status) => status.category === 'completed');
    const target = [...world.appointments.values()].find(
      (appointment) =>
        appointment.technician !== null && !world.notesOf(appointmentKeyString(appointment)).some((n) => n.readOnly),
    );
    if (!completed || !target) throw new Error('the sandbox has no completed status or no appointment to complete');
    const key = appointmentKeyString(target);
    world.updateAppointment(
      key,
      { status: completed.name, completedAt: new Date(FIXED_NOW - 5 * 60_000).toISOString() },
      FIXED_NOW - 5 * 60_000,
      'test',
    );
    for (const name of ['XOi Site History', 'XOi Workflow'])
      world.addNote({
        ...{ company: target.company, serviceCall: target.serviceCall, appointment: target.appointment },
        ...{ name, text: name, url: null, internal: false, readOnly: true, author: 'XOi Vision' },
        createdAt: new Date(FIXED_NOW - 20 * 60_000).toISOString(),
      });
    return key;
  }

  test("each row's instants, walked one after another, are the moments its own codes can change", async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    let crafted = '';
    const {
      mirror,
      handle: reader,
      cache,
    } = await diagnosedMirror(
      { openSandbox, openMirror, defer },
      400,
      (world) => void (crafted = completedAwaitingResolution(world)),
    );
    const rowOf = mirror.store.db.prepare('SELECT codes, changes_at AS changesAt FROM appointment_list WHERE key = ?');
    const stored = (key: string) => {
      const row = rowOf.get(key) as { codes: string; changesAt: string | null };
      return { codes: ownCodes(row.codes === '' ? [] : row.codes.split(' ')), changesAt: row.changesAt };
    };
    const ownCodesAt = (key: string, now: number) =>
      ownCodes(appointmentDetail(reader, key, now, settings, []).verdict.codes);
    const keys = mirror.store.db.prepare('SELECT key FROM appointment_list ORDER BY key').pluck().all() as string[];
    const changes = new Map<string, string[]>();
    for (const key of keys) {
      let now = FIXED_NOW;
      let row = stored(key);
      const seen = [row.codes];
      for (let step = 0; row.changesAt !== null; step++) {
        const at = Date.parse(row.changesAt);
        expect(at).toBeGreaterThan(now);
        expect(step).toBeLessThan(5);
        // Until the instant, the list's row says what the detail view says.
        expect(ownCodesAt(key, at - 1)).toBe(row.codes);
        refreshVerdicts(mirror.store, at, settings, { keys: new Set([key]), referencesChanged: false }, cache);
        now = at;
        row = stored(key);
        expect(row.codes).toBe(ownCodesAt(key, at));
        seen.push(row.codes);
      }
      // With no instant left, the row reads the same however much later it is diagnosed.
      expect(ownCodesAt(key, now + 60 * 86_400_000)).toBe(row.codes);
      if (new Set(seen).size > 1) changes.set(key, seen);
    }
    // Its notes came after the technician's last device sync, which turns stale a day after that sync.
    expect(changes.get(crafted)).toEqual([
      'AWAITING_RESOLUTION TRANSCRIPT_PENDING NOTES_NOT_ON_DEVICE_YET',
      'RESOLUTION_OVERDUE TRANSCRIPT_PENDING NOTES_NOT_ON_DEVICE_YET',
      'RESOLUTION_OVERDUE NOTES_NOT_ON_DEVICE_YET NO_TRANSCRIPTS',
      'RESOLUTION_OVERDUE NOTES_NOT_ON_DEVICE_YET DEVICE_SYNC_STALE NO_TRANSCRIPTS',
    ]);
    expect(changes.size).toBeGreaterThan(1);
  });

  test('a pass that changed nothing refreshes the rows whose instant has come, and only those', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const { mirror, handle: reader } = await diagnosedMirror({ openSandbox, openMirror, defer }, 400);
    const first = rowsWithInstant(mirror.store)[0];
    if (!first) throw new Error('no verdict in the sandbox changes with time');
    const at = Date.parse(first.changesAt);
    // Recomputed a minute before the instant, so the next full recompute is nine minutes after it.
    const { cache } = recomputeAllVerdicts(mirror.store, at - 60_000, settings);
    const before = rowsWithInstant(mirror.store);
    const quiet: PassChanges = { touched: new Set(), references: NO_REFERENCES };
    expect(planVerdictUpdate(cache, mirror.store, at - 1, settings, quiet)).toEqual({
      kind: 'some',
      keys: new Set(),
      referencesChanged: false,
    });
    const plan = planVerdictUpdate(cache, mirror.store, at, settings, quiet);
    if (plan.kind !== 'some') throw new Error('expected a partial refresh');
    const due = before.filter((row) => Date.parse(row.changesAt) <= at);
    expect([...plan.keys].sort()).toEqual(due.map((row) => row.key).sort());
    refreshVerdicts(mirror.store, at, settings, plan, cache);
    const rowOf = mirror.store.db.prepare(
      'SELECT state, codes, changes_at AS changesAt FROM appointment_list WHERE key = ?',
    );
    let changed = 0;
    for (const { key, state } of due) {
      const { verdict } = appointmentDetail(reader, key, at, settings, []);
      const row = rowOf.get(key) as { state: string; codes: string; changesAt: string | null };
      expect({ state: row.state, codes: row.codes }).toEqual({ state: verdict.state, codes: verdict.codes.join(' ') });
      if (row.changesAt !== null) expect(Date.parse(row.changesAt)).toBeGreaterThan(at);
      if (row.state !== state) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    expectCountsKept(mirror.store);
  });
});
