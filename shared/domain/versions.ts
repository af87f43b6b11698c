/**
 * The prerequisites of the XOi Integration Setup (domain.md, W1): MobileTech 8 or later, Signature 2016 or 2018,
 * Schedule 4.5 or later.
 */
export const MIN_MOBILETECH_MAJOR = 8;
export const SUPPORTED_SIGNATURE_VERSIONS: readonly string[] = ['2016', '2018'];
export const MIN_SCHEDULE_VERSION: readonly [number, number] = [4, 5];

function numericParts(version: string): number[] {
  return version
    .split(/[.\s]/)
    .map((part) => Number.parseInt(part, 10))
    .filter((part) => Number.isFinite(part));
}

export function isSupportedMobileTech(version: string): boolean {
  const [major] = numericParts(version);
  return major !== undefined && major >= MIN_MOBILETECH_MAJOR;
}

export function isSupportedSignature(version: string): boolean {
  const year = /\b(20\d\d)\b/.exec(version)?.[1];
  return year !== undefined && SUPPORTED_SIGNATURE_VERSIONS.includes(year);
}

export function isSupportedSchedule(version: string): boolean {
  const [major = -1, minor = 0] = numericParts(version);
  const [minMajor, minMinor] = MIN_SCHEDULE_VERSION;
  return major > minMajor || (major === minMajor && minor >= minMinor);
}
