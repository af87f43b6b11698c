import { ConsoleError } from '../../../shared/errors';
import { ScheduleError } from '../schedule/errors';

export type SyncProblemKind = 'unreachable' | 'login-rejected' | 'server-error' | 'malformed' | 'storage' | 'internal';

export interface SyncProblem {
  kind: SyncProblemKind;
  code: string;
  message: string;
  nextStep: string;
  retryable: boolean;
  retryAfterMs?: number;
}

const UNREACHABLE = new Set([
  'DNS_NOT_FOUND',
  'CONNECTION_REFUSED',
  'SERVER_UNREACHABLE',
  'TLS_FAILURE',
  'TIMEOUT',
  'CONNECTION_RESET',
  'BAD_URL',
  'NOT_SCHEDULE_API',
]);

/**
 * The poller tells four failures apart, each with its own code and sentence: the server cannot be reached, the
 * login was rejected (stop and ask, never retry forever), the server failed, or it answered something unreadable.
 */
export function classifySyncError(error: unknown): SyncProblem {
  if (error instanceof ScheduleError) {
    const detail = `${error.message} ${error.nextStep ?? ''}`.trim();
    if (error.code === 'AUTH_REJECTED' || error.code === 'FORBIDDEN') {
      return {
        kind: 'login-rejected',
        code: 'SYNC_LOGIN_REJECTED',
        message: `The Schedule server rejected the console's login, so syncing stopped. (${error.message})`,
        nextStep: 'Enter the administrator password again in Settings (or the profile), then choose Sync now.',
        retryable: false,
      };
    }
    if (UNREACHABLE.has(error.code)) {
      return {
        kind: 'unreachable',
        code: 'SYNC_SERVER_UNREACHABLE',
        message: `The Schedule server cannot be reached. ${error.message}`,
        nextStep: `${error.nextStep ?? 'Check the network.'} The console keeps trying, waiting longer each time.`,
        retryable: error.code !== 'BAD_URL',
      };
    }
    if (error.code === 'MALFORMED_RESPONSE') {
      return {
        kind: 'malformed',
        code: 'SYNC_MALFORMED_RESPONSE',
        message: `The Schedule server sent something the console cannot read. ${error.message}`,
        nextStep: error.retryable
          ? 'The console tries again; if this keeps happening, send the log (Help > Open logs folder) to support.'
          : 'Syncing is paused until this is fixed: check that the server runs a supported Schedule version, then choose Sync now. Send the log (Help > Open logs folder) to support.',
        // A garbled answer is passing; one that breaks the contract is not, and parks the poller.
        retryable: error.retryable,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      };
    }
    return {
      kind: 'server-error',
      code: 'SYNC_SERVER_ERROR',
      message: `The Schedule server had a problem. ${detail}`,
      nextStep: 'The console tries again by itself, waiting longer each time (or as long as the server asks).',
      retryable: error.retryable || error.code === 'CURSOR_EXPIRED',
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
  }
  if (error instanceof ConsoleError && error.code === 'SECRET_BOUND_ELSEWHERE') {
    return {
      kind: 'login-rejected',
      code: error.code,
      message: error.message,
      nextStep: error.nextStep ?? '',
      retryable: false,
    };
  }
  if (error instanceof ConsoleError) {
    return {
      kind: 'storage',
      code: error.code,
      message: error.message,
      nextStep: error.nextStep ?? 'Try again.',
      retryable: true,
    };
  }
  const sqliteCode = (error as { code?: unknown })?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) {
    const full = sqliteCode === 'SQLITE_FULL';
    return {
      kind: 'storage',
      code: 'MIRROR_WRITE_FAILED',
      message: full
        ? 'The disk is full, so the mirror could not be written. Nothing was changed.'
        : `The mirror database could not be written (${sqliteCode}). Nothing was changed.`,
      nextStep: full
        ? 'Free some disk space; the console tries again by itself.'
        : 'Check the data folder; the console tries again by itself. If this lasts, rebuild the mirror in Settings.',
      retryable: true,
    };
  }
  return {
    kind: 'internal',
    code: 'SYNC_INTERNAL_ERROR',
    message: 'The sync stopped on an unexpected error.',
    nextStep: 'The console tries again; if it keeps happening, send the log to support.',
    retryable: true,
  };
}

/** A pass the watchdog stopped: recorded, shown, and tried again with backoff. */
export function stallProblem(quietMs: number): SyncProblem {
  const minutes = Math.max(1, Math.round(quietMs / 60_000));
  return {
    kind: 'server-error',
    code: 'SYNC_STALLED',
    message: `The sync made no progress for ${minutes} minute${minutes === 1 ? '' : 's'} (no answer from the Schedule server), so it was stopped.`,
    nextStep:
      'Nothing to do: the console tries again by itself. If this keeps happening, check the Schedule server and the network between here and it.',
    retryable: true,
  };
}
