import { useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiCall } from '../../app/use-api';
import { ProfilesSection } from './ProfilesSection';
import { SyncSettingsSection } from './SyncSettingsSection';
import { XoiSection } from './XoiSection';
import { DesktopSection } from './DesktopSection';

export function SettingsPage() {
  const { state, reload } = useApiCall('settings.get', {});
  const [rebuildError, setRebuildError] = useState<AppError | null>(null);
  const [rebuilt, setRebuilt] = useState(false);
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
            <button
              type="button"
              onClick={() => {
                if (!window.confirm('Rebuild the mirror from the server?')) return;
                void api.call('mirror.rebuild', {}).then((result) => {
                  setRebuildError(result.ok ? null : result.error);
                  setRebuilt(result.ok);
                });
              }}
            >
              Rebuild mirror
            </button>
            {rebuilt ? <p role="status">The mirror is being rebuilt.</p> : null}
            {rebuildError ? <ErrorMessage error={rebuildError} /> : null}
          </section>
        </>
      ) : null}
    </section>
  );
}
