/**
 * The sandbox's published default credentials (docs/sandbox.md). They open only the simulated servers on this
 * computer's loopback interface; they are stored in the keychain like any others when the sandbox profile is used.
 */
export const SANDBOX_ADMIN = { userName: 'admin', password: 'sandbox' } as const;
export const SANDBOX_INTEGRATION_USER = 'XOI_INTEGRATION';
export const SANDBOX_INTEGRATION_PASSWORD = 'xoi-sandbox-integration';
export const SANDBOX_XOI_API = { apiKey: 'sandbox-api-key', apiSecret: 'sandbox-api-secret' } as const;
