import { z } from 'zod';

export const prerequisiteSchema = z.object({
  id: z.enum(['see-registered', 'xoi-enabled', 'mobiletech-version', 'signature-version', 'schedule-version']),
  label: z.string(),
  met: z.boolean(),
  detail: z.string(),
  /** What to do when not met. */
  fix: z.string(),
});
export type Prerequisite = z.infer<typeof prerequisiteSchema>;

export const setupStateSchema = z.object({
  /** false exactly when Schedule would hide the Integrations tab (See not registered). */
  available: z.boolean(),
  prerequisites: z.array(prerequisiteSchema),
  userName: z.string(),
  apiUrl: z.string(),
  signatureVersion: z.string(),
  scheduleVersion: z.string(),
  mobileTechVersion: z.string(),
  configured: z.boolean(),
  passwordSetAt: z.string().nullable(),
  hiddenUserExists: z.boolean(),
  hiddenRoleCount: z.number().int(),
  passwordMaxLength: z.number().int(),
  companies: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The integration password is in the keychain for this profile. */
  integrationPasswordStored: z.boolean(),
  isSandbox: z.boolean(),
});
export type SetupState = z.infer<typeof setupStateSchema>;

export const setupApplyArgsSchema = z
  .object({
    password: z.string().max(4096),
    confirmPassword: z.string().max(4096),
  })
  .strict();

export const setupResultSchema = z.object({
  createdUser: z.boolean(),
  createdRoles: z.number().int(),
  passwordSetAt: z.string(),
  storedInKeychain: z.boolean(),
  /** Set when the keychain refused: the password was applied on the server but is not stored here. */
  keychainProblem: z.string().nullable(),
  /** Re-running the setup changed the password: XOi must be told or its polls fail. */
  passwordChanged: z.boolean(),
});
export type SetupResult = z.infer<typeof setupResultSchema>;
