import { useReactFlow } from '@xyflow/react';
import { useId, useMemo, useState } from 'react';
import { HOST_SIZE, ROLES, hostPosition, visibleText } from '../../domain';
import { usePlanner } from '../state';
import { Button, inputClass } from '../ui';
import { useModal } from './useModal';

/** The most matches listed: enough to pick from, short enough to read. */
const SHOWN = 20;

/**
 * "Find a host" (Ctrl/Cmd+F on the canvas): hosts whose name or address holds what is typed; Enter
 * or a click selects the host, centres the view on its card and puts the keyboard on it.
 */
export function FindDialog({ onDone }: { onDone: () => void }) {
  const plan = usePlanner((s) => s.plan);
  const rf = useReactFlow();
  const [query, setQuery] = useState('');
  const id = useId();
  const { ref, close, onCancel } = useModal(onDone);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return plan.hosts
      .map((host, index) => ({ host, index }))
      .filter(
        ({ host }) => host.name.toLowerCase().includes(q) || (host.address ?? '').toLowerCase().includes(q),
      );
  }, [plan, query]);
  const pick = (hostId: string, index: number) => {
    const host = plan.hosts[index]!;
    const at = hostPosition(host, index);
    usePlanner.getState().select({ kind: 'hosts', ids: [hostId] });
    void rf.setCenter(at.x + HOST_SIZE.width / 2, at.y + HOST_SIZE.height / 2, {
      zoom: Math.max(rf.getZoom(), 1),
      duration: 250,
    });
    close();
    // The card is drawn once the view is there (large plans draw only what is in view).
    setTimeout(
      () =>
        document
          .querySelector<HTMLElement>(`.react-flow__node[data-id="host:${CSS.escape(hostId)}"]`)
          ?.focus(),
      300,
    );
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onCancel={onCancel}
      className="m-auto mt-24 w-[28rem] max-w-[92vw] rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-950/20 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Find a host
      </h2>
      <label htmlFor={`${id}-q`} className="mt-2 block text-sm">
        Name or address
      </label>
      <input
        id={`${id}-q`}
        className={`${inputClass} mt-1 w-full`}
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          const first = matches[0];
          if (e.key === 'Enter' && first) {
            e.preventDefault();
            pick(first.host.id, first.index);
          }
        }}
      />
      {query.trim() && (
        <p role="status" className="mt-2 text-xs text-slate-600 dark:text-slate-300">
          {matches.length === 0
            ? 'No host matches.'
            : `${matches.length} host${matches.length === 1 ? '' : 's'}${matches.length > SHOWN ? `, the first ${SHOWN} shown` : ''}. Enter picks the first.`}
        </p>
      )}
      {matches.length > 0 && (
        <ul aria-label="Matching hosts" className="mt-2 max-h-72 overflow-auto">
          {matches.slice(0, SHOWN).map(({ host, index }) => (
            <li key={host.id}>
              <button
                type="button"
                onClick={() => pick(host.id, index)}
                className="flex w-full items-baseline gap-2 rounded px-2 py-1 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-slate-800"
              >
                <span className="font-medium">{visibleText(host.name)}</span>
                <span className="font-mono text-xs text-slate-500">
                  {host.address ? visibleText(host.address) : ''}
                </span>
                <span className="ml-auto text-xs text-slate-500">
                  {host.roles.map((r) => ROLES[r].short).join(', ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex justify-end">
        <Button onClick={close}>Close</Button>
      </div>
    </dialog>
  );
}
