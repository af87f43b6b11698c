import { z } from 'zod';
import { appointmentKeyString } from '../../../shared/domain/appointment-key';
import { STATUS_CATEGORIES } from '../../../shared/domain/statuses';
import { CREATED_IN, HISTORY_ACTIONS, isoDateTime } from '../../engine/schedule/contract';
import { DAY } from '../clock';
import { SANDBOX_INTEGRATION_PASSWORD } from '../credentials';
import { createRng } from '../rng';
import { baseWorldInit, DEFAULT_STATUSES, DEFAULT_SYSTEM } from './defaults';
import type { Appointment, StatusEntry } from './types';
import { SandboxWorld } from './world';
import { makeJobId, planVideos, XOI_AUTHOR } from './xoi-timeline';

/**
 * A date-time in a scenario: ISO 8601 with its time zone offset. One written without an offset is refused with a
 * message that says so (the same wall time means different instants in different places).
 */
const dateTime = z.string().superRefine((text, context) => {
  if (isoDateTime.safeParse(text).success) return;
  const withoutOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
  context.addIssue({
    code: 'custom',
    message: withoutOffset
      ? `"${text}" needs a time zone offset: write it like ${text}Z (UTC) or ${text}-05:00`
      : 'expected an ISO 8601 date-time with a time zone offset, like 2026-03-02T12:00:00Z',
  });
});

/** The scenario file format (docs/sandbox.md): an exact world, checked here with errors that name the bad path. */
const id = z
  .string()
  .min(1)
  .max(64)
  .refine((value) => !value.includes('/'), 'must not contain "/"');

const noteInput = z
  .object({
    id: z.string().min(1).max(128).optional(),
    name: z.string().min(1).max(200),
    createdAt: dateTime,
    text: z.string(),
    url: z.string().nullable().optional(),
    internal: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    author: z.string().optional(),
  })
  .strict();

const historyInput = z
  .object({
    at: dateTime,
    action: z.enum(HISTORY_ACTIONS),
    technician: z.string().nullable(),
    status: z.string().min(1),
    taskDate: dateTime.nullable().optional(),
    completedAt: dateTime.nullable().optional(),
    estimatedHours: z.number().min(0).nullable().optional(),
    modifiedBy: z.string().optional(),
  })
  .strict();

