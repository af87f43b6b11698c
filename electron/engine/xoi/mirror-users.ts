import type { WriteHandle } from '../store/handles';
import { transaction } from '../store/handles';
import { writeSnapshot } from '../store/tables/snapshots';
import { replaceXoiUsers } from '../store/tables/xoi-users';
import type { XoiClient } from './client';
import { XoiError } from './errors';
import { SecretBoundElsewhereError } from '../secrets/bound-secret';

export interface XoiCheck {
  lastCheckAt: string;
  userCount: number | null;
  error: { code: string; message: string; nextStep: string } | null;
}

/**
 * Mirrors XOi's users (email, enabled, name), replacing the list whole, and records the check. A failure keeps the
 * last good list and records the error with its next step.
 */
export async function mirrorXoiUsers(store: WriteHandle, client: XoiClient, now: number): Promise<XoiCheck> {
  const at = new Date(now).toISOString();
  try {
    const users = await client.allUsers();
    const check: XoiCheck = { lastCheckAt: at, userCount: users.length, error: null };
    transaction(store, () => {
      replaceXoiUsers(
        store,
        users.map((user) => ({
          id: user.id,
          email: user.email,
          givenName: user.given_name ?? '',
          familyName: user.family_name ?? '',
          enabled: user.enabled !== false,
        })),
        at,
      );
      writeSnapshot(store, 'xoi-check', check, at);
    });
    return check;
  } catch (error) {
    const problem =
      error instanceof XoiError || error instanceof SecretBoundElsewhereError
        ? { code: error.code, message: error.message, nextStep: error.nextStep ?? '' }
        : {
            code: 'XOI_CHECK_FAILED',
            message: 'Checking XOi users failed unexpectedly.',
            nextStep: 'Try again; send the log to support if it persists.',
          };
    const check: XoiCheck = { lastCheckAt: at, userCount: null, error: problem };
    writeSnapshot(store, 'xoi-check', check, at);
    return check;
  }
}
