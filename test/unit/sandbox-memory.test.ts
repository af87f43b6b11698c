import { describe, expect, it } from 'vitest';
import { checkWorldFits } from '../../electron/cli/sandbox-memory';

const GB = 2 ** 30;

describe('a generated sandbox world and the memory it needs', () => {
  it('lets a world through that fits the heap, and any command without a size', () => {
    expect(() => checkWorldFits('appointments', 100_000, 4 * GB)).not.toThrow();
    expect(() => checkWorldFits('appointments', undefined, 0.1 * GB)).not.toThrow();
  });

  it('refuses one that does not, naming the flag, the largest that fits and the setting that allows it', () => {
    let message = '';
    try {
      checkWorldFits('sandbox-appointments', 1_000_000, 2 * GB);
    } catch (error) {
      message = error instanceof Error ? `${error.name}: ${error.message}` : '';
    }
    const fits = Number(/Use at most ([\d,]+)/.exec(message)?.[1]?.replace(/,/g, ''));
    const allowed = Number(/--max-old-space-size=(\d+)/.exec(message)?.[1]);
    expect(message).toMatch(/^UsageError: --sandbox-appointments: a world of 1,000,000 appointments/);
    // What it says fits does fit, and what it says to allow lets the asked world through.
    expect(() => checkWorldFits('sandbox-appointments', fits, 2 * GB)).not.toThrow();
    expect(() => checkWorldFits('sandbox-appointments', fits + 1_000, 2 * GB)).toThrow();
    expect(() => checkWorldFits('sandbox-appointments', 1_000_000, allowed * 2 ** 20)).not.toThrow();
  });
});
