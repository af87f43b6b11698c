import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
}

type Ask = (request: ConfirmRequest) => Promise<boolean>;

const ConfirmContext = createContext<Ask>(async () => false);

/**
 * Confirmations the console's own way: the desktop shell's native dialog, or (in a browser, where the host says so)
 * a modal dialog in the page, never `window.confirm`. The page's dialog is a native <dialog>: focus stays inside it,
 * Escape cancels, and the safe button (Cancel) has the focus first.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<{ request: ConfirmRequest; answer: (confirmed: boolean) => void } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    dialog.current?.showModal();
    cancel.current?.focus();
  }, [open]);

  const ask = useCallback<Ask>(async (request) => {
    const result = await api.call('host.confirm', request);
    if (result.ok && result.value.answer !== 'ask-in-page') return result.value.answer === 'confirmed';
    return new Promise<boolean>((resolve) => setOpen({ request, answer: resolve }));
  }, []);

  const close = (confirmed: boolean) => {
    dialog.current?.close();
    open?.answer(confirmed);
    setOpen(null);
  };

  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {open ? (
        <dialog
          ref={dialog}
          className="confirm-dialog"
          aria-labelledby="confirm-title"
          aria-describedby="confirm-message"
          onCancel={(event) => {
            event.preventDefault();
            close(false);
          }}
        >
          <h2 id="confirm-title">{open.request.title}</h2>
          <p id="confirm-message">{open.request.message}</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => close(true)}>
              {open.request.confirmLabel}
            </button>
            <button type="button" ref={cancel} onClick={() => close(false)}>
              Cancel
            </button>
          </div>
        </dialog>
      ) : null}
    </ConfirmContext.Provider>
  );
}

/** Asks for a confirmation; resolves true only when the administrator confirmed. */
export function useConfirm(): Ask {
  return useContext(ConfirmContext);
}
