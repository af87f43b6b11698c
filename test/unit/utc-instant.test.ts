import { describe, expect, it } from 'vitest';
import { utcInstant } from '../../shared/time';

describe('the one form instants are kept in', () => {
  it('is UTC to the millisecond, whatever offset and precision the server wrote', () => {
    expect(utcInstant('2026-03-02T07:00:00-05:00')).toBe('2026-03-02T12:00:00.000Z');
    expect(utcInstant('2026-03-02T17:45:00+05:45')).toBe('2026-03-02T12:00:00.000Z');
    expect(utcInstant('2026-03-02T12:00:00Z')).toBe('2026-03-02T12:00:00.000Z');
    expect(utcInstant('2026-03-02T12:00:00.5Z')).toBe('2026-03-02T12:00:00.500Z');
    expect(utcInstant('2026-03-02T12:00:00.123456+00:00')).toBe('2026-03-02T12:00:00.123Z');
  });

  it('sorts in time order as text once converted, where the sent text did not', () => {
    const sent = ['2026-03-01T04:00:00-05:00', '2026-03-01T06:05:00Z', '2026-03-01T10:00:00+05:00'];
    const byTime = [...sent].sort((a, b) => Date.parse(a) - Date.parse(b));
    expect([...sent].sort()).not.toEqual(byTime);
    expect(sent.map(utcInstant).sort()).toEqual(byTime.map(utcInstant));
    expect(byTime.map(utcInstant)).toEqual([
      '2026-03-01T05:00:00.000Z',
      '2026-03-01T06:05:00.000Z',
      '2026-03-01T09:00:00.000Z',
    ]);
  });

  it('leaves the kept form and text that is not a date as they are', () => {
    expect(utcInstant('2026-03-02T12:00:00.000Z')).toBe('2026-03-02T12:00:00.000Z');
    expect(utcInstant('not a date')).toBe('not a date');
  });
});
