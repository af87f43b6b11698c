import { test as base } from 'vitest';
import { type PollerDeps } from '../../electron/engine/sync';
import { type Sandbox, type SandboxOptions } from '../../electron/sandbox';
import { mirrorHarness } from './mirror-harness';
import { testSandbox } from './sandbox';
import { makeTempDir } from './temp-dir';

type MirrorHarness = ReturnType<typeof mirrorHarness>;
/** What the `defer` fixture hands a test, for helpers that open something on its behalf. */
export type Defer = (teardown: () => unknown) => void;

/** What the fixtures hand a test (and the helpers a test passes them to). */
export interface Fixtures {
  /** Starts a sandbox server (closed after the test). */
  openSandbox: (options?: SandboxOptions) => Promise<Sandbox>;
  /** A real mirror file and a poller pointed at a sandbox (closed after the test, before the sandbox). */
  openMirror: (sandbox: Sandbox, overrides?: Partial<PollerDeps>) => MirrorHarness;
  /** A fresh folder (removed after the test). */
  tempDir: () => string;
  /**
   * Runs a teardown after the test, latest first, before the fixtures above close: a database handle closes
   * before its mirror, its sandbox and its folder go. Every teardown runs; the first failure is reported.
   */
  defer: Defer;
}

/**
 * The integration tests' fixtures: what a test opens through them is closed after it, whatever happens, in the
 * reverse order (mirrors before their sandboxes), so no test writes its own try/finally teardown.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern: none.
  openSandbox: async ({}, use) => {
    const opened: Sandbox[] = [];
    await use(async (options) => {
      const sandbox = await testSandbox(options);
      opened.push(sandbox);
      return sandbox;
    });
    for (const sandbox of opened.reverse()) await sandbox.close();
  },
  openMirror: async ({ openSandbox: _sandboxesCloseAfterMirrors }, use) => {
    const opened: MirrorHarness[] = [];
    await use((sandbox, overrides) => {
      const mirror = mirrorHarness(sandbox, overrides);
      opened.push(mirror);
      return mirror;
    });
    for (const mirror of opened.reverse()) await mirror.close();
  },
  // eslint-disable-next-line no-empty-pattern -- as above: no dependencies.
  tempDir: async ({}, use) => {
    const made: Array<{ remove: () => void }> = [];
    await use(() => {
      const temp = makeTempDir();
      made.push(temp);
      return temp.dir;
    });
    for (const temp of made) temp.remove();
  },
  defer: async ({ openMirror: _mirrors, tempDir: _folders }, use) => {
    const teardowns: Array<() => unknown> = [];
    await use((teardown) => {
      teardowns.push(teardown);
    });
    const failures: unknown[] = [];
    for (const teardown of teardowns.reverse())
      await Promise.resolve()
        .then(teardown)
        .catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  },
});

export { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
/** Tests without fixtures may still say `it`. */
export { test as it };
