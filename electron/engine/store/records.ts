import type { StatusCategory } from '../../../shared/domain/statuses';

/**
 * What the mirror stores, in its own words. The Schedule connector (schedule/) hands the store rows of these shapes;
 * another connector would too, so replacing the connector replaces only schedule/.
 */

export interface CompanyRecord {
  id: string;
  name: string;
  active: boolean;
}

export interface TechnicianRecord {
  id: string;
  name: string;
  email: string | null;
  lastDeviceSyncAt: string | null;
}

export interface StatusRecord {
  name: string;
  category: StatusCategory;
  builtIn: boolean;
}

/** Where an appointment was first entered. */
export type CreatedIn = 'Schedule' | 'Signature' | 'MobileTech';

export interface AppointmentRecord {
  company: string;
  serviceCall: string;
  appointment: string;
  customer: string;
  status: string;
  technician: string | null;
  taskDate: string | null;
  estimatedHours: number | null;
  completedAt: string | null;
  createdIn: CreatedIn;
  createdAt: string;
  modifiedAt: string;
}

export interface NoteRecord {
  id: string;
  company: string;
  serviceCall: string;
  appointment: string;
  name: string;
  text: string;
  url: string | null;
  internal: boolean;
  readOnly: boolean;
  createdAt: string;
  author: string;
}

export interface HistoryRecord {
  id: string;
  company: string;
  serviceCall: string;
  appointment: string;
  action: 'Insert' | 'Update' | 'Delete';
  technician: string | null;
  taskDate: string | null;
  estimatedHours: number | null;
  status: string;
  completedAt: string | null;
  modifiedAt: string;
  modifiedBy: string;
}

/** The mirrored change feeds, each with its own cursor. */
export type FeedName = 'appointments' | 'notes' | 'history';
