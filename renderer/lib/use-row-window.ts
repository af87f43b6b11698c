import { useCallback, useSyncExternalStore } from 'react';
import { visibleRows } from './scaled-scroll';

/**
 * Which rows of a fixed-height list are on screen (and a few either side), read from the scroller's scroll position
 * and height as they change. `toTop` scrolls back to the first row. The scroller is the element itself (a callback
 * ref's state), so a new element subscribes again.
 */
export function useRowWindow(scroller: HTMLElement | null, count: number, rowHeight: number, overscan = 6) {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!scroller) return () => undefined;
      scroller.addEventListener('scroll', changed, { passive: true });
      const resized = new ResizeObserver(changed);
      resized.observe(scroller);
      return () => {
        scroller.removeEventListener('scroll', changed);
        resized.disconnect();
      };
    },
    [scroller],
  );
  // One string, so an unchanged position is an unchanged snapshot (no render).
  const view = useSyncExternalStore(subscribe, () =>
    scroller ? `${scroller.scrollTop} ${scroller.clientHeight}` : '0 0',
  );
  const [offset = 0, height = 0] = view.split(' ').map(Number);
  const toTop = useCallback(() => scroller?.scrollTo({ top: 0 }), [scroller]);
  return { ...visibleRows(count, rowHeight, offset, height, overscan), offset, toTop };
}
