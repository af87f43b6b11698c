import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiCall } from '../../lib/use-api';
import { ProfilesSection } from './ProfilesSection';
import { SyncSettingsSection } from './SyncSettingsSection';
import { XoiSection } from './XoiSection';
import { DesktopSection } from './DesktopSection';
import { RebuildMirrorButton } from '../../components/RebuildMirrorButton';

export function SettingsPage() {
  const { state, reload } = useApiCall('settings.get', {});
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
