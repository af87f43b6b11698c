import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'XOi Console';

/**
 * Where the console keeps its data (profiles, settings, mirror databases) when Electron's own
 * `app.getPath('userData')` is not available: the same folder Electron would use on each platform.
 * `XOI_CONSOLE_DATA_DIR` overrides it (tests give every run a fresh folder).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.XOI_CONSOLE_DATA_DIR) return env.XOI_CONSOLE_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/** The log folder electron-log uses on each platform, for the hosts that run without Electron. */
export function defaultLogDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.XOI_CONSOLE_DATA_DIR) return path.join(env.XOI_CONSOLE_DATA_DIR, 'logs');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Logs', APP_FOLDER_NAME);
  return path.join(defaultDataDir(env, platform), 'logs');
}
