import type { Handlers } from '../../dispatch';
import { removeMirrorFiles } from '../../store/open';
import type { ServiceContext } from '../context';

export function syncHandlers(
  context: ServiceContext,
): Pick<Handlers, 'sync.status' | 'sync.now' | 'sync.pause' | 'sync.resume' | 'sync.runs' | 'mirror.rebuild'> {
  return {
    'sync.status': async () => (await context.active()).syncStatus,
    'sync.now': async () => ({ outcome: (await (await context.active()).syncNow()).outcome }),
    'sync.pause': async () => {
      const active = await context.active();
      active.control().pause();
      return { state: 'paused', lastSuccessAt: active.syncStatus.lastSuccessAt };
    },
    'sync.resume': async () => {
      const active = await context.active();
      active.control().resume();
      return active.syncStatus;
    },
    'sync.runs': async ({ limit }) => (await context.active()).query('sync.runs', { limit }),
    'mirror.rebuild': async () => {
      const active = await context.active();
      await active.close();
      removeMirrorFiles(active.mirrorFile);
      context.deps.log.info(`Mirror of ${active.profile.name} rebuilt from the server`);
      await context.reopen();
      return { rebuilt: true as const };
    },
  };
}
