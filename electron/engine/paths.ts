import { accessSync, chmodSync, closeSync, constants, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConsoleError } from '../../shared/errors';
import { clip } from '../../shared/validation';

export const APP_FOLDER_NAME = 'XOi Console';

/** An environment variable, where an empty value counts as unset. */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Where the console keeps its data (profiles, settings, mirror databases) when Electron's own
 * `app.getPath('userData')` is not available: the same folder Electron would use on each platform.
 * `XOI_CONSOLE_DATA_DIR` overrides it (tests give every run a fresh folder).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const override = setting(env, 'XOI_CONSOLE_DATA_DIR');
  if (override) return override;
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(setting(env, 'APPDATA') ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(setting(env, 'XDG_CONFIG_HOME') ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/** The log folder electron-log uses on each platform, for the hosts that run without Electron. */
export function defaultLogDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const override = setting(env, 'XOI_CONSOLE_DATA_DIR');
  if (override) return path.join(override, 'logs');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Logs', APP_FOLDER_NAME);
  return path.join(defaultDataDir(env, platform), 'logs');
}

const POSIX = process.platform !== 'win32';

/** A folder only this user can open (0700 on POSIX), created if missing and tightened if it was wider. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

/** chmod on POSIX; a folder or file this user does not own is left as it is (only its owner may change it). */
function tighten(target: string, mode: number): void {
  if (!POSIX) return;
  try {
    chmodSync(target, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** A file only this user can read (0600 on POSIX), created empty if missing and tightened if it was wider. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  tighten(file, 0o600);
}

/** Whether a file system error means "this place cannot be written", as opposed to a fault. */
export function isReadOnlyError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

/**
 * Makes sure the data folder can hold the console's data: it is a folder (or can be made one), private, and
 * writable. Otherwise one sentence says what is wrong, before anything is started.
 */
export function prepareDataDir(dir: string): void {
  const shown = clip(dir);
  let info;
  try {
    info = statSync(dir);
  } catch {
    info = null;
  }
  if (info && !info.isDirectory()) {
    throw new ConsoleError(
      'DATA_DIR_UNUSABLE',
      `The data folder ${shown} is a file, not a folder.`,
      'Choose a folder (--data-dir DIR), or remove the file.',
    );
  }
  try {
    ensurePrivateDir(dir);
    accessSync(dir, constants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    closeSync(openSync(probe, 'w', 0o600));
    rmSync(probe, { force: true });
  } catch (error) {
    if (isReadOnlyError(error)) {
      throw new ConsoleError(
        'DATA_DIR_UNUSABLE',
        `The data folder ${shown} cannot be written (it is read-only for this user).`,
        'Choose a writable folder (--data-dir DIR), or give this user write access to it.',
      );
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConsoleError(
      'DATA_DIR_UNUSABLE',
      `The data folder ${shown} cannot be used (${code}).`,
      'Choose another folder (--data-dir DIR).',
    );
  }
}
