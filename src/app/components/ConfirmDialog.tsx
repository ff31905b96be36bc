import { useEffect, useRef, useState } from 'react';
import { Button } from './ui';

interface Request {
  title: string;
  message: string;
  confirmLabel: string;
  resolve: (ok: boolean) => void;
}

let open: ((r: Request) => void) | undefined;

/** Asks the person to confirm something; resolves true when they do. */
export function confirmAction(title: string, message: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (!open) return resolve(window.confirm(`${title}\n\n${message}`));
    open({ title, message, confirmLabel, resolve });
  });
}

/** The one modal confirmation dialog of the app (a native <dialog>: focus is trapped, Escape cancels). */
export function ConfirmDialogHost() {
  const [request, setRequest] = useState<Request>();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    open = setRequest;
    return () => {
      open = undefined;
    };
  }, []);

  useEffect(() => {
    if (request && !ref.current?.open) ref.current?.showModal();
  }, [request]);

  const finish = (ok: boolean) => {
    ref.current?.close();
    request?.resolve(ok);
    setRequest(undefined);
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
      className="m-auto w-[26rem] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {request && (
        <>
          <h2 id="confirm-title" className="text-base font-semibold">
            {request.title}
          </h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{request.message}</p>
          <div className="mt-5 flex justify-end gap-2">
            <Button onClick={() => finish(false)} autoFocus>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => finish(true)}>
              {request.confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
