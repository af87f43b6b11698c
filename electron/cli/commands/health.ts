import { existsSync } from 'node:fs';
import { DEFAULT_PROFILE_SETTINGS } from '../../../shared/contract/profiles';
import { DOCUMENTED_MINIMUMS } from '../../../shared/domain/versions';
import type { HealthCondition } from '../../../shared/contract/health';
import { isConsoleError } from '../../../shared/errors';
import { assessHealth, worstSeverity, type HealthFacts } from '../../../shared/health/assess';
import { clip } from '../../../shared/validation';
import { readHealthFacts } from '../../engine/queries/health-facts';
import { inspectMirror, openMirrorForReading } from '../../engine/store/open';
import { integerFlag, parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

export const healthHelp = `xoi-console health --db FILE [--json] [--poll-delay MINUTES]
  What is wrong with the whole integration, as far as the mirror file tells: each condition with its severity and
  fix. Exits 0 when healthy, 1 otherwise (for monitoring scripts).`;

const NO_MIRROR: Omit<
  HealthFacts,
  'now' | 'serverNow' | 'isSandbox' | 'sync' | 'mirrorProblem' | 'keychain' | 'pollDelayMs' | 'versionMinimums'
> = {
  runs: [],
  lastSuccessAt: null,
  appointments: 0,
  system: null,
  integration: null,
  activity: null,
  codeCounts: {},
  heldByTechnician: [],
  heldByCompany: [],
};

function line(condition: HealthCondition): string {
  const affected = condition.affected === null ? '' : ` [${condition.affected} appointments]`;
  return `${condition.severity.toUpperCase()}: ${condition.title}${affected}. ${condition.detail} Next: ${condition.nextStep}`;
}

export async function runHealth(argv: string[], io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const { values } = parseFlags('health', argv, {
    db: { type: 'string' },
    json: { type: 'boolean' },
    'poll-delay': { type: 'string' },
  });
  if (!values.db)
    throw new UsageError('health: --db FILE is required (a mirror written by the console or "xoi-console mirror").');
  if (!existsSync(values.db)) throw new UsageError(`health: --db: there is no file ${clip(values.db)}.`);
  const pollDelayMs =
    (integerFlag('poll-delay', values['poll-delay'], 1, 1440) ?? DEFAULT_PROFILE_SETTINGS.pollDelayMinutes) * 60_000;
  let facts: HealthFacts;
  try {
    inspectMirror(values.db);
    const handle = openMirrorForReading(values.db);
    try {
      const { serverOffsetMs, ...mirror } = readHealthFacts(handle);
      facts = {
        ...mirror,
        now: Date.now(),
        serverNow: Date.now() + serverOffsetMs,
        isSandbox: false,
        sync: null,
        mirrorProblem: null,
        keychain: null,
        pollDelayMs,
        versionMinimums: DOCUMENTED_MINIMUMS,
      };
    } finally {
      handle.db.close();
    }
  } catch (error) {
    if (!isConsoleError(error)) throw error;
    facts = {
      ...NO_MIRROR,
      now: Date.now(),
      serverNow: Date.now(),
      isSandbox: false,
      sync: null,
      mirrorProblem: error.toAppError(),
      keychain: null,
      pollDelayMs,
      versionMinimums: DOCUMENTED_MINIMUMS,
    };
  }
  const conditions = assessHealth(facts);
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ healthy: conditions.length === 0, worst: worstSeverity(conditions), conditions }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(
      conditions.length === 0
        ? 'healthy: nothing is wrong with the integration\n'
        : `${conditions.map(line).join('\n')}\n`,
    );
  }
  return conditions.length === 0 ? 0 : 1;
}
