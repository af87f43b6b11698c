const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/**
 * An instant as this computer's local wall-clock time with its offset, ISO 8601: "2026-03-02T08:00:00-05:00". What
 * the exports write, so a spreadsheet opened anywhere shows the time the administrator saw, and never a bare UTC.
 */
export function localIsoWithOffset(iso: string | null, timeZoneOffsetMinutes?: number): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // getTimezoneOffset is minutes *behind* UTC (300 for UTC-05:00).
  const offset = timeZoneOffsetMinutes ?? new Date(ms).getTimezoneOffset();
  const local = new Date(ms - offset * 60_000);
  const sign = offset > 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/** The same instant as a Date whose UTC fields hold the local wall-clock time (spreadsheets have no time zones). */
export function localWallClock(iso: string | null, timeZoneOffsetMinutes?: number): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const offset = timeZoneOffsetMinutes ?? new Date(ms).getTimezoneOffset();
  return new Date(ms - offset * 60_000);
}
