import type { Prerequisite, SetupState } from '../../../../shared/contract/setup';
import {
  checkVersion,
  DOCUMENTED_MINIMUMS,
  PRODUCT_NAMES,
  requirementText,
  VERSIONED_PRODUCTS,
  type VersionMinimums,
} from '../../../../shared/domain/versions';
import { VERSION_FIELDS } from '../../../../shared/diagnosis/context';
import { ConsoleError } from '../../../../shared/errors';
import { checkIntegrationPassword, type PasswordProblem } from '../../../../shared/setup/password-rules';
import type { Handlers } from '../../dispatch';
import { registerSecret } from '../../logging/secret-registry';
import type { SystemInfo } from '../../schedule/contract';
import { secretAccount } from '../../secrets/secret-store';
import { readProfileSecret, writeProfileSecret } from '../credentials';
import { assertMaySend } from '../../secrets/bound-secret';
import type { ServiceContext } from '../context';

export function prerequisitesOf(
  system: Pick<
    SystemInfo,
    'seeRegistered' | 'xoiEnabledInMobileTechAdmin' | 'mobileTechVersion' | 'signatureVersion' | 'scheduleVersion'
  >,
  minimums: VersionMinimums = DOCUMENTED_MINIMUMS,
): Prerequisite[] {
  return [
    {
      id: 'see-registered',
      label: 'See feature registered for MobileTech',
      met: system.seeRegistered,
      detail: system.seeRegistered ? 'Registered' : 'Not registered',
      fix: 'Register the See feature for MobileTech with WennSoft; without it Schedule hides the XOi Integration Setup.',
    },
    {
      id: 'xoi-enabled',
      label: 'XOi Deep Linking enabled in MobileTech Admin',
      met: system.xoiEnabledInMobileTechAdmin,
      detail: system.xoiEnabledInMobileTechAdmin ? 'Enabled' : 'Not enabled',
      fix: 'Enable XOi Deep Linking in MobileTech Admin.',
    },
    ...VERSIONED_PRODUCTS.map((product): Prerequisite => {
      const version = system[VERSION_FIELDS[product]];
      const check = checkVersion(product, version, minimums);
      return {
        id: `${product === 'mobileTech' ? 'mobiletech' : product}-version`,
        label: requirementText(product, minimums),
        // A version the console cannot read is not held against the setup: it says so, to be checked by hand.
        met: check !== 'unsupported',
        detail:
          check === 'unreadable'
            ? `could not read the ${PRODUCT_NAMES[product]} version ("${version}")`
            : `${PRODUCT_NAMES[product]} ${version}`,
        fix: `Upgrade ${PRODUCT_NAMES[product]} to ${minimums[product]} or later.`,
      };
    }),
  ];
}

/** Refuses the first problem with the field it names; the password itself is never in the message. */
function refuseFirstProblem(problems: PasswordProblem[]): void {
  const first = problems[0];
  if (!first) return;
  const label = first.field === 'password' ? 'Password' : 'Confirm Password';
  throw new ConsoleError(
    first.code,
    `${label}: ${first.message}`,
    'Correct the field and apply again; nothing was saved.',
    { field: first.field },
  );
}

