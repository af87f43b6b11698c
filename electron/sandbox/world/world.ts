import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { appointmentKeyString, type AppointmentKey } from '../../../shared/domain/appointment-key';
import { iso } from '../clock';
import { FeedStore } from './feed-store';
import type {
  Appointment,
  Company,
  HistoryEntry,
  IntegrationState,
  Note,
  OrdinaryRole,
  OrdinaryUser,
  StatusEntry,
  SystemState,
  Technician,
  XoiActivityState,
  XoiJob,
  XoiUser,
} from './types';

export const HIDDEN_ROLE_NAMES = ['XOi Integration', 'XOi Integration Notes'];
const MAX_AUTH_FAILURES_KEPT = 50;

function hashPassword(password: string, salt: string): string {
  return `${salt}:${createHash('sha256').update(`${salt}:${password}`, 'utf8').digest('hex')}`;
}

function passwordMatches(stored: string | null, candidate: string): boolean {
  if (stored === null) return false;
  const [salt = ''] = stored.split(':');
  const a = Buffer.from(stored);
  const b = Buffer.from(hashPassword(candidate, salt));
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface WorldInit {
  epoch?: string;
  system: SystemState;
  companies: Company[];
  integrationUserName: string;
  apiUrl: string;
  passwordMaxLength?: number;
  admin: { userName: string; password: string };
  ordinaryUsers: OrdinaryUser[];
  ordinaryRoles: OrdinaryRole[];
  technicians: Technician[];
  statuses: StatusEntry[];
  xoiUsers: XoiUser[];
  xoiApi: { apiKey: string; apiSecret: string };
}

/**
 * The sandbox's Schedule database and XOi's own records, in memory. Every mutation goes through a method here so
 * the change feeds and the appointment history stay true.
 */
export class SandboxWorld {
  readonly epoch: string;
  private seq = 0;
  system: SystemState;
  companies: Company[];
  readonly integration: IntegrationState;
  /** The integration password XOi Technologies was given (what the XOi agent signs in with). */
  xoiKnownPassword: string | null = null;
  readonly activity: XoiActivityState = { lastCallAt: null, lastCallResult: null, authFailures: [] };
  private adminPasswordHash: string;
  readonly adminUserName: string;
  readonly ordinaryUsers: OrdinaryUser[];
  readonly ordinaryRoles: OrdinaryRole[];
  readonly technicians = new Map<string, Technician>();
  statuses: StatusEntry[];
  readonly appointments: FeedStore<Appointment>;
  readonly notes: FeedStore<Note>;
  readonly history: FeedStore<HistoryEntry>;
  readonly xoiUsers: XoiUser[];
  readonly xoiJobs = new Map<string, XoiJob>();
  readonly xoiApi: { apiKey: string; apiSecret: string };
  private readonly noteIdsByAppointment = new Map<string, Set<string>>();
  private noteCounter = 0;
  private historyCounter = 0;

  constructor(init: WorldInit) {
    this.epoch = init.epoch ?? randomBytes(4).toString('hex');
    const next = () => ++this.seq;
    this.appointments = new FeedStore(next);
    this.notes = new FeedStore(next);
    this.history = new FeedStore(next);
    this.system = init.system;
    this.companies = init.companies;
    this.integration = {
      userName: init.integrationUserName,
      apiUrl: init.apiUrl,
      passwordHash: null,
      passwordSetAt: null,
      hiddenUserExists: false,
      hiddenRoles: [],
      passwordMaxLength: init.passwordMaxLength ?? 64,
    };
    this.adminUserName = init.admin.userName;
    this.adminPasswordHash = hashPassword(init.admin.password, randomBytes(8).toString('hex'));
    this.ordinaryUsers = init.ordinaryUsers;
    this.ordinaryRoles = init.ordinaryRoles;
    for (const technician of init.technicians) this.technicians.set(technician.id, technician);
    this.statuses = init.statuses;
    this.xoiUsers = init.xoiUsers;
    this.xoiApi = init.xoiApi;
  }

  get currentVersion(): number {
    return this.seq;
  }

  // --- authentication -------------------------------------------------------------------------------------------

  /** An administrator changing their own password (tests use it to give the server a distinctive one). */
  setAdminPassword(password: string): void {
    this.adminPasswordHash = hashPassword(password, randomBytes(8).toString('hex'));
  }

  checkAdmin(userName: string, password: string): boolean {
    return userName === this.adminUserName && passwordMatches(this.adminPasswordHash, password);
  }

  checkIntegrationUser(userName: string, password: string): boolean {
    return (
      this.integration.hiddenUserExists &&
      userName === this.integration.userName &&
      passwordMatches(this.integration.passwordHash, password)
    );
  }

  recordIntegrationCall(at: number, ok: boolean, reason = 'wrong password'): void {
    this.activity.lastCallAt = at;
    this.activity.lastCallResult = ok ? 'ok' : 'auth-failed';
    if (!ok) {
      this.activity.authFailures.unshift({ at, reason });
      this.activity.authFailures.length = Math.min(this.activity.authFailures.length, MAX_AUTH_FAILURES_KEPT);
    }
  }

  /** The setup's one effect (domain.md): the hidden user and two hidden roles the first time, the password always. */
  setIntegrationPassword(password: string, at: number): { createdUser: boolean; createdRoles: number } {
    const createdUser = !this.integration.hiddenUserExists;
    const missingRoles = HIDDEN_ROLE_NAMES.filter((name) => !this.integration.hiddenRoles.includes(name));
    this.integration.hiddenUserExists = true;
    this.integration.hiddenRoles.push(...missingRoles);
    this.integration.passwordHash = hashPassword(password, randomBytes(8).toString('hex'));
    this.integration.passwordSetAt = at;
    return { createdUser, createdRoles: missingRoles.length };
  }

  get integrationConfigured(): boolean {
    return this.integration.hiddenUserExists && this.integration.passwordHash !== null;
  }

  // --- appointments, notes, history -----------------------------------------------------------------------------

  getAppointment(key: AppointmentKey | string): Appointment | undefined {
    return this.appointments.get(typeof key === 'string' ? key : appointmentKeyString(key));
  }

  /** Inserts or updates an appointment and appends the matching history row. */
  putAppointment(appointment: Appointment, modifiedBy: string): void {
    const key = appointmentKeyString(appointment);
    const existed = this.appointments.has(key);
    this.appointments.upsert(key, appointment);
    this.appendHistory(appointment, existed ? 'Update' : 'Insert', modifiedBy);
  }

  /** Applies changes to an existing appointment (modifiedAt = at) and records them in history. */
  updateAppointment(
    key: string,
    changes: Partial<Appointment>,
    at: number,
    modifiedBy: string,
  ): Appointment | undefined {
    const current = this.appointments.get(key);
    if (!current) return undefined;
    const updated: Appointment = { ...current, ...changes, modifiedAt: iso(at) };
    this.putAppointment(updated, modifiedBy);
    return updated;
  }

  deleteAppointment(key: string, at: number, modifiedBy: string): boolean {
    const current = this.appointments.get(key);
    if (!current) return false;
    this.appendHistory({ ...current, modifiedAt: iso(at) }, 'Delete', modifiedBy);
    this.appointments.delete(key);
    for (const id of this.noteIdsByAppointment.get(key) ?? []) this.notes.delete(id);
    this.noteIdsByAppointment.delete(key);
    return true;
  }

  appendHistory(
    appointment: Appointment,
    action: HistoryEntry['action'],
    modifiedBy: string,
    at?: string,
  ): HistoryEntry {
    const entry: HistoryEntry = {
      id: `H${String(++this.historyCounter).padStart(8, '0')}`,
      company: appointment.company,
      serviceCall: appointment.serviceCall,
      appointment: appointment.appointment,
      action,
      technician: appointment.technician,
      taskDate: appointment.taskDate,
      estimatedHours: appointment.estimatedHours,
      status: appointment.status,
      completedAt: appointment.completedAt,
      modifiedAt: at ?? appointment.modifiedAt,
      modifiedBy,
    };
    this.history.upsert(entry.id, entry);
    return entry;
  }

  addNote(note: Omit<Note, 'id'> & { id?: string }): Note {
    const full: Note = { ...note, id: note.id ?? `N${String(++this.noteCounter).padStart(8, '0')}` };
    this.notes.upsert(full.id, full);
    const key = appointmentKeyString(full);
    const ids = this.noteIdsByAppointment.get(key) ?? new Set<string>();
    ids.add(full.id);
    this.noteIdsByAppointment.set(key, ids);
    return full;
  }

  notesOf(key: string): Note[] {
    return [...(this.noteIdsByAppointment.get(key) ?? [])]
      .map((id) => this.notes.get(id))
      .filter((note): note is Note => note !== undefined);
  }

  categoryOf(status: string): StatusEntry['category'] | null {
    return this.statuses.find((entry) => entry.name === status)?.category ?? null;
  }
}