const appointmentInput = z
  .object({
    company: id,
    serviceCall: id,
    appointment: id,
    customer: z.string().max(500).optional(),
    status: z.string().min(1),
    technician: z.string().nullable(),
    taskDate: dateTime.nullable(),
    estimatedHours: z.number().min(0).nullable().optional(),
    completedAt: dateTime.nullable(),
    createdIn: z.enum(CREATED_IN),
    createdAt: dateTime.optional(),
    modifiedAt: dateTime,
    notes: z.array(noteInput).optional(),
    history: z.array(historyInput).optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    now: dateTime,
    seed: z.number().int().min(0).optional(),
    system: z
      .object({
        scheduleVersion: z.string().min(1),
        signatureVersion: z.string().min(1),
        mobileTechVersion: z.string().min(1),
        seeRegistered: z.boolean(),
        xoiEnabledInMobileTechAdmin: z.boolean(),
      })
      .strict()
      .optional(),
    companies: z.array(z.object({ id, name: z.string(), active: z.boolean() }).strict()).min(1),
    integration: z
      .object({
        configured: z.boolean(),
        xoiKnowsCurrentPassword: z.boolean().optional(),
        passwordSetAt: dateTime.optional(),
        userName: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    xoiActivity: z
      .object({
        lastPollAt: dateTime.nullable(),
        lastPollResult: z.enum(['ok', 'auth-failed']).nullable(),
        authFailures: z.array(z.object({ at: dateTime, reason: z.string() }).strict()).optional(),
      })
      .strict()
      .optional(),
    technicians: z.array(
      z.object({ id, name: z.string(), email: z.string().nullable(), lastDeviceSyncAt: dateTime.nullable() }).strict(),
    ),
    xoiUsers: z
      .array(
        z
          .object({
            email: z.string().min(1),
            enabled: z.boolean(),
            id: z.string().min(1).optional(),
            givenName: z.string().optional(),
            familyName: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    statuses: z
      .array(z.object({ name: z.string().min(1).max(64), category: z.enum(STATUS_CATEGORIES) }).strict())
      .default([]),
    appointments: z.array(appointmentInput).default([]),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return (
    path.reduce<string>(
      (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      '',
    ) || '(top level)'
  );
}

/** Parses and cross-checks a scenario; the error names the file's bad path and what is allowed. */
export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioError(`${source}: ${issue ? `${pathText(issue.path)}: ${issue.message}` : 'invalid'}`);
  }
  const scenario = parsed.data;
  const fail = (path: string, message: string): never => {
    throw new ScenarioError(`${source}: ${path}: ${message}`);
  };
  const companies = new Set<string>();
  scenario.companies.forEach((company, index) => {
    if (companies.has(company.id)) fail(`companies[${index}].id`, `duplicate company id "${company.id}"`);
    companies.add(company.id);
  });
  const technicians = new Set<string>();
  scenario.technicians.forEach((technician, index) => {
    if (technicians.has(technician.id)) fail(`technicians[${index}].id`, `duplicate technician id "${technician.id}"`);
    technicians.add(technician.id);
  });
  // Status names match without regard to case, as the diagnosis reads them.
  const statuses = new Set(
    [...DEFAULT_STATUSES.map((status) => status.name), ...scenario.statuses.map((status) => status.name)].map((name) =>
      name.toLowerCase(),
    ),
  );
  const keys = new Set<string>();
  scenario.appointments.forEach((appointment, index) => {
    const at = `appointments[${index}]`;
    if (!companies.has(appointment.company))
      fail(`${at}.company`, `unknown company "${appointment.company}" (define it under "companies")`);
    if (appointment.technician !== null && !technicians.has(appointment.technician))
      fail(
        `${at}.technician`,
        `unknown technician "${appointment.technician}" (define it under "technicians", or use null)`,
      );
    if (!statuses.has(appointment.status.toLowerCase()))
      fail(
        `${at}.status`,
        `unknown status "${appointment.status}" (use a built-in status or define it under "statuses")`,
      );
    const key = appointmentKeyString(appointment);
    if (keys.has(key)) fail(at, `duplicate appointment ${key}`);
    keys.add(key);
    appointment.history?.forEach((row, rowIndex) => {
      if (row.technician !== null && !technicians.has(row.technician))
        fail(`${at}.history[${rowIndex}].technician`, `unknown technician "${row.technician}"`);
    });
  });
  return scenario;
}

export interface LoadedScenario {
  world: SandboxWorld;
  now: number;
  seed: number;
}

/** Builds the exact world a scenario describes. */
export function worldFromScenario(scenario: Scenario, apiUrl = 'http://127.0.0.1'): LoadedScenario {
  const now = Date.parse(scenario.now);
  const seed = scenario.seed ?? 1;
  const rng = createRng(seed);
  const statuses: StatusEntry[] = DEFAULT_STATUSES.map((status) => ({ ...status }));
  for (const status of scenario.statuses) {
    const existing = statuses.find((entry) => entry.name === status.name);
    if (existing) existing.category = status.category;
    else statuses.push({ name: status.name, category: status.category, builtIn: false });
  }
  const base = baseWorldInit(apiUrl);
  const world = new SandboxWorld({
    ...base,
    integrationUserName: scenario.integration?.userName ?? base.integrationUserName,
    epoch: `s${seed.toString(16)}-${now.toString(36)}`,
    system: { ...DEFAULT_SYSTEM, ...scenario.system },
    companies: scenario.companies.map((company) => ({ ...company })),
    technicians: scenario.technicians.map((technician) => ({ ...technician })),
    statuses,
    xoiUsers: scenario.xoiUsers.map((user, index) => ({
      id: user.id ?? `usr-${String(index + 1).padStart(4, '0')}`,
      email: user.email,
      enabled: user.enabled,
      givenName: user.givenName ?? user.email.split('@')[0] ?? '',
      familyName: user.familyName ?? '',
    })),
  });

  const integration = scenario.integration ?? { configured: true, xoiKnowsCurrentPassword: true };
  if (integration.configured) {
    world.setIntegrationPassword(
      SANDBOX_INTEGRATION_PASSWORD,
      integration.passwordSetAt ? Date.parse(integration.passwordSetAt) : now - 30 * DAY,
    );
    world.xoiKnownPassword =
      integration.xoiKnowsCurrentPassword === false ? 'a-password-xoi-was-given-earlier' : SANDBOX_INTEGRATION_PASSWORD;
  }
  if (scenario.xoiActivity) {
    const { lastPollAt, lastPollResult, authFailures } = scenario.xoiActivity;
    for (const failure of [...(authFailures ?? [])].reverse())
      world.recordIntegrationCall(Date.parse(failure.at), false, failure.reason);
    if (lastPollAt !== null) world.recordIntegrationCall(Date.parse(lastPollAt), lastPollResult !== 'auth-failed');
  }

  for (const input of scenario.appointments) {
    const { notes, history, ...fields } = input;
    const appointment: Appointment = {
      ...fields,
      customer: fields.customer ?? '',
      estimatedHours: fields.estimatedHours ?? null,
      createdAt: fields.createdAt ?? fields.modifiedAt,
    };
    const key = appointmentKeyString(appointment);
    world.appointments.upsert(key, appointment);
    if (history && history.length > 0) {
      for (const row of history) {
        world.appendHistory(
          {
            ...appointment,
            technician: row.technician,
            status: row.status,
            taskDate: row.taskDate === undefined ? appointment.taskDate : row.taskDate,
            completedAt: row.completedAt === undefined ? appointment.completedAt : row.completedAt,
            estimatedHours: row.estimatedHours === undefined ? appointment.estimatedHours : row.estimatedHours,
          },
          row.action,
          row.modifiedBy ?? 'scenario',
          row.at,
        );
      }
    } else {
      world.appendHistory(appointment, 'Insert', 'scenario', appointment.createdAt);
    }
    for (const note of notes ?? []) {
      const isXoi = note.name.startsWith('XOi ');
      world.addNote({
        ...(note.id ? { id: note.id } : {}),
        company: appointment.company,
        serviceCall: appointment.serviceCall,
        appointment: appointment.appointment,
        name: note.name,
        text: note.text,
        url: note.url ?? null,
        internal: note.internal ?? (note.name === 'XOi Site History' || note.name === 'XOi Workflow'),
        readOnly: note.readOnly ?? isXoi,
        createdAt: note.createdAt,
        author: note.author ?? (isXoi ? XOI_AUTHOR : 'scenario'),
      });
    }
    // XOi already made a job wherever its job notes exist; the agent carries on from there.
    const siteHistory = (notes ?? []).find((note) => note.name === 'XOi Site History');
    if (siteHistory) {
      const jobId = /jobactivity\/([^/?#\s]+)/.exec(siteHistory.text)?.[1] ?? makeJobId(rng);
      const assignee = scenario.technicians.find((technician) => technician.id === appointment.technician)?.email ?? '';
      world.xoiJobs.set(key, {
        id: jobId,
        appointmentKey: key,
        workOrderNumber: `${appointment.serviceCall}-${appointment.appointment}`,
        customerName: appointment.customer,
        assigneeEmail: assignee,
        createdAt: Date.parse(siteHistory.createdAt),
        ...planVideos(rng),
      });
    }
  }
  return { world, now, seed };
}
