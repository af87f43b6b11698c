import { ErrorMessage } from '../../app/ErrorMessage';
import { useMirrorQuery } from '../../lib/use-mirror';
import { ProfilesSection } from './ProfilesSection';
import { SyncSettingsSection } from './SyncSettingsSection';
import { XoiSection } from './XoiSection';
import { DesktopSection } from './DesktopSection';
import { RebuildMirrorButton } from '../../components/RebuildMirrorButton';

export function SettingsPage() {
  // The status list comes from the mirror: a page opened before the first sync (or left open) fills it in by itself.
  const { state, reload } = useMirrorQuery('settings.get', {});
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">Settings</h2>
      <ProfilesSection />
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      {state.status === 'ready' ? (
        <>
          <SyncSettingsSection key={state.value.profileId} view={state.value} onSaved={() => reload()} />
          <XoiSection />
          <DesktopSection />
          <section aria-labelledby="mirror-title">
            <h3 id="mirror-title">Local mirror</h3>
            <p>
              Data folder: <code>{state.value.dataFolder}</code>
              <br />
              Mirror database: <code>{state.value.mirrorFile}</code>
            </p>
            <p>The mirror is a copy of the Schedule server: rebuilding it reads everything again and loses nothing.</p>
            <RebuildMirrorButton />
          </section>
        </>
      ) : null}
    </section>
  );
}
