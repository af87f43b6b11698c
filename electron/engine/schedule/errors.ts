import { ConsoleError } from '../../../shared/errors';
import type { TransportFailure } from '../http/transport-failure';

export type ScheduleErrorCode =
  | 'BAD_URL'
  | 'DNS_NOT_FOUND'
  | 'CONNECTION_REFUSED'
  | 'SERVER_UNREACHABLE'
  | 'TLS_FAILURE'
  | 'TIMEOUT'
  | 'CONNECTION_RESET'
  | 'NOT_SCHEDULE_API'
  | 'AUTH_REJECTED'
  | 'FORBIDDEN'
  | 'UNSUPPORTED_VERSION'
  | 'SERVER_ERROR'
  | 'RATE_LIMITED'
  | 'MALFORMED_RESPONSE'
  | 'CURSOR_EXPIRED'
  | 'NOT_FOUND'
  | 'REQUEST_REJECTED'
  | 'CANCELLED';

/** A Schedule API failure with its sentence, next step, and whether waiting and retrying can help. */
export class ScheduleError extends ConsoleError {
  declare readonly code: ScheduleErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(
    code: ScheduleErrorCode,
    message: string,
    nextStep: string,
    options: { retryable?: boolean; retryAfterMs?: number; status?: number } = {},
  ) {
    super(code, message, nextStep);
    this.name = 'ScheduleError';
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
}

export function fromTransportFailure(failure: TransportFailure, url: URL | null, timeoutMs: number): ScheduleError {
  const host = url?.host ?? 'the server';
  switch (failure.kind) {
    case 'bad-url':
      return new ScheduleError(
        'BAD_URL',
        'The Schedule API URL is not a valid http or https address.',
        "Enter it as it appears in Schedule's Integrations tab, for example https://schedule.example.com/ScheduleAPI.",
      );
    case 'dns':
      return new ScheduleError(
        'DNS_NOT_FOUND',
        `The server name ${url?.hostname ?? ''} could not be found.`,
        'Check the spelling of the URL, and that this computer is on the network (or VPN) that can see the server.',
        { retryable: true },
      );
    case 'refused':
      return new ScheduleError(
        'CONNECTION_REFUSED',
        `${host} refused the connection.`,
        'Check that the Schedule web service is running and that the port in the URL is right.',
        { retryable: true },
      );
    case 'unreachable':
      return new ScheduleError(
        'SERVER_UNREACHABLE',
        `${host} cannot be reached from this computer.`,
        'Check the network connection, VPN and firewall, then try again.',
        { retryable: true },
      );
    case 'tls':
      return new ScheduleError(
        'TLS_FAILURE',
        `The secure connection to ${host} failed: its certificate is not trusted by this computer (${failure.detail}).`,
        'Check the address; if it is right, ask IT to give the server a certificate this computer trusts.',
      );
    case 'timeout':
      return new ScheduleError(
        'TIMEOUT',
        `${host} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`,
        'Check that the server is up; if it is only slow, the console tries again by itself.',
        { retryable: true },
      );
    case 'reset':
      return new ScheduleError(
        'CONNECTION_RESET',
        `The connection to ${host} was cut off.`,
        'The console tries again by itself; if it keeps happening, check proxies or firewalls between here and the server.',
        { retryable: true },
      );
    case 'truncated':
      return new ScheduleError(
        'MALFORMED_RESPONSE',
        `The answer from ${host} was cut off before it ended.`,
        'The console tries again by itself; if it keeps happening, send the log to support.',
        { retryable: true },
      );
    case 'too-large':
      return new ScheduleError(
        'MALFORMED_RESPONSE',
        `The answer from ${host} was too large to read (${failure.detail}).`,
        'Check the server version; send the log to support.',
        { retryable: false },
      );
    case 'blocked-port':
      return new ScheduleError(
        'BAD_URL',
        `Port ${url?.port || '?'} in the Schedule API URL belongs to another protocol, so the console (like a browser) will not use it.`,
        "Check the port in the URL; it is usually 443 for https (no port written) or the one shown in Schedule's Integrations tab.",
      );
    case 'aborted':
      return new ScheduleError('CANCELLED', 'The request was cancelled.', 'Nothing to do.', { retryable: false });
  }
}
