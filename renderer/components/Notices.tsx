import { useCallback, useState } from 'react';
import type { Notice } from '../../shared/contract';
import { useEvent } from '../lib/use-api';

/** Pushed notices (keychain problems, a set-aside profiles file...), announced politely and dismissible. */
export function Notices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const onNotice = useCallback((notice: Notice) => setNotices((current) => [...current.slice(-4), notice]), []);
  useEvent('app.notice', onNotice);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice, index) => (
        <div
          key={`${notice.at}-${index}`}
          className={`notice ${notice.level === 'info' ? 'info' : ''}`}
          role={notice.level === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.message}</span>
          {notice.nextStep ? <span className="next-step"> {notice.nextStep}</span> : null}
          <button type="button" onClick={() => setNotices((current) => current.filter((_, i) => i !== index))}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
