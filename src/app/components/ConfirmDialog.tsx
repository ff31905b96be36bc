import { useEffect, useRef } from 'react';
import { Button } from '../ui';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** "danger" for what loses work (replacing a plan), "primary" for going ahead (saving a file). */
  tone?: 'danger' | 'primary';
}

/** A modal confirmation (a native <dialog>: focus is trapped, Escape cancels). */
export function ConfirmDialog({
  request,
  onDone,
}: {
  request: ConfirmRequest;
  onDone: (ok: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  const finish = (ok: boolean) => {
    ref.current?.close();
    onDone(ok);
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
      <h2 id="confirm-title" className="text-base font-semibold">
        {request.title}
      </h2>
      <p className="mt-2 max-h-80 overflow-y-auto text-sm whitespace-pre-line text-slate-600 dark:text-slate-300">
        {request.message}
      </p>
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={() => finish(false)} autoFocus>
          Cancel
        </Button>
        <Button variant={request.tone ?? 'danger'} onClick={() => finish(true)}>
          {request.confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
