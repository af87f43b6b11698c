import { clip } from '../../../shared/validation';
import { ConsoleError } from '../../../shared/errors';
import { sanitizeServerText } from '../http/http-request';
import type { TransportFailure } from '../http/transport-failure';

export class XoiError extends ConsoleError {
  readonly retryable: boolean;
  constructor(code: string, message: string, nextStep: string, retryable = false) {
    super(code, message, nextStep);
    this.name = 'XoiError';
    this.retryable = retryable;
  }
}

export function xoiTransportError(failure: TransportFailure, url: string): XoiError {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    return new XoiError(
      'XOI_BAD_URL',
      `The XOi address "${clip(url)}" is not a valid http(s) URL.`,
      'Choose the Test or Production endpoints, or correct the custom URL.',
    );
  }
  if (failure.kind === 'bad-url' || failure.kind === 'blocked-port')
    return new XoiError(
      'XOI_BAD_URL',
      `The XOi address "${clip(url)}" is not a valid http(s) URL.`,
      'Choose the Test or Production endpoints, or correct the custom URL.',
    );
  if (failure.kind === 'tls')
    return new XoiError(
      'XOI_TLS_FAILURE',
      `The secure connection to ${host} failed (${failure.detail}).`,
      'Check the address; a proxy may be intercepting TLS.',
    );
  if (failure.kind === 'truncated' || failure.kind === 'too-large')
    return new XoiError(
      'XOI_MALFORMED_RESPONSE',
      `XOi's answer from ${host} was cut off or too large.`,
      'Try again later.',
      true,
    );
  return new XoiError(
    'XOI_UNREACHABLE',
    `XOi's API at ${host} cannot be reached (${failure.kind}).`,
    'Check the internet connection and proxy settings of this computer, then check again.',
    true,
  );
}

export function keyRejected(): XoiError {
  return new XoiError(
    'XOI_KEY_REJECTED',
    'XOi rejected the API key and secret.',
    'Check the key and secret XOi issued (and that they are for the chosen environment: Test or Production).',
  );
}

export function graphqlError(message: string): XoiError {
  return new XoiError(
    'XOI_GRAPHQL_ERROR',
    `XOi answered with an error: ${sanitizeServerText(message, 200)}`,
    'Check again later; if it persists, contact XOi support with this message.',
  );
}

export function malformed(detail: string): XoiError {
  return new XoiError(
    'XOI_MALFORMED_RESPONSE',
    `XOi's answer could not be read (${sanitizeServerText(detail, 160)}).`,
    'Check the endpoint URLs; if they are right, try again later.',
    true,
  );
}
