import { SANDBOX_ADMIN } from '../../electron/sandbox';

/** The HTTP Basic header of the sandbox's administrator (docs/sandbox.md), for tests that call its API directly. */
export const SANDBOX_ADMIN_AUTHORIZATION = `Basic ${Buffer.from(`${SANDBOX_ADMIN.userName}:${SANDBOX_ADMIN.password}`).toString('base64')}`;
