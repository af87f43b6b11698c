import { describe, expect, it } from 'vitest';
import { Deadlines } from '../../shared/diagnosis';

const NOW = Date.parse('2026-03-02T12:00:00.000Z');

describe('the instants a verdict changes at', () => {
  it('answers whether an instant is still ahead, and names the earliest one ahead in the stored form', () => {
    const deadlines = new Deadlines(NOW);
    expect(deadlines.next()).toBeNull();
    expect(deadlines.before(NOW)).toBe(false);
    expect(deadlines.before(NOW - 1)).toBe(false);
    expect(deadlines.next()).toBeNull();
    expect(deadlines.before(NOW + 3_600_000)).toBe(true);
    expect(deadlines.before(NOW + 60_000)).toBe(true);
    expect(deadlines.before(NOW + 7_200_000)).toBe(true);
    expect(deadlines.next()).toBe('2026-03-02T12:01:00.000Z');
  });

  it('takes an instant that is not a time (an unreadable date) as passed, and names none', () => {
    const deadlines = new Deadlines(NOW);
    expect(deadlines.before(Number.NaN)).toBe(false);
    expect(deadlines.next()).toBeNull();
  });

  it('does not name an instant past the year 9999, which would sort before every stored one', () => {
    const deadlines = new Deadlines(NOW);
    expect(deadlines.before(Date.parse('9999-12-31T23:59:59.999Z'))).toBe(true);
    expect(deadlines.next()).toBe('9999-12-31T23:59:59.999Z');
    const far = new Deadlines(NOW);
    expect(far.before(Date.parse('9999-12-31T23:59:59.999Z') + 1)).toBe(true);
    expect(far.next()).toBeNull();
  });
});
