import { createRng, type Rng } from './rng';

/**
 * Seeded, reproducible fault injection. A spec is one or more rules separated by ";", each an optional route
 * prefix and ":" then comma-separated settings:
 *   latency=MS | latency=MIN-MAX       added delay before answering
 *   5xx=RATE                           503 with a JSON error
 *   429=RATE | 429date=RATE            429 with Retry-After in seconds | as an HTTP date
 *   reset=RATE                         the connection is destroyed without an answer
 *   truncate=RATE                      the body stops half-way (Content-Length promises more)
 *   malformed=RATE                     200 with a body that is not valid JSON
 *   trickle=RATE                       the body arrives a few bytes at a time
 * Example: "5xx=0.1,latency=5-40;/v1/notes/changes:malformed=0.2". RATE is a probability from 0 to 1.
 */
export const FAULT_KINDS = ['reset', '5xx', '429', '429date', 'malformed', 'truncate', 'trickle'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

interface FaultRule {
  route: string;
  latency: [number, number] | null;
  rates: Partial<Record<FaultKind, number>>;
}

export interface FaultDecision {
  latencyMs: number;
  kind: FaultKind | null;
}

export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

export function parseFaultSpec(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const rawRule of spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^(\*|\/[^:\s]*):(.*)$/.exec(rawRule);
    const route = match ? (match[1] === '*' ? '/' : (match[1] ?? '/')) : '/';
    const body = match ? (match[2] ?? '') : rawRule;
    const rule: FaultRule = { route, latency: null, rates: {} };
    for (const setting of body
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [name = '', value = ''] = setting.split('=').map((part) => part.trim());
      if (name === 'latency') {
        const range = /^(\d+)(?:-(\d+))?$/.exec(value);
        if (!range)
          throw new FaultSpecError(`"${setting}": latency must be milliseconds, like latency=50 or latency=10-200`);
        const min = Number(range[1]);
        const max = range[2] === undefined ? min : Number(range[2]);
        if (max < min || max > 60_000)
          throw new FaultSpecError(`"${setting}": latency range must go up, at most 60000 ms`);
        rule.latency = [min, max];
        continue;
      }
      if (!(FAULT_KINDS as readonly string[]).includes(name)) {
        throw new FaultSpecError(`"${setting}": unknown fault "${name}" (allowed: latency, ${FAULT_KINDS.join(', ')})`);
      }
      const rate = Number(value);
      if (value === '' || !Number.isFinite(rate) || rate < 0 || rate > 1)
        throw new FaultSpecError(`"${setting}": the rate must be a number from 0 to 1`);
      rule.rates[name as FaultKind] = rate;
    }
    rules.push(rule);
  }
  return rules;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private rng: Rng;
  readonly injected: Record<FaultKind | 'latency', number> = {
    latency: 0,
    reset: 0,
    '5xx': 0,
    '429': 0,
    '429date': 0,
    malformed: 0,
    truncate: 0,
    trickle: 0,
  };

  constructor(spec: string, seed: number) {
    this.rng = createRng(seed ^ 0x5eed);
    this.configure(spec);
  }

  configure(spec: string): void {
    this.rules = parseFaultSpec(spec);
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  decide(path: string): FaultDecision {
    let latencyMs = 0;
    let kind: FaultKind | null = null;
    for (const rule of this.rules) {
      if (!path.startsWith(rule.route)) continue;
      if (rule.latency) latencyMs += Math.round(this.rng.between(rule.latency[0], rule.latency[1]));
      for (const candidate of FAULT_KINDS) {
        const rate = rule.rates[candidate];
        if (kind === null && rate !== undefined && this.rng.chance(rate)) kind = candidate;
      }
    }
    if (latencyMs > 0) this.injected.latency++;
    if (kind) this.injected[kind]++;
    return { latencyMs, kind };
  }
}
