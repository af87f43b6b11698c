import { useState } from 'react';
import { api } from '../../api/client';
import { useApiCall } from '../../lib/use-api';

/** The desktop app's own choices; a browser (web host) has none of them. */
export function DesktopSection() {
  const { state, reload } = useApiCall('desktop.get', {});
  const [saved, setSaved] = useState(false);
  if (state.status !== 'ready' || !state.value.available) return null;
  const value = state.value;
  const save = async (change: { closeToTray?: boolean; startAtLogin?: boolean; notifications?: boolean }) => {
    await api.call('desktop.save', {
      closeToTray: change.closeToTray ?? value.closeToTray,
      startAtLogin: change.startAtLogin ?? value.startAtLogin,
      notifications: change.notifications ?? value.notifications,
    });
    setSaved(true);
    reload();
  };
  return (
    <section aria-labelledby="desktop-title">
      <h3 id="desktop-title">Desktop</h3>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={value.closeToTray}
            onChange={(event) => void save({ closeToTray: event.target.checked })}
          />{' '}
          Keep syncing in the tray when the window is closed
        </label>
        <label>
          <input
            type="checkbox"
            checked={value.startAtLogin}
            onChange={(event) => void save({ startAtLogin: event.target.checked })}
          />{' '}
          Start XOi Console when I sign in
        </label>
        <label>
          <input
            type="checkbox"
            checked={value.notifications}
            onChange={(event) => void save({ notifications: event.target.checked })}
          />{' '}
          Notify me when something goes wrong with the integration
        </label>
      </div>
      {saved ? <p role="status">Saved.</p> : null}
    </section>
  );
}
