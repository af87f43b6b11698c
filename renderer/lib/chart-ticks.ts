/**
 * Axis ticks at round numbers: 0 and steps of 1, 2 or 5 times a power of ten, up to the first at or above `max`
 * (0, 500, 1000, 1500 rather than 0, 297, 594, 891).
 */
export function roundTicks(max: number, steps = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let index = 0; index * step < max + step; index++) ticks.push(index * step);
  return ticks;
}
