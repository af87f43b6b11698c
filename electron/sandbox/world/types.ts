import type { Appointment, Company, HistoryEntry, Note, StatusEntry, Technician } from '../../engine/schedule/contract';

export interface SystemState {
  scheduleVersion: string;
  signatureVersion: string;
  mobileTechVersion: string;
  seeRegistered: boolean;
  xoiEnabledInMobileTechAdmin: boolean;
}

export interface IntegrationState {
  userName: string;
  apiUrl: string;
  passwordHash: string | null;
  passwordSetAt: number | null;
  hiddenUserExists: boolean;
  hiddenRoles: string[];
  passwordMaxLength: number;
}

export interface XoiActivityState {
  lastCallAt: number | null;
  lastCallResult: 'ok' | 'auth-failed' | null;
  authFailures: Array<{ at: number; reason: string }>;
}

export interface XoiUser {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  enabled: boolean;
}

export interface XoiJob {
  id: string;
  appointmentKey: string;
  workOrderNumber: string;
  customerName: string;
  assigneeEmail: string;
  createdAt: number;
  /** How many videos the technician recorded: transcripts = min(videos, 3). */
  videoCount: number;
  /** Hours after completion at which Vision finishes each transcript. */
  transcriptDelaysMs: number[];
}

export interface OrdinaryUser {
  userName: string;
  role: string;
  enabled: boolean;
}

export interface OrdinaryRole {
  name: string;
  predefined: boolean;
}

export type { Appointment, Company, HistoryEntry, Note, StatusEntry, Technician };
