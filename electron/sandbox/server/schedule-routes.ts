import type { IncomingMessage } from 'node:http';
import { appointmentKeyString, keyFields } from '../../../shared/domain/appointment-key';
import { CONTRACT_VERSION, newNoteSchema, PRODUCT_NAME, type FeedName } from '../../engine/schedule/contract';
import { iso, type SandboxClock } from '../clock';
import type { FeedEntry } from '../world/feed-store';
import type { SandboxWorld } from '../world/world';
import { basicCredentials, json, readJsonBody, scheduleError, versioned, type RouteResult } from './http-kit';
import { decodeComponent } from '../../../shared/server-url';

type Caller = 'admin' | 'integration';

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 1000;

export interface ScheduleRoutesDeps {
  world: SandboxWorld;
  clock: SandboxClock;
}

function authenticate(request: IncomingMessage, deps: ScheduleRoutesDeps): Caller | RouteResult {
  const credentials = basicCredentials(request);
  if (!credentials)
    return scheduleError(401, 'AUTH_REQUIRED', 'Sign in with a Schedule user name and password (HTTP Basic).', {
      'WWW-Authenticate': 'Basic realm="Schedule"',
    });
  const { world, clock } = deps;
  if (world.checkAdmin(credentials.userName, credentials.password)) return 'admin';
  if (credentials.userName === world.integration.userName) {
    const ok = world.checkIntegrationUser(credentials.userName, credentials.password);
    world.recordIntegrationCall(
      clock.now(),
      ok,
      world.integration.hiddenUserExists ? 'wrong password' : 'integration user does not exist',
    );
    if (ok) return 'integration';
  }
  return scheduleError(401, 'AUTH_REJECTED', 'The user name or password is not valid.', {
    'WWW-Authenticate': 'Basic realm="Schedule"',
  });
}

function parseCursor(world: SandboxWorld, raw: string | null): number | RouteResult {
  if (raw === null || raw === '') return 0;
  const match = /^([A-Za-z0-9-]+)\.(\d+)$/.exec(raw);
  if (!match) return scheduleError(400, 'BAD_CURSOR', 'The cursor is not one this server issued.');
  const version = Number(match[2]);
  if (match[1] !== world.epoch || version > world.currentVersion) {
    return scheduleError(
      410,
      'CURSOR_EXPIRED',
      'The cursor belongs to an earlier state of this server; start again without a cursor.',
    );
  }
  return version;
}

function feedPage(world: SandboxWorld, feed: FeedName, after: number, limit: number): RouteResult {
  const cursor = (version: number) => `${world.epoch}.${version}`;
  const page = (() => {
    switch (feed) {
      case 'appointments': {
        const result = world.appointments.page(after, limit);
        return {
          ...result,
          items: result.entries.map((entry) =>
            entry.value === null
              ? { kind: 'delete', version: entry.version, key: keyFromId(entry) }
              : { kind: 'upsert', version: entry.version, appointment: entry.value },
          ),
        };
      }
      case 'notes': {
        const result = world.notes.page(after, limit);
        return {
          ...result,
          items: result.entries.map((entry) =>
            entry.value === null
              ? { kind: 'delete', version: entry.version, id: entry.id }
              : { kind: 'upsert', version: entry.version, note: entry.value },
          ),
        };
      }
      case 'history': {
        const result = world.history.page(after, limit);
        return {
          ...result,
          items: result.entries
            .filter((entry) => entry.value !== null)
            .map((entry) => ({ kind: 'upsert', version: entry.version, entry: entry.value })),
        };
      }
    }
  })();
  return json(200, {
    items: page.items,
    nextCursor: cursor(page.lastVersion),
    hasMore: page.hasMore,
    remaining: page.remaining,
  });
}

function keyFromId(entry: FeedEntry<unknown>) {
  return keyFields(entry.id);
}

