import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleError } from '../../shared';
import { PendingRequests, RpcClient, serveRpc, type RpcPort } from '../../electron/engine/rpc';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const due: Array<() => void> = [];
  return {
    timers: { setTimeout: (callback: () => void) => due.push(callback), clearTimeout: () => {} },
    fire: () => due.splice(0).forEach((callback) => callback()),
  };
}

/** A MessagePort as the RPC sees a worker's port (the same postMessage and 'message' event). */
const asPort = (port: MessageChannel['port1']): RpcPort => port as unknown as RpcPort;

describe('the worker RPC', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => channels.splice(0).forEach((channel) => channel.port1.close()));

  function pair(clock = manualTimers()) {
    const channel = new MessageChannel();
    channels.push(channel);
    let cancelled = false;
    const handlers = {
      add: ({ a, b }: { a: number; b: number }) => a + b,
      fails: () => {
        throw new ConsoleError('MIRROR_CORRUPT', 'The mirror is damaged.', 'Rebuild it.');
      },
      crashes: () => {
        throw new TypeError('boom\nsecond line');
      },
      hangs: (_args: undefined, { signal }: { signal: AbortSignal }) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve((cancelled = true)))),
    };
    const server = serveRpc<{ tick: number }>(asPort(channel.port2), handlers);
    const client = new RpcClient<typeof handlers, { tick: number }>(
      asPort(channel.port1),
      'The test worker',
      1_000,
      clock.timers,
    );
    return { client, server, clock, wasCancelled: () => cancelled };
  }

  it('answers numbered requests with typed results, and pushes events', async () => {
    const { client, server } = pair();
    const ticks: number[] = [];
    client.on('tick', (tick) => ticks.push(tick));
    const [three, seven] = await Promise.all([client.call('add', { a: 1, b: 2 }), client.call('add', { a: 3, b: 4 })]);
    expect([three, seven]).toEqual([3, 7]);
    server.emit('tick', 5);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ticks).toEqual([5]);
  });

  it('carries a ConsoleError across with its code and next step; anything else as one line', async () => {
    const { client } = pair();
    await expect(client.call('fails', undefined)).rejects.toMatchObject({
      code: 'MIRROR_CORRUPT',
      nextStep: 'Rebuild it.',
    });
    await expect(client.call('crashes', undefined)).rejects.toMatchObject({
      code: 'WORKER_FAILED',
      message: 'boom\\nsecond line',
    });
  });

  it('times out on the injected clock, and the worker is told to stop the call', async () => {
    const { client, clock, wasCancelled } = pair();
    const call = client.call('hangs', undefined);
    await new Promise((resolve) => setImmediate(resolve));
    clock.fire();
    await expect(call).rejects.toMatchObject({ code: 'REQUEST_TIMED_OUT' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(wasCancelled()).toBe(true);
    expect(client.waiting).toBe(0);
  });

  it('cancels a call on request, and fails every waiting call when the worker has gone', async () => {
    const { client, wasCancelled } = pair();
    const controller = new AbortController();
    const call = client.call('hangs', undefined, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(wasCancelled()).toBe(true);
    const waiting = client.call('hangs', undefined);
    client.close();
    await expect(waiting).rejects.toMatchObject({ code: 'WORKER_GONE' });
    await expect(client.call('add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'WORKER_GONE' });
  });

  it('settles each pending request once', async () => {
    const pending = new PendingRequests<string, number>(manualTimers().timers);
    const answer = pending.wait('a', 10, () => new Error('late'));
    expect(pending.resolve('a', 1)).toBe(true);
    expect(pending.resolve('a', 2)).toBe(false);
    expect(await answer).toBe(1);
  });
});
