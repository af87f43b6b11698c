/**
 * The sandbox's time. Everything in the sandbox (server time, the XOi agent, the world's life) reads it, so tests
 * drive time by hand and `--speed` makes simulated hours pass in real minutes.
 */
export interface SandboxClock {
  now(): number;
  /** Real milliseconds that correspond to `simulatedMs` of sandbox time (for the ticker). */
  realDelay(simulatedMs: number): number;
}

/** Frozen at one instant: a scenario served exactly as written (`--no-xoi-agent`). */
export class FixedClock implements SandboxClock {
  constructor(private readonly at: number) {}
  now(): number {
    return this.at;
  }
  realDelay(): number {
    return Number.POSITIVE_INFINITY;
  }
}

/** Moved only by `advance`: the clock tests use. */
export class ManualClock implements SandboxClock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): number {
    this.current += ms;
    return this.current;
  }
  set(at: number): void {
    this.current = at;
  }
  realDelay(): number {
    return Number.POSITIVE_INFINITY;
  }
}

/** Starts at `start` and runs `speed` times faster than the given real clock. */
export class ScaledClock implements SandboxClock {
  private readonly realStart: number;
  constructor(
    private readonly start: number,
    private readonly speed: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.realStart = realNow();
  }
  now(): number {
    return this.start + Math.round((this.realNow() - this.realStart) * this.speed);
  }
  realDelay(simulatedMs: number): number {
    return simulatedMs / this.speed;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