/** Schedule API contract v1, as the sandbox serves it (docs/schedule-api-v1.md). */
export async function scheduleRoute(
  request: IncomingMessage,
  url: URL,
  deps: ScheduleRoutesDeps,
): Promise<RouteResult | null> {
  const { world, clock } = deps;
  const method = request.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.startsWith('/v1/')) return null;
  if (path === '/v1/ping' && method === 'GET') {
    return json(200, {
      product: PRODUCT_NAME,
      contractVersion: CONTRACT_VERSION,
      scheduleVersion: world.system.scheduleVersion,
    });
  }
  const caller = authenticate(request, deps);
  if (typeof caller !== 'string') return caller;
  const adminOnly = () =>
    caller === 'admin' ? null : scheduleError(403, 'FORBIDDEN', 'This needs a Schedule Administrator.');

  if (method === 'GET' && path === '/v1/system') {
    return json(200, { ...world.system, serverTime: iso(clock.now()) });
  }
  if (method === 'GET' && path === '/v1/companies') return versioned(request, { items: world.companies });
  if (method === 'GET' && path === '/v1/technicians')
    return versioned(request, { items: [...world.technicians.values()] });
  if (method === 'GET' && path === '/v1/statuses') return versioned(request, { items: world.statuses });
  if (method === 'GET' && path === '/v1/integrations/xoi') {
    return (
      adminOnly() ??
      json(200, {
        userName: world.integration.userName,
        apiUrl: world.integration.apiUrl,
        signatureVersion: world.system.signatureVersion,
        configured: world.integrationConfigured,
        passwordSetAt: world.integration.passwordSetAt === null ? null : iso(world.integration.passwordSetAt),
        hiddenUserExists: world.integration.hiddenUserExists,
        hiddenRoleCount: world.integration.hiddenRoles.length,
        passwordMaxLength: world.integration.passwordMaxLength,
      })
    );
  }
  if (method === 'PUT' && path === '/v1/integrations/xoi/password') {
    const denied = adminOnly();
    if (denied) return denied;
    if (!world.system.seeRegistered)
      return scheduleError(
        409,
        'SEE_NOT_REGISTERED',
        'The See feature is not registered for MobileTech, so the XOi Integration Setup is not available.',
      );
    const body = await readJsonBody(request);
    if (!body.ok) return scheduleError(400, 'BAD_REQUEST', body.message);
    const password = (body.value as { password?: unknown } | undefined)?.password;
    if (typeof password !== 'string') return scheduleError(422, 'PASSWORD_REJECTED', 'password: expected a string.');
    if (password.trim() === '')
      return scheduleError(422, 'PASSWORD_REJECTED', 'password: must not be empty or only spaces.');
    if (password.length > world.integration.passwordMaxLength)
      return scheduleError(
        422,
        'PASSWORD_REJECTED',
        `password: must be at most ${world.integration.passwordMaxLength} characters.`,
      );
    const at = clock.now();
    const created = world.setIntegrationPassword(password, at);
    return json(200, {
      createdUser: created.createdUser,
      createdRoles: created.createdRoles,
      passwordSetAt: iso(at),
      configured: true,
    });
  }
  if (method === 'GET' && path === '/v1/integrations/xoi/activity') {
    return (
      adminOnly() ??
      json(200, {
        lastCallAt: world.activity.lastCallAt === null ? null : iso(world.activity.lastCallAt),
        lastCallResult: world.activity.lastCallResult,
        authFailures: world.activity.authFailures.map((failure) => ({ at: iso(failure.at), reason: failure.reason })),
      })
    );
  }
  if (method === 'GET' && path === '/v1/users') {
    return adminOnly() ?? json(200, { items: world.ordinaryUsers });
  }
  if (method === 'GET' && path === '/v1/roles') {
    return (
      adminOnly() ??
      json(200, {
        items: world.ordinaryRoles.map((role) => ({
          ...role,
          userCount: world.ordinaryUsers.filter((user) => user.role === role.name).length,
        })),
      })
    );
  }
  const feed = /^\/v1\/(appointments|notes|history)\/changes$/.exec(path);
  if (method === 'GET' && feed) {
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      return scheduleError(400, 'BAD_REQUEST', `limit: must be a whole number from 1 to ${MAX_LIMIT}.`);
    const after = parseCursor(world, url.searchParams.get('after'));
    if (typeof after !== 'number') return after;
    return feedPage(world, feed[1] as FeedName, after, limit);
  }
  const item = /^\/v1\/appointments\/([^/]+)\/([^/]+)\/([^/]+)\/(history|notes)$/.exec(path);
  if (item) {
    const [company, serviceCall, appointmentId] = [item[1], item[2], item[3]].map((part) =>
      decodeComponent(part ?? ''),
    );
    if (company === null || serviceCall === null || appointmentId === null)
      return scheduleError(400, 'BAD_REQUEST', 'The appointment key in the path is not valid percent-encoding.');
    const key = appointmentKeyString({
      company: company ?? '',
      serviceCall: serviceCall ?? '',
      appointment: appointmentId ?? '',
    });
    const appointment = world.getAppointment(key);
    if (!appointment) return scheduleError(404, 'NOT_FOUND', `There is no appointment ${key}.`);
    if (item[4] === 'history' && method === 'GET') {
      return json(200, { items: [...world.history.values()].filter((entry) => appointmentKeyString(entry) === key) });
    }
    if (item[4] === 'notes' && method === 'POST') {
      if (caller === 'integration' && !world.system.xoiEnabledInMobileTechAdmin) {
        return scheduleError(403, 'XOI_DISABLED', 'XOi Deep Linking is not enabled in MobileTech Admin.');
      }
      const body = await readJsonBody(request);
      if (!body.ok) return scheduleError(400, 'BAD_REQUEST', body.message);
      const parsed = newNoteSchema.safeParse(body.value);
      if (!parsed.success) return scheduleError(422, 'BAD_REQUEST', 'The note needs name, text, url and internal.');
      const note = world.addNote({
        company: appointment.company,
        serviceCall: appointment.serviceCall,
        appointment: appointment.appointment,
        ...parsed.data,
        readOnly: caller === 'integration',
        createdAt: iso(clock.now()),
        author: caller === 'integration' ? 'XOi Vision' : world.adminUserName,
      });
      return json(201, note);
    }
  }
  return scheduleError(404, 'NOT_FOUND', `No such endpoint: ${method} ${path}.`);
}
