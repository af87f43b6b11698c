import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, events, METHOD_NAMES, methods } from '../../shared/contract';

describe('the contract', () => {
  it('gives every method name a schema and no schema without a name', () => {
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('gives every event name a payload schema and no schema without a name', () => {
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('describes app.info with name, version and host', () => {
    const parsed = methods['app.info'].result.safeParse({
      name: 'XOi Console',
      version: '1.2.3',
      host: 'web',
      platform: 'linux',
    });
    expect(parsed.success).toBe(true);
    expect(
      methods['app.info'].result.safeParse({ name: 'XOi Console', version: '1', host: 'mainframe', platform: 'x' })
        .success,
    ).toBe(false);
  });
});
