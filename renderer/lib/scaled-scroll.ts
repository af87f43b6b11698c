/**
 * Browsers cap an element's height (Chromium near 33.5 million px, Firefox near 17.9 million), so at 40 px a row a
 * list of a million rows cannot be as tall as its rows. Past this height the list keeps a scroll space of this size
 * and each pixel of real scroll stands for several of the list: the scrollbar still reaches the first and last row.
 */
export const MAX_SCROLL_HEIGHT = 15_000_000;

/** The scroll space a list of `virtualHeight` px gets in the page. */
export function shownHeight(virtualHeight: number, maxHeight = MAX_SCROLL_HEIGHT): number {
  return Math.min(virtualHeight, maxHeight);
}

/**
 * How many list pixels one pixel of real scroll stands for: 1 while the list fits, and otherwise the ratio of the two
 * scroll ranges, so the real scroll's end is the list's end.
 */
export function scrollScale(virtualHeight: number, viewportHeight: number, maxHeight = MAX_SCROLL_HEIGHT): number {
  if (virtualHeight <= maxHeight) return 1;
  return (virtualHeight - viewportHeight) / Math.max(1, maxHeight - viewportHeight);
}

/** Where a row that starts at `rowStart` list pixels sits in the page, with the page scrolled to `realOffset`. */
export function rowTop(rowStart: number, realOffset: number, scale: number): number {
  return realOffset + (rowStart - realOffset * scale);
}

/**
 * The rows to render for a list of `count` rows of `rowHeight` px, scrolled to `realOffset` in a view `viewport` px
 * tall, with `overscan` rows either side: worked out from the scroll position alone, so it costs the same at a
 * million rows as at ten (a virtualizer that keeps a measurement per row spent about 20 ms and a million objects).
 */
export function visibleRows(
  count: number,
  rowHeight: number,
  realOffset: number,
  viewport: number,
  overscan: number,
  maxHeight = MAX_SCROLL_HEIGHT,
): { first: number; last: number; scale: number } {
  const scale = scrollScale(count * rowHeight, viewport, maxHeight);
  if (count === 0) return { first: 0, last: -1, scale };
  const top = realOffset * scale;
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { first, last, scale };
}
