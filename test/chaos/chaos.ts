import { spawn } from 'node:child_process';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { silentLogger } from '../../electron/engine/logging';
import { createScheduleClient } from '../../electron/engine/schedule';
import { openMirrorForWriting } from '../../electron/engine/store';
import { Poller } from '../../electron/engine/sync';
import { SANDBOX_ADMIN, FAULT_KINDS, createRng, type Rng, startSandbox, mutateWorld } from '../../electron/sandbox';
import { ManualScheduler } from '../support/manual-scheduler';
import { mirrorState, worldState } from '../support/mirror-compare';
import { checkMirrorInvariants } from '../support/mirror-invariants';
import { cliBundle } from '../support/paths';
import { makeTempDir } from '../support/temp-dir';
import { messageOf } from '../../shared';

export interface ChaosStats {
  runs: number;
  kills: number;
  passes: number;
  failedPasses: number;
  serverChanges: number;
  faultsInjected: number;
  failures: Array<{ runSeed: number; problem: string }>;
}

const ROUTES = [
  '/',
  '/v1/appointments/changes',
  '/v1/notes/changes',
  '/v1/history/changes',
  '/v1/system',
  '/v1/technicians',
];

function randomFaults(rng: Rng): string {
  const rules: string[] = [];
  const count = rng.int(1, 3);
  for (let index = 0; index < count; index++) {
    const kind = rng.pick(FAULT_KINDS);
    const route = rng.pick(ROUTES);
    const setting = `${kind}=${rng.between(0.05, 0.35).toFixed(2)}${rng.chance(0.3) ? `,latency=0-${rng.int(1, 15)}` : ''}`;
    rules.push(route === '/' ? setting : `${route}:${setting}`);
  }
  return rules.join(';');
}

/**
 * A mirror process killed after `afterLines` lines of progress, or at `deadlineMs` at the latest: a process waiting
 * between retries prints nothing, and is killed while it waits.
 */
function killedMirror(args: string[], afterLines: number, deadlineMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let lines = 0;
    let killed = false;
    const kill = () => {
      if (!killed && child.exitCode === null) killed = child.kill('SIGKILL');
    };
    if (afterLines === 0) kill();
    const deadline = setTimeout(kill, deadlineMs);
    child.on('exit', () => clearTimeout(deadline));
    child.stderr.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').length - 1;
      if (lines >= afterLines) kill();
    });
    child.on('error', reject);
    child.on('exit', () => resolve(killed));
  });
}

/**
 * One seeded run: a small world, random faults, a random mix of sync passes, killed mirror processes and server-side
 * changes; then the faults stop and one clean pass must leave the mirror equal to the server, its integrity intact.
 */
