import type { AppError } from '../../../shared/contract/result';
import { ConsoleError, isConsoleError } from '../../../shared/errors';
import { messageOf, oneLine } from '../../../shared/validation';
import { PendingRequests, realTimers, RequestTimedOut, type Timers } from './pending-requests';

/** A handler of a worker: its argument, and a signal that aborts when the caller cancels or gives up. */
export type RpcHandler = (args: never, context: { signal: AbortSignal }) => unknown;
export type RpcHandlers = Record<string, RpcHandler>;

type ArgsOf<H extends RpcHandlers, M extends keyof H> = Parameters<H[M]> extends [] ? undefined : Parameters<H[M]>[0];
type ResultOf<H extends RpcHandlers, M extends keyof H> = Awaited<ReturnType<H[M]>>;

/** The messages on the wire between a host and its worker. */
type RpcMessage =
  | { rpc: 'request'; id: number; method: string; args: unknown }
  | { rpc: 'cancel'; id: number }
  | { rpc: 'response'; id: number; ok: true; value: unknown }
  | { rpc: 'response'; id: number; ok: false; error: AppError }
  | { rpc: 'event'; name: string; payload: unknown };

/** What both a Worker (host side) and parentPort (worker side) offer. */
export interface RpcPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

function isRpcMessage(message: unknown): message is RpcMessage {
  return typeof message === 'object' && message !== null && 'rpc' in message;
}

/** The worker went away (it exited, or was stopped) while a call waited. */
export class WorkerGone extends ConsoleError {
  constructor(what: string) {
    super('WORKER_GONE', `${what} has stopped.`, 'Reopen the profile or restart the console.');
  }
}

/**
 * The host's side of a worker: numbered requests, typed results and errors (a ConsoleError thrown in the worker
 * arrives as one, with its code and next step), a timeout per call, cancellation, and events pushed by the worker.
 * In the spirit of Signal Desktop's MainSQL: one mechanism for every worker.
 */
export class RpcClient<H extends RpcHandlers, E extends Record<string, unknown> = Record<string, never>> {
  private nextId = 1;
  private readonly pending: PendingRequests<number, unknown>;
  private readonly listeners = new Map<keyof E, Array<(payload: never) => void>>();
  private closed = false;

  constructor(
    private readonly port: RpcPort,
    private readonly what: string,
    private readonly defaultTimeoutMs: number,
    timers: Timers = realTimers,
  ) {
    this.pending = new PendingRequests(timers);
    port.on('message', (message) => {
      if (!isRpcMessage(message)) return;
      if (message.rpc === 'response') {
        if (message.ok) this.pending.resolve(message.id, message.value);
        else
          this.pending.reject(
            message.id,
            new ConsoleError(message.error.code, message.error.message, message.error.nextStep),
          );
      } else if (message.rpc === 'event') {
        for (const listener of this.listeners.get(message.name as keyof E) ?? []) listener(message.payload as never);
      }
    });
  }

  call<M extends keyof H & string>(
    method: M,
    args: ArgsOf<H, M>,
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<ResultOf<H, M>> {
    if (this.closed) return Promise.reject(new WorkerGone(this.what));
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const cancel = () => this.port.postMessage({ rpc: 'cancel', id } satisfies RpcMessage);
    const answer = this.pending.wait(
      id,
      timeoutMs,
      () => new RequestTimedOut(`${this.what} (${method})`, timeoutMs),
      cancel,
    );
    options.signal?.addEventListener(
      'abort',
      () => {
        cancel();
        this.pending.reject(id, new ConsoleError('CANCELLED', `${method} was cancelled.`, 'Nothing to do.'));
      },
      { once: true },
    );
    this.port.postMessage({ rpc: 'request', id, method, args } satisfies RpcMessage);
    return answer as Promise<ResultOf<H, M>>;
  }

  on<N extends keyof E>(name: N, listener: (payload: E[N]) => void): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as (payload: never) => void);
    this.listeners.set(name, list);
  }

  /** The worker has gone: every waiting call fails with WORKER_GONE. */
  close(): void {
    this.closed = true;
    this.pending.rejectAll(() => new WorkerGone(this.what));
  }

  get waiting(): number {
    return this.pending.size;
  }
}

/** The worker's side: serves the handlers and pushes events. A thrown ConsoleError reaches the caller intact. */
export function serveRpc<E extends Record<string, unknown> = Record<string, never>>(
  port: RpcPort,
  handlers: RpcHandlers,
) {
  const running = new Map<number, AbortController>();
  port.on('message', (message) => {
    if (!isRpcMessage(message)) return;
    if (message.rpc === 'cancel') return running.get(message.id)?.abort(new ConsoleError('CANCELLED', 'Cancelled.'));
    if (message.rpc !== 'request') return;
    const handler = handlers[message.method];
    const respond = (reply: RpcMessage) => {
      running.delete(message.id);
      port.postMessage(reply);
    };
    if (!handler) {
      return respond({
        rpc: 'response',
        id: message.id,
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `No worker method "${message.method}".` },
      });
    }
    const controller = new AbortController();
    running.set(message.id, controller);
    Promise.resolve()
      .then(() => handler(message.args as never, { signal: controller.signal }))
      .then(
        (value) => respond({ rpc: 'response', id: message.id, ok: true, value }),
        (error: unknown) =>
          respond({
            rpc: 'response',
            id: message.id,
            ok: false,
            error: isConsoleError(error)
              ? error.toAppError()
              : { code: 'WORKER_FAILED', message: oneLine(messageOf(error)) },
          }),
      );
  });
  return {
    emit<N extends keyof E & string>(name: N, payload: E[N]): void {
      port.postMessage({ rpc: 'event', name, payload } satisfies RpcMessage);
    },
  };
}
