/** Why an HTTP exchange produced no usable response, as far as the network layer can tell. */
export type TransportFailureKind =
  | 'bad-url'
  | 'blocked-port'
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'reset'
  | 'truncated'
  | 'too-large'
  | 'aborted';

export class TransportFailure extends Error {
  readonly kind: TransportFailureKind;
  readonly detail: string;

  constructor(kind: TransportFailureKind, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'TransportFailure';
    this.kind = kind;
    this.detail = detail;
  }
}

const TLS_CODES = /^(CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|ERR_OSSL|HOSTNAME_MISMATCH)/;

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns whatever fetch threw into one of the kinds above. */
export function classifyFetchError(error: unknown, phase: 'connect' | 'body'): TransportFailure {
  if (error instanceof TransportFailure) return error;
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError') return new TransportFailure('timeout', 'no answer in time');
  if (name === 'AbortError') return new TransportFailure('aborted', 'the request was cancelled');
  // Fetch refuses ports that belong to other protocols (1, 22, 25, 6000...) before connecting: a mistyped port.
  if ((error as { cause?: { message?: unknown } })?.cause?.message === 'bad port')
    return new TransportFailure('blocked-port', 'a port reserved for another protocol');
  const code = errorCode(error) ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return new TransportFailure('dns', code);
  if (code === 'ECONNREFUSED') return new TransportFailure('refused', code);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return new TransportFailure('unreachable', code);
  if (TLS_CODES.test(code)) return new TransportFailure('tls', code);
  if (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'ETIMEDOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return new TransportFailure('timeout', code);
  }
  if (phase === 'body') return new TransportFailure('truncated', code || 'the body ended early');
  return new TransportFailure('reset', code || (error instanceof Error ? error.message : 'connection failed'));
}
