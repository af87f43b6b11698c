import { recomputeAllVerdicts, verdictSettingsFrom } from '../../electron/engine/diagnosis';
import { openMirrorForReading } from '../../electron/engine/store';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/contract';
import type { Fixtures } from './fixtures';
import { FIXED_NOW } from './sandbox';

/** A sandbox of this many appointments, mirrored once and diagnosed at FIXED_NOW, with a reader on the mirror. */
export async function diagnosedMirror(
  { openSandbox, openMirror, defer }: Pick<Fixtures, 'openSandbox' | 'openMirror' | 'defer'>,
  appointments: number,
) {
  const sandbox = await openSandbox({ appointments });
  const mirror = openMirror(sandbox);
  await mirror.poller.syncNow();
  recomputeAllVerdicts(mirror.store, FIXED_NOW, verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false));
  const handle = openMirrorForReading(mirror.file);
  defer(() => handle.db.close());
  return { sandbox, handle };
}
