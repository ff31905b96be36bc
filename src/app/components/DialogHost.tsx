import { Suspense, lazy, useEffect, useState } from 'react';
import { whenIdle } from './idle';
import { onExportNotes, onImportFailure } from '../io';
import { confirmAction, setDialogHost, type Open } from './confirm';
import { setFindOpener, setNewZoneOpener, setShortcutsOpener } from '../commands';

// A plan file's problems load when first needed: most visits never fail an import.
const ImportProblemsDialog = lazy(() =>
  import('../dialogs/ImportProblemsDialog').then((m) => ({ default: m.ImportProblemsDialog })),
);
// The confirmation loads while the page is idle after start, so it is there the moment it is
// asked for, without being part of the first load.
const loadConfirm = () => import('./ConfirmDialog').then((m) => ({ default: m.ConfirmDialog }));
const ConfirmDialog = lazy(loadConfirm);
// "Find a host" loads when first asked for (Ctrl/Cmd+F on the canvas).
const FindDialog = lazy(() => import('../dialogs/FindDialog').then((m) => ({ default: m.FindDialog })));
// The list of keyboard shortcuts loads when first asked for ("?").
const ShortcutsDialog = lazy(() =>
  import('../dialogs/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
);
// "Import hosts" and the inventory reader load when it is first opened.
const NewZoneDialog = lazy(() =>
  import('../dialogs/NewZoneDialog').then((m) => ({ default: m.NewZoneDialog })),
);
const ImportHostsDialog = lazy(() =>
  import('../dialogs/ImportHostsDialog').then((m) => ({ default: m.ImportHostsDialog })),
);

/**
 * The app's one modal dialog at a time: a confirmation, or a plan file's problems. Dialogs are
 * rare, so it loads with the panels; until then a confirmation is the browser's own and a file's
 * problems a notice.
 */
export function DialogHost() {
  const [open, setOpen] = useState<Open>();
  useEffect(() => whenIdle(() => void loadConfirm().catch(() => undefined)), []);
  useEffect(() => {
    setDialogHost(setOpen);
    setShortcutsOpener(() => setOpen({ kind: 'shortcuts' }));
    setFindOpener(() => setOpen({ kind: 'find' }));
    setNewZoneOpener(() => setOpen({ kind: 'new-zone' }));
    onImportFailure((failure) => setOpen({ kind: 'import-problems', failure }));
    onExportNotes((title, message) => confirmAction(title, message, 'Save the file', 'primary'));
    return () => {
      setDialogHost(undefined);
      setShortcutsOpener(undefined);
      setFindOpener(undefined);
      setNewZoneOpener(undefined);
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
      ) : open.kind === 'new-zone' ? (
        <NewZoneDialog onDone={() => setOpen(undefined)} />
      ) : open.kind === 'find' ? (
        <FindDialog onDone={() => setOpen(undefined)} />
      ) : open.kind === 'shortcuts' ? (
        <ShortcutsDialog onDone={() => setOpen(undefined)} />
      ) : open.kind === 'import-hosts' ? (
        <ImportHostsDialog onDone={() => setOpen(undefined)} />
      ) : (
        <ImportProblemsDialog failure={open.failure} onDone={() => setOpen(undefined)} />
      )}
    </Suspense>
  );
}
