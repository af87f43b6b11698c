import type { CompanyRecord, StatusRecord, TechnicianRecord } from '../records';
import { statement, type ReadHandle, type WriteHandle } from '../handles';

/** Companies, technicians and statuses are small lists: each sync replaces them whole. */
export function replaceCompanies(handle: WriteHandle, companies: readonly CompanyRecord[]): void {
  statement(handle, 'DELETE FROM companies').run();
  const insert = statement(handle, 'INSERT INTO companies (id, name, active) VALUES (?, ?, ?)');
  for (const company of companies) insert.run(company.id, company.name, company.active ? 1 : 0);
}

export function replaceTechnicians(handle: WriteHandle, technicians: readonly TechnicianRecord[]): void {
  statement(handle, 'DELETE FROM technicians').run();
  const insert = statement(
    handle,
    'INSERT INTO technicians (id, name, email, last_device_sync_at) VALUES (?, ?, ?, ?)',
  );
  for (const technician of technicians)
    insert.run(technician.id, technician.name, technician.email, technician.lastDeviceSyncAt);
}

export function replaceStatuses(handle: WriteHandle, statuses: readonly StatusRecord[]): void {
  statement(handle, 'DELETE FROM statuses').run();
  const insert = statement(handle, 'INSERT INTO statuses (name, category, built_in) VALUES (?, ?, ?)');
  for (const status of statuses) insert.run(status.name, status.category, status.builtIn ? 1 : 0);
}

export function readCompanies(handle: ReadHandle | WriteHandle): CompanyRecord[] {
  return (
    statement(handle, 'SELECT id, name, active FROM companies ORDER BY id').all() as Array<{
      id: string;
      name: string;
      active: number;
    }>
  ).map((row) => ({ id: row.id, name: row.name, active: row.active === 1 }));
}

export function readTechnicians(handle: ReadHandle | WriteHandle): TechnicianRecord[] {
  return (
    statement(handle, 'SELECT id, name, email, last_device_sync_at FROM technicians ORDER BY id').all() as Array<{
      id: string;
      name: string;
      email: string | null;
      last_device_sync_at: string | null;
    }>
  ).map((row) => ({ id: row.id, name: row.name, email: row.email, lastDeviceSyncAt: row.last_device_sync_at }));
}

export function readStatuses(handle: ReadHandle | WriteHandle): StatusRecord[] {
  return (
    statement(handle, 'SELECT name, category, built_in FROM statuses ORDER BY name').all() as Array<{
      name: string;
      category: StatusRecord['category'];
      built_in: number;
    }>
  ).map((row) => ({ name: row.name, category: row.category, builtIn: row.built_in === 1 }));
}
