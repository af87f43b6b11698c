import { useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ErrorMessage } from '../../app/ErrorMessage';
import { printDocument } from '../print/print-actions';

/** Print the setup sheet, or save it as PDF: for the setup as it stands on the server, any time. */
export function SheetActions({ primary = false }: { primary?: boolean }) {
  const [printError, setPrintError] = useState<AppError | null>(null);
  const print = async (mode: 'print' | 'pdf') => setPrintError(await printDocument({ kind: 'setup-sheet', mode }));
  return (
    <>
      <div className="row">
        <button type="button" className={primary ? 'primary' : undefined} onClick={() => void print('print')}>
          Print setup sheet
        </button>
        <button type="button" onClick={() => void print('pdf')}>
          Save setup sheet as PDF
        </button>
      </div>
      {printError ? <ErrorMessage error={printError} title="Printing failed" /> : null}
    </>
  );
}
