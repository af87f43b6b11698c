import { useState } from 'react';
import type { AppError } from '../../shared/contract';
import { api } from '../api/client';
import { ErrorMessage } from '../app/ErrorMessage';
import { formatDateTime, formatNumber } from '../app/format';
import { useConfirm } from '../lib/confirm';
import { useSyncStatus } from '../lib/use-sync-status';

/** Deletes the local mirror and reads it again from the server, after a confirmation; says when it is done. */
export function RebuildMirrorButton({ primary = false }: { primary?: boolean }) {
  const [error, setError] = useState<AppError | null>(null);
  const [startedAt, setStartedAt] = useState<string | null>(null);
  const confirm = useConfirm();
  const sync = useSyncStatus();
  // Done when a pass has succeeded since the rebuild started (its first pass reads everything again).
  const doneAt =
    startedAt && sync?.state === 'idle' && sync.lastSuccessAt && sync.lastSuccessAt >= startedAt
      ? sync.lastSuccessAt
      : null;

  const rebuild = async () => {
    const confirmed = await confirm({
      title: 'Rebuild the mirror?',
      message:
        'The local copy is deleted and read again from the Schedule server; nothing on the server changes. The screens fill in again as it is read.',
      confirmLabel: 'Rebuild mirror',
    });
    if (!confirmed) return;
    const started = new Date().toISOString();
    const result = await api.call('mirror.rebuild', {});
    setError(result.ok ? null : result.error);
    setStartedAt(result.ok ? started : null);
  };

  return (
    <div className="row">
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => void rebuild()}>
        Rebuild mirror
      </button>
      <span role="status">
        {startedAt && !doneAt
          ? `Rebuilding: reading everything again${sync?.state === 'running' ? ` (${formatNumber(sync.rowsSoFar)} rows so far)` : ''}…`
          : doneAt
            ? `Rebuilt: the mirror was read again in full (${formatDateTime(doneAt)}).`
            : ''}
      </span>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
