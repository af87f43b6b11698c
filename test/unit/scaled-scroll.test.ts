import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, rowTop, scrollScale, shownHeight } from '../../renderer/lib/scaled-scroll';

const ROW = 40;
const VIEWPORT = 600;

describe('a list taller than the browser allows', () => {
  it('is shown at its own height, unscaled, while it fits', () => {
    const height = 100_000 * ROW;
    expect(shownHeight(height)).toBe(height);
    expect(scrollScale(height, VIEWPORT)).toBe(1);
    expect(rowTop(5_000 * ROW, 5_000 * ROW, 1)).toBe(5_000 * ROW);
  });

  it.each([1_000_000, 5_000_000])('at %i rows keeps a scroll space the browser allows', (rows) => {
    expect(shownHeight(rows * ROW)).toBe(MAX_SCROLL_HEIGHT);
    expect(MAX_SCROLL_HEIGHT).toBeLessThan(17_800_000);
  });

  it.each([1_000_000, 5_000_000])(
    'at %i rows the end of the real scroll shows the last row, at the bottom of the view',
    (rows) => {
      const height = rows * ROW;
      const scale = scrollScale(height, VIEWPORT);
      const realEnd = shownHeight(height) - VIEWPORT;
      const listOffset = realEnd * scale;
      expect(listOffset).toBeCloseTo(height - VIEWPORT, 3);
      // The last row's bottom edge meets the view's bottom edge, inside the scroll space.
      const lastTop = rowTop((rows - 1) * ROW, realEnd, scale);
      expect(lastTop + ROW).toBeCloseTo(realEnd + VIEWPORT, 3);
      expect(lastTop + ROW).toBeLessThanOrEqual(shownHeight(height) + 0.001);
    },
  );

  it('keeps the rows on screen next to each other, one row height apart, wherever it is scrolled', () => {
    const height = 1_000_000 * ROW;
    const scale = scrollScale(height, VIEWPORT);
    for (const realOffset of [0, 1, 7_777_777, shownHeight(height) - VIEWPORT]) {
      const first = Math.floor((realOffset * scale) / ROW);
      const tops = [0, 1, 2].map((step) => rowTop((first + step) * ROW, realOffset, scale));
      expect(tops[1]! - tops[0]!).toBe(ROW);
      expect(tops[2]! - tops[1]!).toBe(ROW);
      // The first row on screen starts at most one row above the top of the view.
      expect(tops[0]).toBeGreaterThan(realOffset - ROW);
      expect(tops[0]).toBeLessThanOrEqual(realOffset);
    }
  });
});