export async function chaosRun(runSeed: number, stats: ChaosStats): Promise<void> {
  const rng = createRng(runSeed);
  const sandbox = await startSandbox({
    seed: runSeed % 1000,
    appointments: rng.int(20, 90),
    now: Date.parse('2026-03-02T12:00:00Z'),
    xoiAgent: false,
    faults: randomFaults(rng),
  });
  const temp = makeTempDir('xoi-chaos-');
  const file = path.join(temp.dir, 'mirror.db');
  const poller = () => {
    const store = openMirrorForWriting(file);
    return {
      store,
      poller: new Poller({
        store,
        createClient: (pass) =>
          createScheduleClient({ baseUrl: sandbox.url, credentials: { ...SANDBOX_ADMIN }, timeoutMs: 5_000, ...pass }),
        sleep: async () => {},
        scheduler: new ManualScheduler(),
        random: rng.next,
        log: silentLogger,
        settings: { intervalMs: 60_000, pageSize: rng.int(5, 60) },
      }),
    };
  };
  try {
    const steps = rng.int(2, 5);
    for (let step = 0; step < steps; step++) {
      const action = rng.next();
      if (action < 0.4) {
        const killed = await killedMirror(
          ['mirror', '--db', file, '--sandbox', sandbox.url, '--once', '--page-size', String(rng.int(5, 40))],
          rng.int(0, 6),
          rng.int(100, 1_500),
        );
        if (killed) stats.kills++;
      } else if (action < 0.75) {
        const { store, poller: current } = poller();
        const outcome = await current.syncNow();
        await current.stop();
        store.db.close();
        stats.passes++;
        if (outcome.outcome !== 'ok') stats.failedPasses++;
      } else {
        const changed = mutateWorld(sandbox.world, rng.int(1, 15), rng, sandbox.clock.now());
        stats.serverChanges += changed.updated + changed.deleted + changed.notesAdded;
      }
      const problems = checkMirrorInvariants(file, sandbox.world);
      if (problems.length > 0) throw new Error(`after step ${step}: ${problems.slice(0, 3).join('; ')}`);
    }
    stats.faultsInjected += Object.values(sandbox.faults.injected).reduce((sum, count) => sum + count, 0);
    sandbox.faults.configure('');
    const { store, poller: final } = poller();
    const outcome = await final.syncNow();
    await final.stop();
    if (outcome.outcome !== 'ok') throw new Error(`the clean pass failed: ${JSON.stringify(outcome)}`);
    const mine = mirrorState(store);
    const theirs = worldState(sandbox.world);
    store.db.close();
    const different = (Object.keys(theirs) as Array<keyof typeof theirs>).filter(
      (table) => !isDeepStrictEqual(mine[table], theirs[table]),
    );
    if (different.length > 0)
      throw new Error(`after the clean pass the mirror differs from the server in: ${different.join(', ')}`);
    const db = new Database(file, { readonly: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
  } finally {
    await sandbox.close();
    temp.remove();
  }
}

export function runSeedOf(seed: number, index: number): number {
  return (seed + index * 7919) >>> 0;
}

export async function runChaos(options: {
  runs: number;
  seed: number;
  onRun?: (index: number, stats: ChaosStats) => void;
}): Promise<ChaosStats> {
  const stats: ChaosStats = {
    runs: 0,
    kills: 0,
    passes: 0,
    failedPasses: 0,
    serverChanges: 0,
    faultsInjected: 0,
    failures: [],
  };
  for (let index = 0; index < options.runs; index++) {
    const runSeed = runSeedOf(options.seed, index);
    try {
      await chaosRun(runSeed, stats);
    } catch (error) {
      stats.failures.push({ runSeed, problem: messageOf(error) });
    }
    stats.runs++;
    options.onRun?.(index, stats);
  }
  return stats;
}

/** The fault mixes a heavy run is measured under: the issue's heavy mix, and each kind alone at a high rate. */
export const HEAVY_MIXES = [
  '5xx=0.3,429=0.1,reset=0.1,truncate=0.1,malformed=0.1,trickle=0.05,latency=0-50',
  '5xx=0.3',
  '429=0.3',
  '429date=0.3',
  'reset=0.3',
  'truncate=0.3',
  'malformed=0.3',
];

export interface HeavyMixResult {
  mix: string;
  /** `xoi-console mirror --once` runs needed until the mirror equalled the clean server, per seed (null: not in 5). */
  runsNeeded: Array<number | null>;
}

function mirrorOnce(db: string, url: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, 'mirror', '--db', db, '--sandbox', url, '--once'], {
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

/**
 * A 3,000-appointment server under each heavy mix: real `xoi-console mirror --once` processes (with their real
 * waits) are run until the mirror equals the server's clean state; how many runs that took is the figure.
 */
export async function runHeavyMixes(options: {
  seeds: number;
  appointments?: number;
  onResult?: (result: HeavyMixResult) => void;
}): Promise<HeavyMixResult[]> {
  const results: HeavyMixResult[] = [];
  for (const mix of HEAVY_MIXES) {
    const result: HeavyMixResult = { mix, runsNeeded: [] };
    for (let seed = 1; seed <= options.seeds; seed++) {
      const sandbox = await startSandbox({
        seed,
        appointments: options.appointments ?? 3_000,
        now: Date.parse('2026-03-02T12:00:00Z'),
        xoiAgent: false,
        faults: mix,
      });
      const temp = makeTempDir('xoi-heavy-');
      const db = path.join(temp.dir, 'mirror.db');
      try {
        let needed: number | null = null;
        for (let run = 1; run <= 5 && needed === null; run++) {
          const code = await mirrorOnce(db, sandbox.url);
          if (code !== 0) continue;
          const handle = new Database(db, { readonly: true });
          const equal = isDeepStrictEqual(mirrorState({ kind: 'read', db: handle }), worldState(sandbox.world));
          handle.close();
          if (equal) needed = run;
        }
        result.runsNeeded.push(needed);
      } finally {
        await sandbox.close();
        temp.remove();
      }
    }
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}
