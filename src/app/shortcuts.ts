import { deleteSelection } from './commands';
import { usePlanner } from './store';

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard shortcuts for the whole app. In text fields the browser's own editing keys win,
 * so Ctrl+Z there undoes typing, not the plan.
 */
export function startShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (inTextField(e.target) || document.querySelector('dialog[open]')) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const state = usePlanner.getState();
    if (mod && key === 'z' && !e.shiftKey) {
      e.preventDefault();
      state.undo();
    } else if ((mod && key === 'z' && e.shiftKey) || (e.ctrlKey && key === 'y')) {
      e.preventDefault();
      state.redo();
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && !mod) {
      if (deleteSelection()) e.preventDefault();
    } else if (e.key === 'Escape' && state.selection.kind !== 'none') {
      state.select({ kind: 'none' });
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
