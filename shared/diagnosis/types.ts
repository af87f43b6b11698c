import type { StatusCategory } from '../domain/statuses';
import type { VersionMinimums } from '../domain/versions';
import type { VerdictCode, VerdictState } from './codes';

/** The mirrored facts the rules read. All times are ISO strings, as stored. */
export interface SystemFacts {
  scheduleVersion: string;
  signatureVersion: string;
  mobileTechVersion: string;
  seeRegistered: boolean;
  xoiEnabledInMobileTechAdmin: boolean;
}

export interface IntegrationFacts {
  configured: boolean;
  passwordSetAt: string | null;
}

export interface ActivityFacts {
  lastCallAt: string | null;
  lastCallResult: 'ok' | 'auth-failed' | null;
  authFailures: Array<{ at: string; reason: string }>;
}

export interface TechnicianFacts {
  id: string;
  name: string;
  email: string | null;
  lastDeviceSyncAt: string | null;
}

export interface XoiUserFacts {
  email: string;
  enabled: boolean;
  name: string;
}

export interface AppointmentFacts {
  key: string;
  company: string;
  serviceCall: string;
  appointment: string;
  customer: string;
  status: string;
  technician: string | null;
  taskDate: string | null;
  completedAt: string | null;
  createdIn: string;
  createdAt: string;
  modifiedAt: string;
}

export interface NoteFacts {
  name: string;
  createdAt: string;
  /** XOi writes its notes read-only through the Schedule API; a note a person can edit is not XOi's. */
  readOnly: boolean;
}

export interface HistoryFacts {
  action: string;
  technician: string | null;
  status: string;
  taskDate: string | null;
  completedAt: string | null;
  modifiedAt: string;
}

export interface DiagnosisSettings {
  /** How long XOi may take to poll and write notes after an appointment becomes eligible or completes. */
  pollDelayMs: number;
  /** How long after completion transcripts may still arrive. */
  transcriptWindowMs: number;
  statusOverrides: Readonly<Record<string, StatusCategory>>;
  /** The oldest supported versions, as Settings holds them. */
  versionMinimums: VersionMinimums;
}

export interface Evidence {
  label: string;
  value: string;
  at?: string;
}

export interface Verdict {
  key: string;
  state: VerdictState;
  codes: VerdictCode[];
  /** Codes concluded by inference rather than from XOi's own data ("likely"). */
  inferred: VerdictCode[];
  summary: string;
  evidence: Evidence[];
  nextStep: string;
}

/** A verdict without its evidence: what the list's row holds (state, codes, summary). */
export type VerdictHeadline = Omit<Verdict, 'evidence'>;
