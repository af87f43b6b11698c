/** The entry point of electron/sandbox/: what is used from outside the folder (its tests import through here). */
export { HOUR, MINUTE, ManualClock, ScaledClock, iso } from './clock';
export { SANDBOX_ADMIN, SANDBOX_INTEGRATION_PASSWORD, SANDBOX_XOI_API } from './credentials';
export { FAULT_KINDS, FaultInjector, parseFaultSpec } from './faults';
export { createRng, type Rng } from './rng';
export { startSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export { FeedStore } from './world/feed-store';
export { mutateWorld } from './world/mutate';
export { ScenarioError, parseScenario, type Scenario } from './world/scenario';
export { type SandboxWorld } from './world/world';
export { TRANSCRIPT_MIN_DELAY_MS, XOI_POLL_INTERVAL_MS } from './world/xoi-timeline';
