import { recomputeAllVerdicts, verdictSettingsFrom } from '../../electron/engine/diagnosis';
import type { SandboxWorld } from '../../electron/sandbox';
import { openMirrorForReading } from '../../electron/engine/store';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/contract';
import type { Fixtures } from './fixtures';
import { FIXED_NOW } from './sandbox';

/**
 * A sandbox of this many appointments (first changed by `shape`, if given), mirrored once and diagnosed at FIXED_NOW,
 * with a reader on the mirror; `cache` is what the recompute left for the partial refreshes after it.
 */
export async function diagnosedMirror(
  { openSandbox, openMirror, defer }: Pick<Fixtures, 'openSandbox' | 'openMirror' | 'defer'>,
  appointments: number,
  shape: (world: SandboxWorld) => void = () => undefined,
) {
  const sandbox = await openSandbox({ appointments });
  shape(sandbox.world);
  const mirror = openMirror(sandbox);
  await mirror.poller.syncNow();
  const { cache } = recomputeAllVerdicts(mirror.store, FIXED_NOW, verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false));
  const handle = openMirrorForReading(mirror.file);
  defer(() => handle.db.close());
  return { sandbox, mirror, handle, cache };
}
