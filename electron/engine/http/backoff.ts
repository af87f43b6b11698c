/**
 * Exponential backoff with full jitter (a uniformly random wait between 0 and the capped exponential), so many
 * consoles failing at once do not retry in step. A server's Retry-After wins when it gives one.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 5 * 60_000 };

export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), policy.capMs * 6);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * How many times the requests of one sync pass may be sent again, in all: a pass against a server that fails most of
 * the time ends (and the poller waits longer) instead of hammering it.
 */
export class RetryBudget {
  private used = 0;
  constructor(readonly limit: number) {}

  /** Takes one retry; false when none are left. */
  take(): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  get spent(): number {
    return this.used;
  }
}

/** Retries of one request inside a pass: how long to wait, how many tries, and the longest wait worth taking. */
export interface RequestRetryPolicy extends BackoffPolicy {
  maxAttempts: number;
  /** A server asking to wait longer than this ends the pass; the poller then waits as long as asked. */
  maxWaitMs: number;
}

export const DEFAULT_REQUEST_RETRY: RequestRetryPolicy = {
  baseMs: 250,
  capMs: 8_000,
  maxAttempts: 12,
  maxWaitMs: 30_000,
};

/** What a client needs to retry idempotent requests inside a pass. Time is injected: tests never sleep. */
export interface RequestRetry {
  budget: RetryBudget;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  policy?: RequestRetryPolicy;
}

/** A real sleep that ends early (rejecting) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
