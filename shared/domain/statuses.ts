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
 * default. Names match without regard to case ("dispatched" is "Dispatched"), an exact match first. Unknown statuses
 * are `null`, and the diagnosis says so instead of guessing.
 */
export function categoryOf(
  status: string,
  serverCategories: ReadonlyMap<string, StatusCategory>,
  overrides: Readonly<Record<string, StatusCategory>> = {},
): StatusCategory | null {
  return statusResolver(serverCategories, overrides)(status);
}

/**
 * The same lookup, prepared once for a whole diagnosis run (it is asked for every appointment and history row).
 * Own keys only: a status named "constructor" or "toString" must not find Object's own members.
 */
export function statusResolver(
  serverCategories: ReadonlyMap<string, StatusCategory>,
  overrides: Readonly<Record<string, StatusCategory>> = {},
): (status: string) => StatusCategory | null {
  const exact = new Map<string, StatusCategory>();
  const folded = new Map<string, StatusCategory>();
  const add = (name: string, category: StatusCategory) => {
    if (!exact.has(name)) exact.set(name, category);
    if (!folded.has(name.toLowerCase())) folded.set(name.toLowerCase(), category);
  };
  for (const name of Object.keys(overrides)) {
    const category = overrides[name];
    if (Object.hasOwn(overrides, name) && category) add(name, category);
  }
  // The server's names come after the overrides, so an override of any spelling wins.
  const serverExact = new Map(serverCategories);
  const serverFolded = new Map([...serverCategories].map(([name, category]) => [name.toLowerCase(), category]));
  for (const builtIn of BUILT_IN_STATUSES)
    if (!serverFolded.has(builtIn.name.toLowerCase())) serverFolded.set(builtIn.name.toLowerCase(), builtIn.category);
  return (status) =>
    exact.get(status) ??
    folded.get(status.toLowerCase()) ??
    serverExact.get(status) ??
    serverFolded.get(status.toLowerCase()) ??
    null;
}
