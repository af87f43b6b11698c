/**
 * Appointment statuses are a customer-editable lookup list (domain.md, W4/W5), so the console reads every status
 * through its category. Built-in names get default categories; the administrator can remap any status.
 */
export const STATUS_CATEGORIES = [
  'unassigned',
  'unscheduled',
  'scheduled',
  'in progress',
  'completed',
  'closed',
] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export interface BuiltInStatus {
  name: string;
  category: StatusCategory;
  /** Cannot be deleted from the lookup list (Complete, Dispatched, Unassigned, Re-assign) or is reserved (Closed, Default). */
  protection: 'built-in' | 'reserved';
}

export const BUILT_IN_STATUSES: readonly BuiltInStatus[] = [
  { name: 'Unassigned', category: 'unassigned', protection: 'built-in' },
  { name: 'Dispatched', category: 'scheduled', protection: 'built-in' },
  { name: 'Complete', category: 'completed', protection: 'built-in' },
  { name: 'Re-assign', category: 'unassigned', protection: 'built-in' },
  { name: 'Closed', category: 'closed', protection: 'reserved' },
  { name: 'Default', category: 'unscheduled', protection: 'reserved' },
];

export function isStatusCategory(value: unknown): value is StatusCategory {
  return typeof value === 'string' && (STATUS_CATEGORIES as readonly string[]).includes(value);
}

/**
 * The category of a status: the administrator's override first, then the server's lookup list, then the built-in
 * default. Unknown statuses are `null`, and the diagnosis says so instead of guessing.
 */
export function categoryOf(
  status: string,
  serverCategories: ReadonlyMap<string, StatusCategory>,
  overrides: Readonly<Record<string, StatusCategory>> = {},
): StatusCategory | null {
  // Own keys only: a status named "constructor" or "toString" must not find Object's own members.
  return (
    (Object.hasOwn(overrides, status) ? overrides[status] : undefined) ??
    serverCategories.get(status) ??
    BUILT_IN_STATUSES.find((builtIn) => builtIn.name.toLowerCase() === status.toLowerCase())?.category ??
    null
  );
}
