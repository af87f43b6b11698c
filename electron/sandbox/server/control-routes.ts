import type { IncomingMessage } from 'node:http';
import { iso, type SandboxClock } from '../clock';
import type { FaultInjector } from '../faults';
import { FaultSpecError } from '../faults';
import type { SandboxWorld } from '../world/world';
import { mutateWorld } from '../world/mutate';
import { createRng } from '../rng';
import { basicCredentials, json, readJsonBody, type RouteResult } from './http-kit';

/**
 * The sandbox's own controls (not part of the Schedule contract), for the admin user: inspect the sandbox, tell the
 * simulated XOi the current integration password (what sending the setup sheet achieves), change the faults.
 */
export async function controlRoute(
  request: IncomingMessage,
  url: URL,
  deps: { world: SandboxWorld; clock: SandboxClock; faults: FaultInjector; pollXoi: () => Promise<unknown> },
): Promise<RouteResult | null> {
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.startsWith('/sandbox/')) return null;
  const credentials = basicCredentials(request);
  if (!credentials || !deps.world.checkAdmin(credentials.userName, credentials.password))
    return json(401, { error: { code: 'AUTH_REJECTED', message: 'Sandbox controls need the sandbox administrator.' } });
  if (request.method === 'GET' && path === '/sandbox/info') {
    return json(200, {
      epoch: deps.world.epoch,
      now: iso(deps.clock.now()),
      appointments: deps.world.appointments.size,
      notes: deps.world.notes.size,
      xoiKnowsCurrentPassword:
        deps.world.xoiKnownPassword !== null &&
        deps.world.checkIntegrationUser(deps.world.integration.userName, deps.world.xoiKnownPassword),
      faultsInjected: deps.faults.injected,
    });
  }
  if (request.method === 'POST' && path === '/sandbox/xoi/learn-password') {
    const body = await readJsonBody(request);
    const password = body.ok ? (body.value as { password?: unknown } | undefined)?.password : undefined;
    if (typeof password !== 'string')
      return json(400, {
        error: { code: 'BAD_REQUEST', message: 'password: expected the integration password XOi was sent.' },
      });
    deps.world.xoiKnownPassword = password;
    return json(200, { learned: true });
  }
  if (request.method === 'POST' && path === '/sandbox/xoi/poll') {
    const report = await deps.pollXoi();
    if (report === null)
      return json(409, { error: { code: 'NO_AGENT', message: 'This sandbox runs without its simulated XOi.' } });
    return json(200, report);
  }
  if (request.method === 'PUT' && path === '/sandbox/faults') {
    const body = await readJsonBody(request);
    const spec = body.ok ? (body.value as { spec?: unknown } | undefined)?.spec : undefined;
    if (typeof spec !== 'string')
      return json(400, {
        error: { code: 'BAD_REQUEST', message: 'spec: expected a fault spec string ("" for none).' },
      });
    try {
      deps.faults.configure(spec);
    } catch (error) {
      if (error instanceof FaultSpecError) return json(400, { error: { code: 'BAD_REQUEST', message: error.message } });
      throw error;
    }
    return json(200, { spec });
  }
  if (request.method === 'POST' && path === '/sandbox/changes') {
    const body = await readJsonBody(request);
    const input = body.ok ? (body.value as { count?: unknown; seed?: unknown } | undefined) : undefined;
    const count = input?.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 100_000)
      return json(400, { error: { code: 'BAD_REQUEST', message: 'count: expected a whole number from 0 to 100000.' } });
    const seed = typeof input?.seed === 'number' ? input.seed : 1;
    return json(200, mutateWorld(deps.world, count, createRng(seed), deps.clock.now()));
  }
  return json(404, { error: { code: 'NOT_FOUND', message: `No such sandbox control: ${path}` } });
}
