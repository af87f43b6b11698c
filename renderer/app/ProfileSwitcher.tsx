import { useCallback, useId } from 'react';
import { api } from '../api/client';
import { useApiCall, useEvent } from '../lib/use-api';

/** Which Schedule server the console shows; switching reopens the mirror and the poller for that profile. */
export function ProfileSwitcher() {
  const { state, reload } = useApiCall('profiles.list', {});
  const id = useId();
  useEvent(
    'profiles.changed',
    useCallback(() => reload(), [reload]),
  );
  if (state.status !== 'ready') return null;
  return (
    <div className="profile-switcher">
      <label htmlFor={id}>Connection</label>
      <select
        id={id}
        value={state.value.activeId}
        onChange={(event) => {
          void api.call('profiles.activate', { id: event.target.value }).then(() => reload());
        }}
      >
        {state.value.profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
      </select>
    </div>
  );
}
