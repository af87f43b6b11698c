import { clip } from '../../../shared/validation';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_PROFILE_SETTINGS,
  profileSchema,
  type Milestone,
  type Profile,
  type ProfileSettings,
} from '../../../shared/contract/profiles';
import { ConsoleError } from '../../../shared/errors';
import { readJsonFile, writeJsonFile } from './json-file';

export const SANDBOX_PROFILE_ID = 'sandbox';

const fileSchema = z.object({
  version: z.literal(1),
  activeProfileId: z.string(),
  profiles: z.array(profileSchema),
});
type ProfilesFile = z.infer<typeof fileSchema>;

export function sandboxProfile(): Profile {
  return {
    id: SANDBOX_PROFILE_ID,
    kind: 'sandbox',
    name: 'Sandbox (simulated server)',
    apiUrl: 'embedded',
    userName: 'admin',
    settings: { ...DEFAULT_PROFILE_SETTINGS },
    xoi: { environment: 'sandbox', tokenUrl: 'embedded', usersUrl: 'embedded', jobsUrl: 'embedded' },
    milestones: { connectionTestedAt: null, sheetSentAt: null },
  };
}

/** The connection profiles (profiles.json in the data folder): no secrets, one active, the sandbox always present. */
export class ProfileStore {
  private data: ProfilesFile;
  readonly recovered: boolean;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'profiles.json');
    const loaded = readJsonFile(this.file, fileSchema, () => ({
      version: 1 as const,
      activeProfileId: SANDBOX_PROFILE_ID,
      profiles: [sandboxProfile()],
    }));
    this.data = loaded.value;
    this.recovered = loaded.recovered;
    if (!this.data.profiles.some((profile) => profile.id === SANDBOX_PROFILE_ID))
      this.data.profiles.unshift(sandboxProfile());
    if (!this.data.profiles.some((profile) => profile.id === this.data.activeProfileId))
      this.data.activeProfileId = SANDBOX_PROFILE_ID;
  }

  list(): Profile[] {
    return this.data.profiles.map((profile) => ({ ...profile }));
  }

  get activeId(): string {
    return this.data.activeProfileId;
  }

  get(id: string): Profile {
    const profile = this.data.profiles.find((candidate) => candidate.id === id);
    if (!profile)
      throw new ConsoleError(
        'PROFILE_NOT_FOUND',
        `There is no connection profile "${clip(id)}".`,
        'Choose one from the list of profiles.',
      );
    return { ...profile };
  }

  active(): Profile {
    return this.get(this.data.activeProfileId);
  }

  /** Creates (no id) or updates a profile; returns it. */
  save(input: { id?: string; name: string; apiUrl: string; userName: string }): Profile {
    if (input.id === SANDBOX_PROFILE_ID)
      throw new ConsoleError(
        'PROFILE_READ_ONLY',
        'The sandbox profile cannot be edited.',
        'Create a new profile for a real Schedule server.',
      );
    const existing = input.id ? this.data.profiles.find((profile) => profile.id === input.id) : undefined;
    if (input.id && !existing) this.get(input.id);
    const duplicate = this.data.profiles.find(
      (profile) => profile.name.toLowerCase() === input.name.toLowerCase() && profile.id !== input.id,
    );
    if (duplicate)
      throw new ConsoleError(
        'PROFILE_NAME_TAKEN',
        `A profile named "${duplicate.name}" already exists.`,
        'Choose another name.',
      );
    const profile: Profile = existing
      ? { ...existing, name: input.name, apiUrl: input.apiUrl, userName: input.userName }
      : {
          id: `p-${randomBytes(5).toString('hex')}`,
          kind: 'server',
          name: input.name,
          apiUrl: input.apiUrl,
          userName: input.userName,
          settings: { ...DEFAULT_PROFILE_SETTINGS },
          xoi: null,
          milestones: { connectionTestedAt: null, sheetSentAt: null },
        };
    this.data.profiles = existing
      ? this.data.profiles.map((candidate) => (candidate.id === profile.id ? profile : candidate))
      : [...this.data.profiles, profile];
    this.persist();
    return profile;
  }

  remove(id: string): void {
    if (id === SANDBOX_PROFILE_ID)
      throw new ConsoleError(
        'PROFILE_READ_ONLY',
        'The sandbox profile cannot be removed.',
        'Remove one of your own profiles instead.',
      );
    this.get(id);
    this.data.profiles = this.data.profiles.filter((profile) => profile.id !== id);
    if (this.data.activeProfileId === id) this.data.activeProfileId = SANDBOX_PROFILE_ID;
    this.persist();
  }

  activate(id: string): Profile {
    const profile = this.get(id);
    this.data.activeProfileId = id;
    this.persist();
    return profile;
  }

  updateSettings(id: string, settings: ProfileSettings): Profile {
    return this.update(id, (profile) => ({ ...profile, settings }));
  }

  /** Records a first-run checklist step (null takes it back). */
  recordMilestone(id: string, milestone: Milestone, at: string | null): Profile {
    return this.update(id, (profile) => ({ ...profile, milestones: { ...profile.milestones, [milestone]: at } }));
  }

  updateXoi(id: string, xoi: Profile['xoi']): Profile {
    return this.update(id, (profile) => ({ ...profile, xoi }));
  }

  /** The profile that names this API URL and administrator (how the CLI finds a saved password). */
  findByServer(apiUrl: string, userName: string): Profile | undefined {
    const normalise = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
    return this.data.profiles.find(
      (profile) =>
        profile.kind === 'server' && normalise(profile.apiUrl) === normalise(apiUrl) && profile.userName === userName,
    );
  }

  private update(id: string, change: (profile: Profile) => Profile): Profile {
    const updated = change(this.get(id));
    this.data.profiles = this.data.profiles.map((profile) => (profile.id === id ? updated : profile));
    this.persist();
    return updated;
  }

  private persist(): void {
    writeJsonFile(this.file, this.data);
  }
}
