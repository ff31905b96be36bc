import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { ROLES, formatProblem } from '../../domain';
import { parseInventory } from '../../domain/inventory';
import { INVENTORY_COMMANDS, registerCommands, run } from '../commands';
import { usePlanner } from '../state';
import { Button, Icon, inputClass } from '../ui';
import { useModal } from './useModal';

registerCommands(INVENTORY_COMMANDS);

/** Lines of the preview table: enough to check the columns were read right. */
const PREVIEW_ROWS = 50;
/** The most problems listed (the count says how many there are). */
const PROBLEMS_SHOWN = 200;
/** Larger files are refused before they are read: 2,000 lines of hosts fit in far less. */
const MAX_FILE_BYTES = 2_000_000;

const SAMPLE =
  'name,address,roles,zone\nSEG-AM01,10.0.1.10,Array Manager,Servers\nSEG-NODE01,192.0.2.11,Processing node,DMZ';

/**
 * "Import hosts": an inventory pasted from a spreadsheet or read from a CSV file, previewed with
 * every problem by line, and added in one undo step (see the importHosts command).
 */
export function ImportHostsDialog({ onDone }: { onDone: () => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string>();
  const plan = usePlanner((s) => s.plan);
  // Typing stays quick with a long paste: the preview follows in the background.
  const shownText = useDeferredValue(text);
  const preview = useMemo(
    () => (shownText.trim() ? parseInventory(shownText, plan) : undefined),
    [shownText, plan],
  );
  const { ref, close, onCancel } = useModal(onDone);
  const readFile = (f: File) => {
    if (f.size > MAX_FILE_BYTES) {
      setFileNote(`${f.name} is ${(f.size / 1e6).toFixed(1)} MB, more than the 2 MB an inventory may be.`);
      return;
    }
    f.text().then(
      (content) => {
        setText(content);
        setFileNote(`Read ${f.name}.`);
      },
      () => setFileNote(`${f.name} could not be read.`),
    );
  };
  const count = preview?.hosts.length ?? 0;
  const add = () => {
    if (run('importHosts', { text })) close();
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby="import-hosts-title"
      onCancel={onCancel}
      className="m-auto w-[52rem] max-w-[94vw] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="import-hosts-title" className="flex items-center gap-2 text-base font-semibold">
        <Icon name="upload" className="size-5 text-teal-700 dark:text-teal-400" />
        Import hosts
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        Paste rows from a spreadsheet, or choose a CSV file. Columns: <strong>name</strong>, address,{' '}
        <strong>roles</strong>, zone (and trust for new zones), separated by commas, semicolons or tabs. Zones
        not in the plan are made.
      </p>
      <label htmlFor="import-hosts-text" className="mt-3 block text-sm font-medium">
        Rows
      </label>
      <textarea
        id="import-hosts-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={SAMPLE}
        spellCheck={false}
        rows={8}
        className={`${inputClass} mt-1 w-full font-mono text-xs`}
        autoFocus
      />
      <div className="mt-2 flex items-center gap-3 text-sm">
        <Button onClick={() => file.current?.click()}>Choose a CSV file…</Button>
        <input
          ref={file}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          className="hidden"
          aria-label="CSV file of hosts"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) readFile(f);
          }}
        />
        {fileNote && <span className="text-slate-600 dark:text-slate-300">{fileNote}</span>}
      </div>

      {preview && (
        <section aria-label="Preview" className="mt-4">
          <p role="status" className="text-sm font-medium">
            {count === 0 ? 'No host to add' : `${count} host${count === 1 ? '' : 's'} to add`}
            {preview.newZones.length > 0 &&
              `, ${preview.newZones.length} new zone${preview.newZones.length === 1 ? '' : 's'} (${preview.newZones
                .map((z) => `${z.name}, ${z.trust}`)
                .join('; ')})`}
            {preview.problems.length > 0 &&
              ` · ${preview.problems.length} problem${preview.problems.length === 1 ? '' : 's'}: those lines add nothing`}
          </p>
          {preview.problems.length > 0 && (
            <ul
              aria-label="Problems"
              className="mt-2 max-h-40 space-y-1 overflow-auto rounded-md bg-red-50 p-3 font-mono text-xs text-red-950 dark:bg-red-950/40 dark:text-red-100"
            >
              {preview.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                <li key={i}>{formatProblem(p)}</li>
              ))}
              {preview.problems.length > PROBLEMS_SHOWN && (
                <li>… and {preview.problems.length - PROBLEMS_SHOWN} more</li>
              )}
            </ul>
          )}
          {count > 0 && (
            <div className="mt-2 max-h-60 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
              <table aria-label="Hosts to add" className="w-full text-left text-xs">
                <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
                  <tr>
                    <th className="px-2 py-1">Line</th>
                    <th className="px-2 py-1">Name</th>
                    <th className="px-2 py-1">Address</th>
                    <th className="px-2 py-1">Roles</th>
                    <th className="px-2 py-1">Zone</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.hosts.slice(0, PREVIEW_ROWS).map((h) => (
                    <tr key={h.line} className="border-t border-slate-100 dark:border-slate-800">
                      <td className="px-2 py-1 text-slate-500">{h.line}</td>
                      <td className="px-2 py-1 font-medium">{h.name}</td>
                      <td className="px-2 py-1 font-mono">{h.address ?? '—'}</td>
                      <td className="px-2 py-1">{h.roles.map((r) => ROLES[r].label).join(', ')}</td>
                      <td className="px-2 py-1">{h.zone ?? 'no zone'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {count > PREVIEW_ROWS && (
                <p className="px-2 py-1 text-xs text-slate-500">… and {count - PREVIEW_ROWS} more</p>
              )}
            </div>
          )}
        </section>
      )}

      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={close}>Cancel</Button>
        <Button variant="primary" onClick={add} disabled={count === 0}>
          {count === 0 ? 'Add hosts' : `Add ${count} host${count === 1 ? '' : 's'}`}
        </Button>
      </div>
    </dialog>
  );
}
