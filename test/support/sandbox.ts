import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createScheduleClient } from '../../electron/engine/schedule';
import {
  SANDBOX_ADMIN,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
  parseScenario,
  type Scenario,
} from '../../electron/sandbox';
import { repoRoot } from './paths';

export const FIXED_NOW = Date.parse('2026-03-02T12:00:00Z');

/** A frozen generated sandbox unless told otherwise: tests drive its clock and ticks themselves. */
export function testSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ seed: 11, appointments: 300, now: FIXED_NOW, xoiAgent: false, ...options });
}

/** The HTTP Basic header of the sandbox's administrator (docs/sandbox.md), for tests that call its API directly. */
export const SANDBOX_ADMIN_AUTHORIZATION = `Basic ${Buffer.from(`${SANDBOX_ADMIN.userName}:${SANDBOX_ADMIN.password}`).toString('base64')}`;

export function adminClient(sandbox: Sandbox, overrides: Partial<Parameters<typeof createScheduleClient>[0]> = {}) {
  return createScheduleClient({
    baseUrl: sandbox.url,
    credentials: { ...SANDBOX_ADMIN },
    timeoutMs: 5_000,
    ...overrides,
  });
}

export function loadScenarioFixture(name: string): Scenario {
  const file = path.join(repoRoot, 'test', 'fixtures', 'scenarios', name);
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')), name);
}
