import { matches } from './command';
import { registeredCommands, run, type CommandId } from './registry';

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard shortcuts for the whole app, from the commands' own key lists. In text fields the
 * browser's own editing keys win, so Ctrl+Z there undoes typing, not the plan.
 */
export function startShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || inTextField(e.target) || document.querySelector('dialog[open]')) return;
    // Commands that load later (with the panels) have keys too: every command registered so far.
    for (const command of registeredCommands()) {
      const id = command.id;
      if (!command.keys || !matches(command, e)) continue;
      // Undo and redo keep the browser's own meaning away even when there is nothing to undo.
      const claimed = run(id as CommandId) || id === 'undo' || id === 'redo';
      if (claimed) e.preventDefault();
      return;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
