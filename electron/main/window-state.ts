export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };

/**
 * The remembered window position, made safe: sizes at least the minimum and no larger than the display, and a
 * window whose display is gone (an unplugged monitor) comes back on the primary one.
 */
export function restoreBounds(
  saved: Partial<Bounds> | null,
  workAreas: readonly Bounds[],
): Partial<Bounds> & { width: number; height: number } {
  const primary = workAreas[0];
  if (!saved || typeof saved.width !== 'number' || typeof saved.height !== 'number' || !primary)
    return { ...DEFAULT_BOUNDS };
  const width = Math.max(MIN_SIZE.width, Math.min(saved.width, Math.max(...workAreas.map((area) => area.width))));
  const height = Math.max(MIN_SIZE.height, Math.min(saved.height, Math.max(...workAreas.map((area) => area.height))));
  if (typeof saved.x !== 'number' || typeof saved.y !== 'number') return { width, height };
  const { x, y } = saved;
  const visible = workAreas.some(
    (area) => x + 100 > area.x && y + 40 > area.y && x + 100 < area.x + area.width && y + 40 < area.y + area.height,
  );
  return visible
    ? { x, y, width, height }
    : { width: Math.min(width, primary.width), height: Math.min(height, primary.height) };
}
