import type { ProfileSettings } from '../../../shared/contract/profiles';
import type { DiagnosisSettings } from '../../../shared/diagnosis/types';

/** What the verdict computation needs from a profile's settings (plain data, so it can cross to the worker). */
export type VerdictSettings = DiagnosisSettings & { xoiUsersKnown: boolean; deletedKeptMs: number };

export function verdictSettingsFrom(settings: ProfileSettings, xoiUsersKnown: boolean): VerdictSettings {
  return {
    pollDelayMs: settings.pollDelayMinutes * 60_000,
    transcriptWindowMs: settings.transcriptWindowHours * 3_600_000,
    statusOverrides: { ...settings.statusOverrides },
    versionMinimums: { ...settings.supportedVersions },
    xoiUsersKnown,
    deletedKeptMs: settings.deletedKeptDays * 86_400_000,
  };
}
