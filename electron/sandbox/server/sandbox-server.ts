import http from 'node:http';
import type { SandboxClock } from '../clock';
import type { FaultInjector } from '../faults';
import type { SandboxWorld } from '../world/world';
import { controlRoute } from './control-routes';
import { deliver, json, scheduleError } from './http-kit';
import { scheduleRoute } from './schedule-routes';
import { XoiApi } from './xoi-api';

export interface SandboxServerDeps {
  world: SandboxWorld;
  clock: SandboxClock;
  faults: FaultInjector;
  /** One polling cycle of the simulated XOi now (null without an agent): the sandbox's fast-forward control. */
  pollXoi: () => Promise<unknown>;
  onError?: (error: unknown) => void;
}

/** One loopback HTTP server: the Schedule API (/v1), XOi's API (/xoi) and the sandbox controls (/sandbox). */
export function createSandboxServer(deps: SandboxServerDeps): http.Server {
  const xoi = new XoiApi(deps.world, deps.clock);
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    void (async () => {
      const control = await controlRoute(request, url, deps);
      if (control) return deliver(response, control, null);
      const fault = deps.faults.active ? deps.faults.decide(url.pathname) : { latencyMs: 0, kind: null };
      if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault.kind === 'reset') {
        request.socket.destroy();
        return;
      }
      if (fault.kind === '5xx')
        return deliver(
          response,
          scheduleError(503, 'SERVICE_UNAVAILABLE', 'The server is temporarily unavailable.'),
          null,
        );
      if (fault.kind === '429')
        return deliver(
          response,
          scheduleError(429, 'RATE_LIMITED', 'Too many requests.', { 'Retry-After': '1' }),
          null,
        );
      if (fault.kind === '429date') {
        return deliver(
          response,
          scheduleError(429, 'RATE_LIMITED', 'Too many requests.', {
            'Retry-After': new Date(Date.now() + 2000).toUTCString(),
          }),
          null,
        );
      }
      const result =
        (await scheduleRoute(request, url, deps)) ??
        (await xoi.route(request, url)) ??
        json(404, { error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
      deliver(response, result, fault.kind);
    })().catch((error: unknown) => {
      deps.onError?.(error);
      if (!response.headersSent)
        deliver(response, scheduleError(500, 'SERVER_ERROR', 'The sandbox failed to answer.'), null);
      else response.destroy();
    });
  });
}
