import type { SettingsView } from '../../../../shared/contract/settings';
import { isStatusCategory } from '../../../../shared/domain/statuses';
import { verdictSettingsFrom } from '../../diagnosis/verdict-settings';
import type { Handlers } from '../../dispatch';
import type { ServiceContext } from '../context';

export function settingsHandlers(context: ServiceContext): Pick<Handlers, 'settings.get' | 'settings.save'> {
  const { deps } = context;

  async function view(): Promise<SettingsView> {
    const active = await context.active();
    const profile = deps.profiles.get(active.profile.id);
    let serverStatuses: Array<{ name: string; category: string }> = [];
    try {
      serverStatuses = await active.query('reference.statuses', undefined);
    } catch {
      serverStatuses = [];
    }
    const names = new Set([
      ...serverStatuses.map((status) => status.name),
      ...Object.keys(profile.settings.statusOverrides),
    ]);
    return {
      profileId: profile.id,
      settings: profile.settings,
      statuses: [...names].sort().map((name) => {
        const server = serverStatuses.find((status) => status.name === name)?.category;
        return {
          name,
          serverCategory: server && isStatusCategory(server) ? server : null,
          override: Object.hasOwn(profile.settings.statusOverrides, name)
            ? (profile.settings.statusOverrides[name] ?? null)
            : null,
        };
      }),
      dataFolder: deps.dataDir,
      mirrorFile: active.mirrorFile,
    };
  }

  return {
    'settings.get': view,
    'settings.save': async (settings) => {
      const active = await context.active();
      const saved = deps.profiles.updateSettings(active.profile.id, settings);
      active
        .control()
        .updateSettings(
          { intervalMs: saved.settings.syncIntervalMinutes * 60_000 },
          verdictSettingsFrom(saved.settings, saved.xoi !== null),
        );
      return view();
    },
  };
}
