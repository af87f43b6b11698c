import type { AppError } from '../../../shared/contract';
import { api } from '../../api/client';
import { navigate } from '../../app/router';

/**
 * Print or save as PDF. The desktop shell prints through the operating system's dialog from a hidden window; the web
 * host cannot, so the print view opens here and the browser's print dialog (which offers "Save as PDF") takes over.
 * Returns the error to show, or null.
 */
export async function printDocument(args: {
  kind: 'setup-sheet' | 'report';
  key?: string;
  mode: 'print' | 'pdf';
}): Promise<AppError | null> {
  const result = await api.call('print.document', args);
  if (!result.ok) return result.error;
  if (result.value.outcome === 'use-browser') {
    const back = window.location.hash;
    navigate(`${result.value.route.replace(/^#/, '')}?auto=print&back=${encodeURIComponent(back)}`);
  }
  return null;
}
