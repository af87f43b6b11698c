/**
 * The names of every method the renderer may call and every event it may receive.
 * Plain strings with no dependencies, so the sandboxed preload can import them cheaply.
 * `methods.ts` and `events.ts` give each name its schema; a type check keeps the lists in step.
 */
export const METHOD_NAMES = [
  'app.info',
  'profiles.list',
  'profiles.save',
  'profiles.delete',
  'profiles.activate',
  'profiles.testConnection',
  'setup.state',
  'setup.apply',
  'setup.tellSandboxXoi',
  'setup.markSheetSent',
  'health.get',
  'sync.status',
  'sync.now',
  'sync.pause',
  'sync.resume',
  'sync.runs',
  'mirror.rebuild',
  'settings.get',
  'settings.save',
  'appointments.query',
  'appointments.detail',
  'appointments.filterOptions',
  'appointments.export',
  'technicians.list',
  'dashboard.get',
  'print.document',
  'print.ready',
  'sheet.data',
  'xoi.status',
  'xoi.save',
  'xoi.check',
  'xoi.job',
  'shell.openExternal',
  'host.confirm',
  'desktop.get',
  'desktop.save',
] as const;

export const EVENT_NAMES = [
  'app.notice',
  'sync.status',
  'verdicts.updated',
  'profiles.changed',
  'health.changed',
  'menu.command',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}
