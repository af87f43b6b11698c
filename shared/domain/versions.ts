/**
 * The prerequisites of the XOi Integration Setup (domain.md, W1): MobileTech 8 or later, a supported Signature 2016 or
 * Signature 2018, Schedule 4.5 or later. The minimums live in this one table, with these documented defaults, and the
 * administrator can change them in Settings (a later release WennSoft supports, say).
 */
export const VERSIONED_PRODUCTS = ['mobileTech', 'signature', 'schedule'] as const;
export type VersionedProduct = (typeof VERSIONED_PRODUCTS)[number];
export type VersionMinimums = Record<VersionedProduct, string>;

export const DOCUMENTED_MINIMUMS: VersionMinimums = { mobileTech: '8', signature: '2016', schedule: '4.5' };

export const PRODUCT_NAMES: Record<VersionedProduct, string> = {
  mobileTech: 'MobileTech',
  signature: 'Signature',
  schedule: 'Schedule',
};

/**
 * A version as numbers to compare, or null when it cannot be read. Accepts the forms the setup window and the system
 * endpoint show: "4.10", "8.6.1", "v8", "MobileTech 8"; Signature also as a year or its two digits, with or without a
 * release: "2018", "18", "18.0", "2018 R2", "Signature 2016".
 */
export function readVersion(product: VersionedProduct, text: string): number[] | null {
  const trimmed = text.trim().replace(new RegExp(`^${PRODUCT_NAMES[product]}\\s*`, 'i'), '');
  if (product === 'signature') {
    const match = /^(\d{2}|\d{4})(?:\.(\d+))?(?:\s*R(\d+))?\s*$/i.exec(trimmed);
    if (!match) return null;
    const number = Number(match[1]);
    return [number < 100 ? 2000 + number : number, Number(match[3] ?? match[2] ?? 0)];
  }
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.\d+)?\s*$/i.exec(trimmed);
  if (!match) return null;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export type VersionCheck = 'supported' | 'unsupported' | 'unreadable';

/** Whether a product's version meets its minimum; "unreadable" when the version (or the minimum) cannot be read. */
export function checkVersion(
  product: VersionedProduct,
  version: string,
  minimums: VersionMinimums = DOCUMENTED_MINIMUMS,
): VersionCheck {
  const read = readVersion(product, version);
  const minimum = readVersion(product, minimums[product]);
  if (read === null || minimum === null) return 'unreadable';
  return compare(read, minimum) >= 0 ? 'supported' : 'unsupported';
}

/** "MobileTech 8 or later" as a person reads the table. */
export function requirementText(product: VersionedProduct, minimums: VersionMinimums = DOCUMENTED_MINIMUMS): string {
  return `${PRODUCT_NAMES[product]} ${minimums[product]} or later`;
}
