import { clip } from '../../../shared/validation';
import { existsSync } from 'node:fs';
import { DEFAULT_PROFILE_SETTINGS } from '../../../shared/contract/profiles';
import { parseAppointmentKey } from '../../../shared/domain/appointment-key';
import { diagnoseAppointment } from '../../../shared/diagnosis/diagnose';
import type { Verdict } from '../../../shared/diagnosis/types';
import { isConsoleError } from '../../../shared/errors';
import { diagnoseOne } from '../../engine/diagnosis/diagnose-one';
import { buildContext, loadMirrorFacts } from '../../engine/diagnosis/load-facts';
import { verdictSettingsFrom } from '../../engine/diagnosis/verdict-settings';
import { serverNow } from '../../engine/diagnosis/server-clock';
import { inspectMirror, openMirrorForReading } from '../../engine/store/open';
import { readXoiUsers } from '../../engine/store/tables/xoi-users';
import { integerFlag, parseFlags } from '../parse-flags';
import { CommandFailure, UsageError } from '../usage-error';

export const diagnoseHelp = `xoi-console diagnose (KEY | --all) --db FILE [--now ISO] [--json] [--poll-delay MINUTES] [--transcript-window HOURS]
  Says why each appointment's XOi notes are there, late or missing. KEY is COMPANY/SERVICECALL/APPOINTMENT.`;

function table(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((verdict) => [verdict.key, verdict.state, verdict.codes.join(' '), verdict.summary]);
  const widths = [0, 1, 2].map((column) =>
    Math.min(
      48,
      Math.max(...rows.map((row) => (row[column] ?? '').length), ['KEY', 'STATE', 'CODES'][column]?.length ?? 0),
    ),
  );
  const line = (cells: string[]) =>
    cells.map((cell, index) => (index < 3 ? cell.padEnd(widths[index] ?? 0) : cell)).join('  ');
  return [line(['KEY', 'STATE', 'CODES', 'SUMMARY']), ...rows.map(line)].join('\n');
}

export async function runDiagnose(argv: string[], io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const { values, positionals } = parseFlags(
    'diagnose',
    argv,
    {
      db: { type: 'string' },
      all: { type: 'boolean' },
      now: { type: 'string' },
      json: { type: 'boolean' },
      'poll-delay': { type: 'string' },
      'transcript-window': { type: 'string' },
    },
    true,
  );
  if (!values.db)
    throw new UsageError('diagnose: --db FILE is required (a mirror written by the console or "xoi-console mirror").');
  if (positionals.length > 1)
    throw new UsageError(`diagnose: one KEY at a time (got ${positionals.length}); use --all for every appointment.`);
  const keyText = positionals[0];
  if ((keyText === undefined) === !values.all)
    throw new UsageError('diagnose: give either one KEY (COMPANY/SERVICECALL/APPOINTMENT) or --all.');
  const key = keyText === undefined ? null : parseAppointmentKey(keyText);
  if (keyText !== undefined && key === null)
    throw new UsageError(
      `diagnose: "${clip(keyText)}" is not a key; write it as COMPANY/SERVICECALL/APPOINTMENT, for example TWO/SC100123/001.`,
    );
  let override: number | null = null;
  if (values.now !== undefined) {
    const now = Date.parse(values.now);
    override = now;
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values.now) || Number.isNaN(now))
      throw new UsageError(`--now must be an ISO date-time like 2026-03-02T12:00:00Z, not "${clip(values.now)}".`);
  }
  if (!existsSync(values.db)) throw new UsageError(`--db: there is no file ${values.db}.`);
  try {
    inspectMirror(values.db);
  } catch (error) {
    if (isConsoleError(error)) throw new CommandFailure(error.message);
    throw error;
  }
  const handle = openMirrorForReading(values.db);
  try {
    // The Schedule server's clock, as recorded at the last pass (the app diagnoses on it too); --now overrides it.
    const now = override ?? serverNow(handle, Date.now());
    const settings = verdictSettingsFrom(
      {
        ...DEFAULT_PROFILE_SETTINGS,
        pollDelayMinutes:
          integerFlag('poll-delay', values['poll-delay'], 1, 1440) ?? DEFAULT_PROFILE_SETTINGS.pollDelayMinutes,
        transcriptWindowHours:
          integerFlag('transcript-window', values['transcript-window'], 1, 168) ??
          DEFAULT_PROFILE_SETTINGS.transcriptWindowHours,
      },
      readXoiUsers(handle).length > 0,
    );
    let verdicts: Verdict[];
    if (key) {
      const keyString = `${key.company}/${key.serviceCall}/${key.appointment}`;
      const diagnosis = diagnoseOne(handle, keyString, now, settings);
      if (!diagnosis) throw new UsageError(`diagnose: there is no appointment ${keyString} in ${values.db}.`);
      verdicts = [diagnosis.verdict];
    } else {
      const facts = loadMirrorFacts(handle);
      const context = buildContext(handle, facts, now, settings);
      verdicts = facts.appointments
        .map((appointment) =>
          diagnoseAppointment(
            {
              appointment,
              notes: facts.notesByKey.get(appointment.key) ?? [],
              history: facts.historyByKey.get(appointment.key) ?? [],
            },
            context,
          ),
        )
        .sort((a, b) => a.key.localeCompare(b.key));
    }
    io.stdout.write(
      values.json
        ? `${JSON.stringify(
            verdicts.map(({ key: k, state, codes, summary, evidence, nextStep }) => ({
              key: k,
              state,
              codes,
              summary,
              evidence,
              nextStep,
            })),
            null,
            2,
          )}\n`
        : `${table(verdicts)}\n`,
    );
    return 0;
  } finally {
    handle.db.close();
  }
}
