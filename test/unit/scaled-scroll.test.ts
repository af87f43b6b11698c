import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, rowTop, scrollScale, shownHeight, visibleRows } from '../../renderer/lib/scaled-scroll';

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

describe('the rows a scrolled list renders', () => {
  it('are the rows in view and the overscan either side, clamped to the list', () => {
    expect(visibleRows(0, ROW, 0, VIEWPORT, 6)).toMatchObject({ first: 0, last: -1 });
    expect(visibleRows(10, ROW, 0, VIEWPORT, 6)).toMatchObject({ first: 0, last: 9 });
    // 600 px of 40 px rows from row 250 (10,000 px): rows 250 to 265, six more either side.
    expect(visibleRows(100_000, ROW, 10_000, VIEWPORT, 6)).toMatchObject({ first: 244, last: 271, scale: 1 });
    expect(visibleRows(100_000, ROW, 100_000 * ROW - VIEWPORT, VIEWPORT, 6)).toMatchObject({
      first: 99_979,
      last: 99_999,
    });
  });

  it.each([1_000_000, 5_000_000])('at %i rows include the last row at the end of the real scroll', (rows) => {
    const realEnd = shownHeight(rows * ROW) - VIEWPORT;
    const window = visibleRows(rows, ROW, realEnd, VIEWPORT, 6);
    expect(window.scale).toBeGreaterThan(1);
    expect(window.last).toBe(rows - 1);
    expect(window.last - window.first).toBeLessThan(VIEWPORT / ROW + 14);
    // Every rendered row sits where the view can show it: the last at the bottom edge.
    expect(rowTop(window.last * ROW, realEnd, window.scale) + ROW).toBeCloseTo(realEnd + VIEWPORT, 3);
  });
});
