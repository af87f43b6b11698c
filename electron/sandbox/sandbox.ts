import type { AddressInfo } from 'node:net';
import { FixedClock, ScaledClock, type SandboxClock } from './clock';
import { FaultInjector } from './faults';
import { LIFE_INTERVAL_MS, WorldLife } from './life';
import { createRng } from './rng';
import { createSandboxServer } from './server/sandbox-server';
import { generateWorld } from './world/generate';
import { worldFromScenario, type Scenario } from './world/scenario';
import type { SandboxWorld } from './world/world';
import { XOI_POLL_INTERVAL_MS } from './world/xoi-timeline';
import { XoiAgent, type AgentTickReport } from './xoi-agent';

export interface SandboxOptions {
  /** 0 or omitted: any free port. */
  port?: number;
  seed?: number;
  /** Size of a generated world (ignored with a scenario). */
  appointments?: number;
  scenario?: Scenario;
  /** How many times faster than real time the sandbox clock runs. */
  speed?: number;
  /** false: nothing changes on its own; the world is served frozen at its `now`. */
  xoiAgent?: boolean;
  faults?: string;
  /** Tests pass a ManualClock and call `tick()` themselves. */
  clock?: SandboxClock;
  /** The generated world's present (default: now). */
  now?: number;
  onError?: (error: unknown) => void;
}

export interface Sandbox {
  readonly url: string;
  readonly port: number;
  readonly world: SandboxWorld;
  readonly clock: SandboxClock;
  readonly faults: FaultInjector;
  readonly agent: XoiAgent | null;
  /** One cycle of the world's life and the XOi agent, as the ticker runs it. */
  tick(): Promise<AgentTickReport | null>;
  close(): Promise<void>;
}

export const DEFAULT_SANDBOX_APPOINTMENTS = 2000;
export const DEFAULT_SANDBOX_SEED = 7;

/** The embedded Schedule server and simulated XOi, on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? options.scenario?.seed ?? DEFAULT_SANDBOX_SEED;
  const loaded = options.scenario
    ? worldFromScenario(options.scenario)
    : {
        world: generateWorld({
          seed,
          appointments: options.appointments ?? DEFAULT_SANDBOX_APPOINTMENTS,
          now: options.now ?? Date.now(),
        }),
        now: options.now ?? Date.now(),
      };
  const world = loaded.world;
  const agentEnabled = options.xoiAgent !== false;
  const clock =
    options.clock ?? (agentEnabled ? new ScaledClock(loaded.now, options.speed ?? 1) : new FixedClock(loaded.now));
  const faults = new FaultInjector(options.faults ?? '', seed);
  let agent: XoiAgent | null = null;
  const server = createSandboxServer({
    world,
    clock,
    faults,
    pollXoi: async () => (agent ? agent.pollNow() : null),
    onError: options.onError,
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  world.integration.apiUrl = url;

  const rng = createRng(seed * 31 + 1);
  agent = agentEnabled ? new XoiAgent(world, clock, rng, () => url) : null;
  const life = agentEnabled && !options.scenario ? new WorldLife(world, clock, rng) : null;
  let lastLife = clock.now();
  const tick = async () => {
    if (life && clock.now() - lastLife >= LIFE_INTERVAL_MS) {
      life.tick();
      lastLife = clock.now();
    }
    return agent ? agent.tick() : null;
  };

  const realDelay = clock.realDelay(XOI_POLL_INTERVAL_MS);
  const ticker =
    agentEnabled && Number.isFinite(realDelay)
      ? setInterval(() => void tick().catch(options.onError), Math.max(50, realDelay))
      : null;
  ticker?.unref();
  if (agentEnabled && Number.isFinite(realDelay)) void tick().catch(options.onError);

  return {
    url,
    port,
    world,
    clock,
    faults,
    agent,
    tick,
    async close() {
      if (ticker) clearInterval(ticker);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
