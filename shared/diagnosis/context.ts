import { statusResolver, type StatusCategory } from '../domain/statuses';
import { checkVersion, PRODUCT_NAMES, VERSIONED_PRODUCTS, type VersionedProduct } from '../domain/versions';
import type { VerdictCode } from './codes';
import type {
  ActivityFacts,
  DiagnosisSettings,
  Evidence,
  IntegrationFacts,
  SystemFacts,
  TechnicianFacts,
  XoiUserFacts,
} from './types';

export interface XoiDirectory {
  exact: ReadonlyMap<string, XoiUserFacts>;
  normalized: ReadonlyMap<string, XoiUserFacts>;
}

export interface TechnicianTally {
  /** Eligible appointments old enough that XOi should have written job notes by now. */
  dueForJobNotes: number;
  withJobNotes: number;
}

export interface DiagnosisContext {
  now: number;
  settings: DiagnosisSettings;
  system: SystemFacts | null;
  integration: IntegrationFacts | null;
  activity: ActivityFacts | null;
  companies: ReadonlyMap<string, { name: string; active: boolean }>;
  serverCategories: ReadonlyMap<string, StatusCategory>;
  technicians: ReadonlyMap<string, TechnicianFacts>;
  /** null when the console has no XOi API connection: XOi users are then only inferred. */
  xoiUsers: XoiDirectory | null;
  tallies: ReadonlyMap<string, TechnicianTally>;
  integrationFindings: IntegrationFinding[];
}

export interface IntegrationFinding {
  code: VerdictCode;
  evidence: Evidence[];
}

export const NOT_POLLING_FACTOR = 4;

/** Where each product's version is in the system facts. */
export const VERSION_FIELDS: Record<VersionedProduct, 'mobileTechVersion' | 'signatureVersion' | 'scheduleVersion'> = {
  mobileTech: 'mobileTechVersion',
  signature: 'signatureVersion',
  schedule: 'scheduleVersion',
};

/** The products whose version the console could not read: a warning to check by hand, never a blocker. */
export function unreadableVersions(
  system: SystemFacts | null,
  settings: Pick<DiagnosisSettings, 'versionMinimums'>,
): Evidence[] {
  if (!system) return [];
  return VERSIONED_PRODUCTS.filter(
    (product) => checkVersion(product, system[VERSION_FIELDS[product]], settings.versionMinimums) === 'unreadable',
  ).map((product) => ({
    label: `Could not read the ${PRODUCT_NAMES[product]} version`,
    value: JSON.stringify(system[VERSION_FIELDS[product]]),
  }));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function buildXoiDirectory(users: readonly XoiUserFacts[]): XoiDirectory {
  const exact = new Map<string, XoiUserFacts>();
  const normalized = new Map<string, XoiUserFacts>();
  for (const user of users) {
    exact.set(user.email, user);
    normalized.set(normalizeEmail(user.email), user);
  }
  return { exact, normalized };
}

const resolvers = new WeakMap<object, { overrides: object; resolve: (status: string) => StatusCategory | null }>();

/** A status's category in this context; the lookup is prepared once per run, not once per appointment. */
export function statusCategory(
  status: string,
  context: Pick<DiagnosisContext, 'serverCategories' | 'settings'>,
): StatusCategory | null {
  let cached = resolvers.get(context.serverCategories);
  if (!cached || cached.overrides !== context.settings.statusOverrides) {
    cached = {
      overrides: context.settings.statusOverrides,
      resolve: statusResolver(context.serverCategories, context.settings.statusOverrides),
    };
    resolvers.set(context.serverCategories, cached);
  }
  return cached.resolve(status);
}

/** The integration-wide findings, computed once per diagnosis run. */
export function integrationFindings(
  input: Pick<DiagnosisContext, 'now' | 'settings' | 'system' | 'integration' | 'activity'>,
): IntegrationFinding[] {
  const findings: IntegrationFinding[] = [];
  const { system, integration, activity } = input;
  if (system) {
    if (!system.seeRegistered)
      findings.push({
        code: 'SEE_NOT_REGISTERED',
        evidence: [{ label: 'See feature for MobileTech', value: 'not registered' }],
      });
    if (!system.xoiEnabledInMobileTechAdmin)
      findings.push({
        code: 'XOI_NOT_ENABLED_IN_MOBILETECH',
        evidence: [{ label: 'XOi Deep Linking in MobileTech Admin', value: 'not enabled' }],
      });
    const minimums = input.settings.versionMinimums;
    const unsupported = VERSIONED_PRODUCTS.filter(
      (product) => checkVersion(product, system[VERSION_FIELDS[product]], minimums) === 'unsupported',
    ).map(
      (product) => `${PRODUCT_NAMES[product]} ${system[VERSION_FIELDS[product]]} (needs ${minimums[product]} or later)`,
    );
    if (unsupported.length > 0)
      findings.push({
        code: 'UNSUPPORTED_VERSION',
        evidence: [{ label: 'Unsupported', value: unsupported.join('; ') }],
      });
  }
  if (integration && !integration.configured)
    findings.push({
      code: 'INTEGRATION_NOT_CONFIGURED',
      evidence: [{ label: 'XOi Integration Setup', value: 'not saved (no integration user)' }],
    });
  if (activity && integration?.configured !== false) {
    const lastFailure = activity.authFailures[0];
    if (activity.lastCallResult === 'auth-failed') {
      findings.push({
        code: 'XOI_AUTH_FAILING',
        evidence: [
          {
            label: "XOi's last call",
            value: 'rejected (wrong password)',
            ...(activity.lastCallAt ? { at: activity.lastCallAt } : {}),
          },
          {
            label: 'Rejected calls recorded',
            value: String(activity.authFailures.length),
            ...(lastFailure ? { at: lastFailure.at } : {}),
          },
          ...(integration?.passwordSetAt
            ? [{ label: 'Integration password last set', value: 'by the setup', at: integration.passwordSetAt }]
            : []),
        ],
      });
    }
    const last = activity.lastCallAt ? Date.parse(activity.lastCallAt) : null;
    const limit = input.settings.pollDelayMs * NOT_POLLING_FACTOR;
    if (last === null || input.now - last > limit) {
      findings.push({
        code: 'XOI_NOT_POLLING',
        evidence: [
          {
            label: "XOi's last call to Schedule",
            value:
              last === null
                ? 'never'
                : `${Math.round((input.now - last) / 60_000)} minutes ago (expected every ${Math.round(input.settings.pollDelayMs / 60_000)} minutes)`,
            ...(activity.lastCallAt ? { at: activity.lastCallAt } : {}),
          },
        ],
      });
    }
  }
  return findings;
}
