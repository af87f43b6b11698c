import { useState } from 'react';
import type { AppError, ProfileView } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiCall } from '../../lib/use-api';
import { useConfirm } from '../../lib/confirm';
import { ProfileForm } from './ProfileForm';
import { TableHead } from '../../components/TableHead';

export function ProfilesSection() {
  const { state, reload } = useApiCall('profiles.list', {});
  const [editing, setEditing] = useState<ProfileView | 'new' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const confirm = useConfirm();

  const act = async (call: Promise<{ ok: boolean; error?: AppError }>) => {
    const result = await call;
    setError(result.ok ? null : (result.error ?? null));
    reload();
  };

  if (state.status === 'loading') return <p role="status">Loading profiles…</p>;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  const { profiles, keychain } = state.value;
  return (
    <section aria-labelledby="profiles-title">
      <h3 id="profiles-title">Connection profiles</h3>
      {keychain.available ? null : (
        <ErrorMessage
          title="Keychain unavailable"
          error={{
            code: 'KEYCHAIN_UNAVAILABLE',
            message: keychain.message ?? '',
            nextStep: keychain.nextStep ?? undefined,
          }}
        />
      )}
      <table className="data" aria-label="Connection profiles">
        <TableHead columns={['Name', 'Schedule API URL', 'Administrator', 'Password', 'Actions']} />
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.id}>
              <td>
                {profile.name} {profile.active ? <strong>(active)</strong> : null}
              </td>
              <td>{profile.apiUrl}</td>
              <td>{profile.userName}</td>
              <td>
                {keychain.available
                  ? profile.secrets.administrator
                    ? "Stored in this computer's keychain"
                    : 'Not stored'
                  : 'Unknown: the keychain is unavailable'}
              </td>
              <td>
                <div className="actions">
                  {profile.active ? null : (
                    <button
                      type="button"
                      aria-label={`Make ${profile.name} active`}
                      onClick={() => void act(api.call('profiles.activate', { id: profile.id }))}
                    >
                      Make active
                    </button>
                  )}
                  {profile.kind === 'server' ? (
                    <>
                      <button type="button" onClick={() => setEditing(profile)} aria-label={`Edit ${profile.name}`}>
                        Edit
                      </button>
                      <button
                        type="button"
                        aria-label={`Remove ${profile.name}`}
                        onClick={() =>
                          void confirm({
                            title: `Remove the profile "${profile.name}"?`,
                            message:
                              "Its stored passwords leave this computer's keychain and its mirror is deleted. Nothing on the Schedule server changes.",
                            confirmLabel: 'Remove profile',
                          }).then((confirmed) => {
                            if (confirmed) void act(api.call('profiles.delete', { id: profile.id }));
                          })
                        }
                      >
                        Remove
                      </button>
                    </>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorMessage error={error} /> : null}
      {editing ? (
        <ProfileForm
          existing={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add a profile
        </button>
      )}
    </section>
  );
}
