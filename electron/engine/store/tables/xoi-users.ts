import { statement, type ReadHandle, type WriteHandle } from '../handles';

export interface StoredXoiUser {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  enabled: boolean;
  fetchedAt: string;
}

/** XOi's users are a small list: each check replaces it whole. */
export function replaceXoiUsers(
  handle: WriteHandle,
  users: readonly Omit<StoredXoiUser, 'fetchedAt'>[],
  fetchedAt: string,
): number {
  statement(handle, 'DELETE FROM xoi_users').run();
  const insert = statement(
    handle,
    'INSERT OR REPLACE INTO xoi_users (id, email, given_name, family_name, enabled, fetched_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const user of users)
    insert.run(user.id, user.email, user.givenName, user.familyName, user.enabled ? 1 : 0, fetchedAt);
  return users.length;
}

export function readXoiUsers(handle: ReadHandle | WriteHandle): StoredXoiUser[] {
  return (
    statement(
      handle,
      'SELECT id, email, given_name, family_name, enabled, fetched_at FROM xoi_users ORDER BY email',
    ).all() as Array<{
      id: string;
      email: string;
      given_name: string;
      family_name: string;
      enabled: number;
      fetched_at: string;
    }>
  ).map((row) => ({
    id: row.id,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    enabled: row.enabled === 1,
    fetchedAt: row.fetched_at,
  }));
}
