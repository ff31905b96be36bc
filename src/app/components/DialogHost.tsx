import { Suspense, lazy, useEffect, useState } from 'react';
import { whenIdle } from './idle';
import { onExportNotes, onImportFailure, type ImportFailure } from '../io';
import type { ConfirmRequest } from './ConfirmDialog';

// A plan file's problems load when first needed: most visits never fail an import.
const ImportProblemsDialog = lazy(() =>
  import('../dialogs/ImportProblemsDialog').then((m) => ({ default: m.ImportProblemsDialog })),
);
// The confirmation loads while the page is idle after start, so it is there the moment it is
// asked for, without being part of the first load.
const loadConfirm = () => import('./ConfirmDialog').then((m) => ({ default: m.ConfirmDialog }));
const ConfirmDialog = lazy(loadConfirm);

type Open =
  | { kind: 'confirm'; request: ConfirmRequest; resolve: (ok: boolean) => void }
  | { kind: 'import-problems'; failure: ImportFailure };

let show: ((dialog: Open) => void) | undefined;

/** Asks the person to confirm something; resolves true when they do. */
export function confirmAction(
  title: string,
  message: string,
  confirmLabel: string,
  tone: ConfirmRequest['tone'] = 'danger',
): Promise<boolean> {
  return new Promise((resolve) => {
    if (!show) return resolve(window.confirm(`${title}\n\n${message}`));
    show({ kind: 'confirm', request: { title, message, confirmLabel, tone }, resolve });
  });
}

/** The app's one modal dialog at a time: a confirmation, or a plan file's problems. */
export function DialogHost() {
  const [open, setOpen] = useState<Open>();
  useEffect(() => whenIdle(() => void loadConfirm().catch(() => undefined)), []);
  useEffect(() => {
    show = setOpen;
    onImportFailure((failure) => setOpen({ kind: 'import-problems', failure }));
    onExportNotes((title, message) => confirmAction(title, message, 'Save the file', 'primary'));
    return () => {
      show = undefined;
      onImportFailure(undefined);
      onExportNotes(undefined);
    };
  }, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      {open.kind === 'confirm' ? (
        <ConfirmDialog
          request={open.request}
          onDone={(ok) => {
            setOpen(undefined);
            open.resolve(ok);
          }}
        />
      ) : (
        <ImportProblemsDialog failure={open.failure} onDone={() => setOpen(undefined)} />
      )}
    </Suspense>
  );
}
