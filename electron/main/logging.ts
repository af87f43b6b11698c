import log from 'electron-log/main';
import path from 'node:path';
import type { Logger } from '../engine/logging/logger';
import { ensurePrivateDir, ensurePrivateFile } from '../engine/paths';
import { redactionHook } from '../engine/logging/redaction-hook';

/** electron-log in the main process: rotating file in the platform's log folder, the shared redaction hook. */
export function createMainLogger(): Logger {
  log.hooks.push(redactionHook);
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  // The log folder and file are private to this user, like the rest of the console's data.
  const file = log.transports.file.getFile().path;
  ensurePrivateDir(path.dirname(file));
  ensurePrivateFile(file);
  log.transports.console.level = process.env.NODE_ENV === 'development' ? 'debug' : 'warn';
  log.errorHandler.startCatching({ showDialog: false });
  return {
    debug: (m, ...d) => log.debug(m, ...d),
    info: (m, ...d) => log.info(m, ...d),
    warn: (m, ...d) => log.warn(m, ...d),
    error: (m, ...d) => log.error(m, ...d),
  };
}

export function logFilePath(): string {
  return log.transports.file.getFile().path;
}
