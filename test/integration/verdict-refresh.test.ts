import { describe, expect, it } from 'vitest';
import {
  needsFullRecompute,
  recomputeAllVerdicts,
  refreshVerdicts,
} from '../../electron/engine/diagnosis/recompute-verdicts';
import { verdictSettingsFrom } from '../../electron/engine/diagnosis/verdict-settings';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/contract/profiles';
import { createRng } from '../../electron/sandbox/rng';
import { mutateWorld } from '../../electron/sandbox/world/mutate';
import { mirrorHarness } from '../support/mirror-harness';
import { FIXED_NOW, testSandbox } from '../support/sandbox';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);

describe('refreshing only the changed verdicts', () => {
  it('gives the same verdicts as recomputing them all', async () => {
    const sandbox = await testSandbox({ appointments: 400 });
    let lastPass: { touched: ReadonlySet<string>; referencesChanged: boolean } | null = null;
    const mirror = mirrorHarness(sandbox, { afterPass: (pass) => void (lastPass = pass) });
    try {
      await mirror.poller.syncNow();
      const { cache } = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
      const changes = mutateWorld(sandbox.world, 60, createRng(4), FIXED_NOW);
      expect(changes.updated + changes.deleted + changes.notesAdded).toBe(60);
      await mirror.poller.syncNow();
      const pass = lastPass as unknown as { touched: ReadonlySet<string>; referencesChanged: boolean };
      expect(pass.referencesChanged).toBe(false);
      expect(pass.touched.size).toBeGreaterThan(0);
      expect(pass.touched.size).toBeLessThanOrEqual(60);
      expect(needsFullRecompute(cache, mirror.store, FIXED_NOW, settings, pass)).toBe(false);
      const refreshed = refreshVerdicts(mirror.store, FIXED_NOW, settings, pass.touched, cache);
      expect(refreshed).toBe(pass.touched.size - changes.deleted);
      const rows = () =>
        mirror.store.db
          .prepare(
            'SELECT appointment_key, state, codes, summary, notes_mask, transcripts, search_text FROM verdicts ORDER BY appointment_key',
          )
          .all();
      const partial = rows();
      recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
      expect(partial).toEqual(rows());
      expect(partial).toHaveLength(sandbox.world.appointments.size);
    } finally {
      await mirror.close();
      await sandbox.close();
    }
  });

  it('recomputes everything when time has moved on, the settings changed or many rows changed', async () => {
    const sandbox = await testSandbox({ appointments: 50 });
    const mirror = mirrorHarness(sandbox);
    try {
      await mirror.poller.syncNow();
      const { cache } = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
      const small = { touched: new Set(['TWO/SC1/001']), referencesChanged: false };
      expect(needsFullRecompute(cache, mirror.store, FIXED_NOW + 11 * 60_000, settings, small)).toBe(true);
      expect(needsFullRecompute(cache, mirror.store, FIXED_NOW, { ...settings, pollDelayMs: 1 }, small)).toBe(true);
      expect(
        needsFullRecompute(cache, mirror.store, FIXED_NOW, settings, {
          touched: new Set(Array.from({ length: 2001 }, (_, i) => `K/${i}/1`)),
          referencesChanged: false,
        }),
      ).toBe(true);
      expect(needsFullRecompute(cache, mirror.store, FIXED_NOW, settings, { ...small, referencesChanged: true })).toBe(
        true,
      );
      expect(needsFullRecompute(null, mirror.store, FIXED_NOW, settings, small)).toBe(true);
    } finally {
      await mirror.close();
      await sandbox.close();
    }
  });
});
