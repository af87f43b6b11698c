import { describe, expect, it } from 'vitest';
import { roundTicks } from '../../renderer/lib/chart-ticks';

describe('chart ticks', () => {
  it.each([
    [2000, [0, 500, 1000, 1500, 2000]],
    [1188, [0, 500, 1000, 1500]],
    [7, [0, 2, 4, 6, 8]],
    [3, [0, 1, 2, 3]],
    [100_000, [0, 50_000, 100_000]],
    [0, [0, 1]],
  ])('are round numbers up to the first at or above %i', (max, ticks) => {
    expect(roundTicks(max)).toEqual(ticks);
  });
});
