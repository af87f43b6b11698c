import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/chaos';

/** The normal test run's share of the seeded fault run (npm run chaos runs more). */
const RUNS = Math.max(200, Number(process.env.XOI_CHAOS_RUNS ?? 0));
const SEED = Number(process.env.XOI_CHAOS_SEED ?? 20261128);

describe('the seeded fault run', () => {
  it(`keeps the mirror equal to the server with its integrity intact (${RUNS} runs, seed ${SEED})`, async () => {
    const stats = await runChaos({ runs: RUNS, seed: SEED });
    const replay = stats.failures.map(
      (failure) =>
        `run seed ${failure.runSeed}: ${failure.problem} (replay: npm run chaos -- --runs 1 --seed ${failure.runSeed})`,
    );
    expect(replay).toEqual([]);
    expect(stats.runs).toBe(RUNS);
    expect(stats.kills).toBeGreaterThan(RUNS / 4);
    expect(stats.faultsInjected).toBeGreaterThan(RUNS);
    expect(stats.serverChanges).toBeGreaterThan(0);
    console.info(
      `chaos: ${stats.runs} runs, ${stats.kills} kills, ${stats.passes} passes (${stats.failedPasses} failed under faults), ${stats.serverChanges} server-side changes, ${stats.faultsInjected} faults injected, 0 failures`,
    );
  }, 900_000);
});
