import path from 'node:path';
import log from 'electron-log/node';
import type { Logger } from './logger';
import { redactionHook } from './redaction-hook';
import { ensurePrivateDir, ensurePrivateFile } from '../paths';

export interface NodeLoggerOptions {
  /** Folder for the rotating log file; omit to log to the console only. */
  logDir?: string;
  fileName?: string;
  /** Print to stderr as well (the CLI and web host do; tests do not). */
  console?: boolean;
  level?: 'debug' | 'info' | 'warn' | 'error';
}

/** electron-log under plain Node (CLI, web host, sandbox), with the same redaction hook as Electron main. */
export function createNodeLogger(options: NodeLoggerOptions = {}): Logger {
  const logger = log.create({ logId: `xoi-console-${options.fileName ?? 'node'}` });
  logger.hooks.push(redactionHook);
  if (options.logDir) {
    const file = path.join(options.logDir, options.fileName ?? 'main.log');
    ensurePrivateDir(options.logDir);
    ensurePrivateFile(file);
    logger.transports.file.resolvePathFn = () => file;
    logger.transports.file.maxSize = 5 * 1024 * 1024;
    logger.transports.file.level = options.level ?? 'info';
  } else {
    logger.transports.file.level = false;
  }
  logger.transports.console.level = options.console ? (options.level ?? 'info') : false;
  if (options.console) {
    // Diagnostics go to stderr so that stdout stays machine-readable for the CLI.
    logger.transports.console.writeFn = ({ message }) => {
      process.stderr.write(`${message.data.map(String).join(' ')}\n`);
    };
  }
  return {
    debug: (m, ...d) => logger.debug(m, ...d),
    info: (m, ...d) => logger.info(m, ...d),
    warn: (m, ...d) => logger.warn(m, ...d),
    error: (m, ...d) => logger.error(m, ...d),
  };
}
