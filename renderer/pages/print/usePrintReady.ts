import { useEffect } from 'react';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import type { Loadable } from '../../lib/use-api';

/**
 * A print view tells its host when it is ready: data loaded and fonts ready, no sleeps. The Electron shell then
 * prints or saves the PDF; in a browser (web host) the view opens the browser's print dialog itself when asked.
 */
export function usePrintReady(state: Loadable<unknown>, query: URLSearchParams): void {
  const ready = state.status === 'ready';
  const failed = state.status === 'error' ? state.error.message : null;
  useEffect(() => {
    if (!ready && failed === null) return;
    let cancelled = false;
    void document.fonts.ready.then(() => {
      if (cancelled) return;
      document.body.dataset.printReady = failed === null ? 'true' : 'failed';
      void api.call('print.ready', failed === null ? { ok: true } : { ok: false, error: failed.slice(0, 500) });
      if (failed === null && query.get('auto') === 'print') {
        window.print();
        const back = query.get('back');
        if (back && back.startsWith('#/') && !back.startsWith('#/print')) navigate(back.slice(1));
      }
    });
    return () => {
      cancelled = true;
      delete document.body.dataset.printReady;
    };
  }, [ready, failed, query]);
}
