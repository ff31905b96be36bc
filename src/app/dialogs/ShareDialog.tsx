import { useEffect, useRef, useState } from 'react';
import { MAX_FRAGMENT_CHARS } from '../../domain/share';
import { Button, inputClass } from '../ui';

/** Old Internet Explorer's limit, still the safe length for links pasted into other tools. */
const SAFE_URL_LENGTH = 2083;

async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure page): fall back to copying the selected field.
    field?.select();
    return document.execCommand('copy');
  }
}

/** The Share dialog: the link to the plan as it was when opened, and a button to copy it. */
export function ShareDialog({ link, onClose }: { link: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    dialog.current?.showModal();
    field.current?.select();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="share-title"
      onClose={onClose}
      className="m-auto w-[40rem] max-w-[92vw] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="share-title" className="text-base font-semibold">
        Share this plan
      </h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        The whole plan travels inside the link, after the “#”, so it never reaches a web server. Anyone who
        has the link can read the plan, its names and its addresses. Later changes are not in this link: share
        again to send them.
      </p>
      <label
        htmlFor="share-link"
        className="mt-4 block text-xs font-semibold text-slate-600 dark:text-slate-300"
      >
        Share link
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="share-link"
          ref={field}
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
        />
        <Button
          variant="primary"
          onClick={() =>
            void copyText(link, field.current).then((done) =>
              setStatus(done ? 'Link copied' : 'Copy failed: select the link and copy it by hand'),
            )
          }
        >
          Copy link
        </Button>
      </div>
      <p className="mt-2 flex items-center gap-3 text-xs text-slate-600 dark:text-slate-300">
        <span>{link.length.toLocaleString('en')} characters</span>
        {link.length - link.indexOf('#') - 1 > MAX_FRAGMENT_CHARS ? (
          <span className="text-red-700 dark:text-red-300">
            Too long to open: Portolan reads links of up to {MAX_FRAGMENT_CHARS.toLocaleString('en')}{' '}
            characters. Use Export → Plan and send the file instead.
          </span>
        ) : (
          link.length > SAFE_URL_LENGTH && (
            <span className="text-amber-800 dark:text-amber-300">
              Longer than {SAFE_URL_LENGTH.toLocaleString('en')} characters: some older mail and chat tools
              may cut it. Export the plan file instead.
            </span>
          )
        )}
        <span role="status" className="ml-auto font-semibold text-emerald-800 dark:text-emerald-300">
          {status}
        </span>
      </p>
      <div className="mt-5 flex justify-end">
        <Button onClick={() => dialog.current?.close()}>Close</Button>
      </div>
    </dialog>
  );
}
