import { useState } from 'react';
import type { AppError } from '../../shared/contract';
import { api } from '../api/client';
import { ErrorMessage } from '../app/ErrorMessage';

/** Deletes the local mirror and reads it again from the server, after a confirmation; says what happened. */
export function RebuildMirrorButton({ primary = false }: { primary?: boolean }) {
  const [error, setError] = useState<AppError | null>(null);
  const [started, setStarted] = useState(false);
  return (
    <div className="row">
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        onClick={() => {
          if (
            !window.confirm(
              'Rebuild the mirror? The local copy is read again from the Schedule server; nothing on the server changes.',
            )
          )
            return;
          void api.call('mirror.rebuild', {}).then((result) => {
            setError(result.ok ? null : result.error);
            setStarted(result.ok);
          });
        }}
      >
        Rebuild mirror
      </button>
      {started ? <span role="status">Rebuilding: the first sync reads everything again.</span> : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
