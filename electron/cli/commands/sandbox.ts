import { clip, messageOf } from '../../../shared/validation';
import { readFileSync } from 'node:fs';
import { FaultSpecError, parseFaultSpec } from '../../sandbox/faults';
import { startSandbox } from '../../sandbox/sandbox';
import { parseScenario, ScenarioError, type Scenario } from '../../sandbox/world/scenario';
import { integerFlag, parseFlags } from '../parse-flags';
import { waitForShutdown } from '../shutdown';
import { UsageError } from '../usage-error';
import { checkWorldFits } from '../sandbox-memory';

export const sandboxHelp = `xoi-console sandbox [--port N] [--seed N] [--appointments N] [--scenario FILE] [--speed X] [--no-xoi-agent] [--faults SPEC]
  Starts the simulated Schedule server and XOi on 127.0.0.1 and prints its base URL. Runs until interrupted.`;

export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--scenario: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message}).`);
  }
  try {
    return parseScenario(json, file);
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(error.message);
    throw error;
  }
}

export async function runSandbox(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseFlags('sandbox', argv, {
    port: { type: 'string' },
    seed: { type: 'string' },
    appointments: { type: 'string' },
    scenario: { type: 'string' },
    speed: { type: 'string' },
    'no-xoi-agent': { type: 'boolean' },
    faults: { type: 'string' },
  });
  const port = integerFlag('port', values.port, 0, 65535);
  const seed = integerFlag('seed', values.seed, 0, 4_294_967_295);
  const appointments = integerFlag('appointments', values.appointments, 0, 1_000_000);
  checkWorldFits('appointments', appointments);
  let speed: number | undefined;
  if (values.speed !== undefined) {
    speed = Number(values.speed);
    if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000)
      throw new UsageError(`--speed must be a number above 0 and at most 100000, not "${clip(values.speed ?? '')}".`);
  }
  if (values.scenario !== undefined && appointments !== undefined)
    throw new UsageError('--appointments sizes a generated world; it cannot be combined with --scenario.');
  if (values.faults !== undefined) {
    try {
      parseFaultSpec(values.faults);
    } catch (error) {
      if (error instanceof FaultSpecError) throw new UsageError(`--faults: ${error.message}.`);
      throw error;
    }
  }
  const scenario = values.scenario === undefined ? undefined : loadScenarioFile(values.scenario);
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      seed,
      appointments,
      scenario,
      speed,
      xoiAgent: !values['no-xoi-agent'],
      faults: values.faults,
      onError: (error) => io.stderr.write(`sandbox: ${messageOf(error)}\n`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UsageError(`--port ${port}: that port is already in use; choose another, or 0 for any free port.`);
    throw error;
  }
  io.stdout.write(
    `Sandbox running at ${sandbox.url} (Schedule API v1 under /v1, XOi API under /xoi; credentials in docs/sandbox.md)\n`,
  );
  await waitForShutdown();
  await sandbox.close();
  return 0;
}
