import type { Profile } from '../../../shared/contract/profiles';
import { ConsoleError } from '../../../shared/errors';
import { serverHosts } from '../../../shared/links/external-url';
import type { EventBus } from '../events';
import { createScheduleClient, type ScheduleClient } from '../schedule/client';
import { ActiveProfile } from './active-profile';
import { credentialsFor } from './credentials';
import type { ServiceDeps } from './deps';

/** What every handler module shares: the deps, the event bus, and the open profile. */
export class ServiceContext {
  private current: ActiveProfile | null = null;
  /** The switch under way, if any: what `active()` answers until it is done. */
  private opening: Promise<ActiveProfile> | null = null;
  /** Switches and the final close, in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly deps: ServiceDeps,
    readonly events: EventBus,
  ) {}

  now(): number {
    return (this.deps.now ?? Date.now)();
  }

  apiUrlOf(profile: Profile): string {
    if (profile.kind === 'sandbox') {
      if (!this.deps.sandbox)
        throw new ConsoleError('SANDBOX_UNAVAILABLE', 'The embedded sandbox is not running.', 'Restart the console.');
      return this.deps.sandbox.url;
    }
    return profile.apiUrl;
  }

  /**
   * The one owner of the trusted link hosts: every configured Schedule server (and the sandbox), read from the
   * profiles at each call, so a profile saved or removed a moment ago counts at once in the shell and the web host.
   */
  trustedHosts(): string[] {
    const urls = this.deps.profiles.list().flatMap((profile) => {
      try {
        return [this.apiUrlOf(profile)];
      } catch {
        return [];
      }
    });
    return serverHosts(urls);
  }

  /** The open profile, opening the active one on first use; while a switch is under way, the profile it opens. */
  async active(): Promise<ActiveProfile> {
    if (this.opening) return this.opening;
    if (this.current) return this.current;
    return this.switchTo(this.deps.profiles.activeId);
  }

  /**
   * Closes the open profile and opens another. Switches run one after the other, never side by side: two profiles
   * (or one opened twice) must never share the mirror's writer.
   */
  switchTo(profileId: string): Promise<ActiveProfile> {
    const run = this.queue.then(async () => {
      const profile = this.deps.profiles.get(profileId);
      await this.current?.close();
      this.current = null;
      const opened = new ActiveProfile(profile, this.apiUrlOf(profile), this.deps, this.events);
      await opened.open();
      this.current = opened;
      return opened;
    });
    this.queue = run.catch(() => undefined);
    this.opening = run;
    void run
      .finally(() => {
        if (this.opening === run) this.opening = null;
      })
      .catch(() => undefined);
    return run;
  }

  /** Reopens the active profile (after its settings or password changed). */
  async reopen(): Promise<ActiveProfile> {
    return this.switchTo(this.deps.profiles.activeId);
  }

  /** A Schedule client for the active profile's administrator. */
  async adminClient(): Promise<{ client: ScheduleClient; active: ActiveProfile }> {
    const active = await this.active();
    const credentials = await credentialsFor(active.profile, active.apiUrl, this.deps);
    if (credentials.password === null)
      throw (
        credentials.problem ??
        new ConsoleError('PASSWORD_MISSING', 'No administrator password is stored.', 'Enter it in Settings.')
      );
    return {
      client: createScheduleClient({
        baseUrl: active.apiUrl,
        credentials: {
          userName: active.profile.userName,
          password: credentials.password.value,
          boundTo: credentials.password.origins,
        },
      }),
      active,
    };
  }

  async close(): Promise<void> {
    await this.queue;
    await this.current?.close();
    this.current = null;
  }
}