/** The XOi Integration Setup: the same fields, checks and effect as Schedule's Integrations tab. */
export function setupHandlers(
  context: ServiceContext,
): Pick<Handlers, 'setup.state' | 'setup.apply' | 'setup.tellSandboxXoi' | 'setup.markSheetSent'> {
  const { deps } = context;

  function markSheetSent(profileId: string, sent: boolean): string | null {
    const at = sent ? new Date(context.now()).toISOString() : null;
    deps.profiles.recordMilestone(profileId, 'sheetSentAt', at);
    context.events.emit('profiles.changed', { activeId: deps.profiles.activeId });
    return at;
  }

  async function readState(): Promise<SetupState> {
    const { client, active } = await context.adminClient();
    const [system, integration, companies] = await Promise.all([
      client.system(),
      client.integration(),
      client.companies(),
    ]);
    let stored = false;
    try {
      stored = (await readProfileSecret(deps, active.profile, 'xoi-integration')) !== null;
    } catch {
      stored = false;
    }
    return {
      available: system.seeRegistered,
      prerequisites: prerequisitesOf(system, active.profile.settings.supportedVersions),
      userName: integration.userName,
      apiUrl: integration.apiUrl,
      signatureVersion: integration.signatureVersion,
      scheduleVersion: system.scheduleVersion,
      mobileTechVersion: system.mobileTechVersion,
      configured: integration.configured,
      passwordSetAt: integration.passwordSetAt,
      hiddenUserExists: integration.hiddenUserExists,
      hiddenRoleCount: integration.hiddenRoleCount,
      passwordMaxLength: integration.passwordMaxLength,
      companies: companies
        .filter((company) => company.active)
        .map((company) => ({ id: company.id, name: company.name })),
      integrationPasswordStored: stored,
      isSandbox: active.profile.kind === 'sandbox',
    };
  }

  return {
    'setup.state': readState,

    'setup.apply': async ({ password, confirmPassword }) => {
      // What needs no server (empty, mismatch) is refused before any request; the length limit is the server's own.
      refuseFirstProblem(checkIntegrationPassword(password, confirmPassword, Number.POSITIVE_INFINITY));
      const { client, active } = await context.adminClient();
      const [system, before] = await Promise.all([client.system(), client.integration()]);
      if (!system.seeRegistered) {
        throw new ConsoleError(
          'SEE_NOT_REGISTERED',
          'The XOi Integration Setup is not available: the See feature is not registered for MobileTech.',
          'Register the See feature for MobileTech, then run the setup.',
        );
      }
      refuseFirstProblem(checkIntegrationPassword(password, confirmPassword, before.passwordMaxLength));
      registerSecret(password);
      // The keychain must be usable before the server is changed, so a refusal leaves everything as it was.
      await deps.secrets.get(secretAccount(active.profile.id, 'xoi-integration'));
      const result = await client.setIntegrationPassword(password);
      let keychainProblem: string | null = null;
      try {
        await writeProfileSecret(deps, active.profile, 'xoi-integration', password);
      } catch (error) {
        keychainProblem =
          error instanceof ConsoleError
            ? `${error.message} ${error.nextStep ?? ''}`.trim()
            : 'The keychain refused the password.';
      }
      deps.log.info(
        `XOi integration password set on ${active.profile.name} (user created: ${result.createdUser}, roles created: ${result.createdRoles})`,
      );
      void active.syncNow().catch(() => undefined);
      return {
        createdUser: result.createdUser,
        createdRoles: result.createdRoles,
        passwordSetAt: result.passwordSetAt,
        storedInKeychain: keychainProblem === null,
        keychainProblem,
        passwordChanged: before.configured,
      };
    },

    'setup.tellSandboxXoi': async () => {
      const active = await context.active();
      if (active.profile.kind !== 'sandbox' || !deps.sandbox)
        throw new ConsoleError(
          'NOT_SANDBOX',
          'Only the simulated XOi of the sandbox can be told a password from here.',
          'Send the setup sheet to XOi Technologies, and the password by a separate secure channel.',
        );
      const password = await readProfileSecret(deps, active.profile, 'xoi-integration');
      if (password === null)
        throw new ConsoleError(
          'PASSWORD_MISSING',
          'No integration password is stored for the sandbox.',
          'Apply the setup first.',
        );
      assertMaySend(password.origins, deps.sandbox.url, 'integration password');
      await deps.sandbox.tellXoi(password.value);
      markSheetSent(active.profile.id, true);
      return { told: true as const };
    },

    'setup.markSheetSent': async ({ sent }) => {
      const active = await context.active();
      return { sheetSentAt: markSheetSent(active.profile.id, sent) };
    },
  };
}
