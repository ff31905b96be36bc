import type { ImportFailure } from '../io';
import type { ConfirmRequest } from './ConfirmDialog';

/** A dialog the dialog host (DialogHost.tsx, loaded with the panels) shows. */
export type Open =
  | { kind: 'confirm'; request: ConfirmRequest; resolve: (ok: boolean) => void }
  | { kind: 'import-problems'; failure: ImportFailure }
  | { kind: 'import-hosts' }
  | { kind: 'shortcuts' }
  | { kind: 'find' }
  | { kind: 'new-zone' };

let show: ((dialog: Open) => void) | undefined;

/** A dialog asked for before the host was on the page (a click just after start): shown once it is. */
let waiting: Open | undefined;

/** Set by the dialog host while it is on the page. */
export function setDialogHost(host: typeof show) {
  show = host;
  if (host && waiting) {
    host(waiting);
    waiting = undefined;
  }
}

/** Opens "Import hosts": an inventory pasted or read from a CSV file, previewed before it is added. */
export function openImportHosts() {
  if (show) show({ kind: 'import-hosts' });
  else waiting = { kind: 'import-hosts' };
}

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
