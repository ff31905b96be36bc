import { readableKey, shortcuts } from '../commands';
import { Button } from '../ui';
import { useModal } from './useModal';

/** Keys of the canvas itself (React Flow's and the canvas's walking; not commands of the registry). */
const CANVAS_KEYS: [string, string][] = [
  ['Go to the next card or arrow that way', 'Arrow keys'],
  ['Select the focused card, zone or arrow', 'Enter or Space'],
  ['Move the selected cards (larger steps with Shift)', 'Arrow keys'],
  ['Menu of the focused card, zone or arrow', 'Shift+F10, or right-click'],
  ['Open a stack of similar hosts, or fold it back', 'Enter, or double-click'],
  ['Select several cards', 'Ctrl+click (⌘+click on a Mac), or Shift+drag a box'],
];

/** A command's keys as read: a key that only adds Shift to another of its keys goes unsaid. */
function keysText(keys: readonly string[]): string {
  return keys
    .filter((k) => !(k.startsWith('Shift+') && keys.includes(k.slice('Shift+'.length))))
    .map(readableKey)
    .join(' or ');
}

/** Every keyboard shortcut: the commands' own keys (from the one registry), then the canvas's. */
export function ShortcutsDialog({ onDone }: { onDone: () => void }) {
  const { ref, close, onCancel } = useModal(onDone);
  const row = (label: string, keys: string) => (
    <tr key={label} className="border-t border-slate-100 dark:border-slate-800">
      <td className="py-1 pr-4">{label}</td>
      <td className="py-1 font-mono text-xs whitespace-nowrap">{keys}</td>
    </tr>
  );
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onCancel={onCancel}
      className="m-auto w-[36rem] max-w-[92vw] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <table aria-label="Commands" className="mt-3 w-full text-left text-sm">
        <tbody>{shortcuts().map((s) => row(s.label, keysText(s.keys)))}</tbody>
      </table>
      <h3 className="mt-4 text-sm font-semibold">On the canvas</h3>
      <table aria-label="On the canvas" className="mt-1 w-full text-left text-sm">
        <tbody>{CANVAS_KEYS.map(([label, keys]) => row(label, keys))}</tbody>
      </table>
      <div className="mt-5 flex justify-end">
        <Button variant="primary" onClick={close} autoFocus>
          Close
        </Button>
      </div>
    </dialog>
  );
}
